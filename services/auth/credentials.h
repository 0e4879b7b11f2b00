#pragma once

#include "services/base/result.h"

#include <QString>

// Passwords and PINs as argon2id hashes (libsodium's crypto_pwhash_str: salt and parameters in
// the string, "$argon2id$v=19$m=65536,t=2,p=1$…"), never the secret itself. A badge is looked
// up by a SHA-256 key of it; its PIN is hashed together with the badge, so a PIN hash alone
// cannot be tried without the badge. Hashing takes about 0.1 s and 64 MiB by design: call it off
// the GUI thread.
namespace Station::Auth {

// Passwords: 8 to 128 characters. PINs: 4 to 12 digits. Badges: 4 to 64 printable characters.
constexpr int MinPasswordLength = 8;
constexpr int MaxSecretLength = 128;
constexpr int MinPinLength = 4;
constexpr int MaxPinLength = 12;

// Why a secret is not acceptable (empty: it is), translated where shown.
Text passwordProblem(const QString &password);
Text pinProblem(const QString &pin);
Text badgeProblem(const QString &badge);

// False when libsodium cannot be initialised (it then cannot hash or verify).
bool available();

[[nodiscard]] Result<QString> hashPassword(const QString &password);
[[nodiscard]] Result<QString> hashPin(const QString &badge, const QString &pin);
// True when `secret` matches `hash`; false for a wrong secret or a hash that is not argon2id.
bool verifyPassword(const QString &hash, const QString &password);
bool verifyPin(const QString &hash, const QString &badge, const QString &pin);
// A hash made with parameters weaker than today's (to be re-hashed at the next sign-in).
bool needsRehash(const QString &hash);

// The lookup key of a badge: lowercase hex SHA-256 of the badge's UTF-8 with a fixed prefix.
QString badgeKey(const QString &badge);

} // namespace Station::Auth

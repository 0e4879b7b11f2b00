#include "services/auth/credentials.h"

#include "services/base/tr.h"

#include <QCryptographicHash>

#include <sodium.h>

using namespace Qt::Literals::StringLiterals;

namespace Station::Auth {

namespace {

// libsodium's interactive limits: 2 passes over 64 MiB (about 0.1 s on a line PC).
constexpr unsigned long long OpsLimit = crypto_pwhash_OPSLIMIT_INTERACTIVE;
constexpr size_t MemLimit = crypto_pwhash_MEMLIMIT_INTERACTIVE;

Result<QString> hashSecret(const QByteArray &secret)
{
    if (!available()) {
        return fail(ErrorCode::Internal,
            Tr::tr("The station cannot hash passwords: libsodium did not initialise."),
            u"sodium_init failed"_s);
    }
    char out[crypto_pwhash_STRBYTES] = {};
    if (crypto_pwhash_str_alg(out,
            secret.constData(),
            static_cast<unsigned long long>(secret.size()),
            OpsLimit,
            MemLimit,
            crypto_pwhash_ALG_ARGON2ID13)
        != 0) {
        return fail(ErrorCode::Internal,
            Tr::tr("The station ran out of memory while hashing a password."),
            u"crypto_pwhash_str_alg failed"_s);
    }
    return QString::fromLatin1(out);
}

bool verifySecret(const QString &hash, const QByteArray &secret)
{
    if (!available() || !hash.startsWith(u"$argon2id$"_s))
        return false;
    const QByteArray stored = hash.toLatin1();
    if (stored.size() >= crypto_pwhash_STRBYTES)
        return false;
    return crypto_pwhash_str_verify(stored.constData(),
               secret.constData(),
               static_cast<unsigned long long>(secret.size()))
        == 0;
}

QByteArray pinSecret(const QString &badge, const QString &pin)
{
    // The badge's key, not the badge: its length is fixed, so no two pairs run together.
    return badgeKey(badge).toLatin1() + ':' + pin.toUtf8();
}

bool isPrintable(const QString &text)
{
    for (const QChar c : text) {
        if (!c.isPrint())
            return false;
    }
    return true;
}

} // namespace

Text passwordProblem(const QString &password)
{
    if (password.size() < MinPasswordLength)
        return Tr::tr("A password has at least %1 characters.").arg(MinPasswordLength);
    if (password.size() > MaxSecretLength)
        return Tr::tr("A password has at most %1 characters.").arg(MaxSecretLength);
    if (!isPrintable(password))
        return Tr::tr("A password holds printable characters only.");
    return {};
}

Text pinProblem(const QString &pin)
{
    if (pin.size() < MinPinLength || pin.size() > MaxPinLength)
        return Tr::tr("A PIN has %1 to %2 digits.").arg(MinPinLength, MaxPinLength);
    for (const QChar c : pin) {
        if (c < u'0' || c > u'9')
            return Tr::tr("A PIN has %1 to %2 digits.").arg(MinPinLength, MaxPinLength);
    }
    return {};
}

Text badgeProblem(const QString &badge)
{
    if (badge.size() < 4 || badge.size() > 64 || !isPrintable(badge))
        return Tr::tr("A badge has 4 to 64 printable characters.");
    return {};
}

bool available()
{
    static const bool initialised = sodium_init() >= 0;
    return initialised;
}

Result<QString> hashPassword(const QString &password)
{
    return hashSecret(password.toUtf8());
}

Result<QString> hashPin(const QString &badge, const QString &pin)
{
    return hashSecret(pinSecret(badge, pin));
}

bool verifyPassword(const QString &hash, const QString &password)
{
    return verifySecret(hash, password.toUtf8());
}

bool verifyPin(const QString &hash, const QString &badge, const QString &pin)
{
    return verifySecret(hash, pinSecret(badge, pin));
}

bool needsRehash(const QString &hash)
{
    if (!available())
        return false;
    const QByteArray stored = hash.toLatin1();
    return crypto_pwhash_str_needs_rehash(stored.constData(), OpsLimit, MemLimit) != 0;
}

QString badgeKey(const QString &badge)
{
    return QString::fromLatin1(QCryptographicHash::hash(
        QByteArray("sphere-station-badge:").append(badge.toUtf8()), QCryptographicHash::Sha256)
                                   .toHex());
}

} // namespace Station::Auth

#pragma once

#include <QDateTime>
#include <QString>

namespace Station {

// A user who may sign in, as the record keeps it (table users, schema 6): this station's own
// (origin "local") or a copy of the plant database's account (origin "plant"), kept so that the
// station can sign people in while the plant is away. Hashes only (Auth::Credentials), never a
// secret.
struct UserRow
{
    QString login; // unique, compared without case
    QString displayName;
    QString role;         // "operator", "technician", "quality", "engineer" or "admin"
    QString passwordHash; // argon2id (libsodium's crypto_pwhash_str), empty: no password
    QString badgeKey;     // SHA-256 of the badge (Auth::badgeKey), empty: no badge
    QString pinHash;      // argon2id of the badge and PIN, empty: no PIN
    bool active = true;
    QString origin = QStringLiteral("local");
    QDateTime updated; // UTC
    int failedAttempts = 0;
    QDateTime lockedUntil; // UTC; invalid: not locked
};

// A recipe approved to make devices permanent (DeviceComplete): by the SHA-256 of its file, so
// that a changed file needs approval again.
struct RecipeApproval
{
    QString sha256;
    QString recipeName;
    QString recipeVersion;
    QString approvedBy;
    QString approvedRole;
    QDateTime approved; // UTC
    QString reason;
};

} // namespace Station

#pragma once

// The station's commands and the sqlite3 shell as the auth and plant tests run them: argument
// lists, standard input written and closed, a bounded wait. STATION_BIN_DIR comes from CMake.

#include <QByteArray>
#include <QProcess>
#include <QString>
#include <QStringList>

struct Ran
{
    int code = -1;
    QString out;
    QString err;
};

inline Ran runStation(const QStringList &arguments, const QByteArray &input = {})
{
    QProcess process;
    process.start(QStringLiteral(STATION_BIN_DIR "/sphere-station"), arguments);
    process.write(input);
    process.closeWriteChannel();
    if (!process.waitForFinished(120000)) {
        process.kill();
        process.waitForFinished();
        return {};
    }
    return Ran {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
        QString::fromUtf8(process.readAllStandardOutput()),
        QString::fromUtf8(process.readAllStandardError())};
}

// Runs SQL with the sqlite3 shell, as someone tampering with the file would.
inline Ran sqliteShell(const QString &path, const QString &sql)
{
    QProcess process;
    process.start(QStringLiteral("sqlite3"), {path, sql});
    if (!process.waitForFinished(30000)) {
        process.kill();
        process.waitForFinished();
        return {};
    }
    return Ran {process.exitCode(),
        QString::fromUtf8(process.readAllStandardOutput()),
        QString::fromUtf8(process.readAllStandardError())};
}

#pragma once

// The built `sphere-station` as a child process, the record it leaves (read with a plain SQLite
// connection of the test's own) and the processes a station leaves on a bench. Header-only; for
// the engine tests that start stations, kill them and start them again.

#include "simbench.h"

#include <QCoreApplication>
#include <QDirIterator>
#include <QFile>
#include <QProcess>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QStringList>
#include <QVariantList>

#include <chrono>

namespace StationProcess {

struct Exit
{
    int exitCode = -1; // -1: did not start, did not end in time, or crashed
    QString out;
    QString err;
};

// Runs `sphere-station <arguments>` to its end (or `limit`) and collects its output.
inline Exit run(const QStringList &arguments,
    const QProcessEnvironment &environment,
    std::chrono::milliseconds limit = std::chrono::minutes(4))
{
    QProcess process;
    process.setProcessEnvironment(environment);
    process.start(SimBench::bin(QStringLiteral("sphere-station")), arguments);
    Exit exit;
    if (!process.waitForStarted())
        return exit;
    process.closeWriteChannel();
    if (!process.waitForFinished(int(limit.count()))) {
        process.kill();
        process.waitForFinished();
    } else if (process.exitStatus() == QProcess::NormalExit) {
        exit.exitCode = process.exitCode();
    }
    exit.out = QString::fromUtf8(process.readAllStandardOutput());
    exit.err = QString::fromUtf8(process.readAllStandardError());
    return exit;
}

// The rows of `sql` on the record at `path`, through a connection of the test's own that is
// closed again before this returns (so it never holds the file while a station runs).
inline QList<QVariantList> rows(
    const QString &path, const QString &sql, const QVariantList &binds = {})
{
    static int count = 0;
    const QString name = QStringLiteral("station-process-inspect-%1").arg(++count);
    QList<QVariantList> result;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(path);
        if (db.open()) {
            QSqlQuery query(db);
            query.prepare(sql);
            for (qsizetype i = 0; i < binds.size(); ++i)
                query.bindValue(int(i), binds.at(i));
            if (query.exec()) {
                while (query.next()) {
                    QVariantList row;
                    for (int i = 0; i < query.record().count(); ++i)
                        row.append(query.value(i));
                    result.append(row);
                }
            }
        }
    }
    QSqlDatabase::removeDatabase(name);
    return result;
}

inline QString value(const QString &path, const QString &sql, const QVariantList &binds = {})
{
    const QList<QVariantList> all = rows(path, sql, binds);
    return all.isEmpty() ? QString() : all.first().value(0).toString();
}

// Processes other than this test whose environment holds a variable starting with `prefix`
// (e.g. "AZSPHERE_SIM_HOME=/tmp/x/sphere-bench-": the tools and the UART server of a bench).
inline QList<qint64> processesWithEnvironment(const QByteArray &prefix)
{
    QList<qint64> pids;
    QDirIterator it(QStringLiteral("/proc"), QDir::Dirs | QDir::NoDotAndDotDot);
    while (it.hasNext()) {
        const QString dir = it.next();
        bool numeric = false;
        const qint64 pid = it.fileName().toLongLong(&numeric);
        if (!numeric || pid == QCoreApplication::applicationPid())
            continue;
        QFile environ(dir + QStringLiteral("/environ"));
        if (!environ.open(QIODevice::ReadOnly))
            continue;
        const QList<QByteArray> variables = environ.readAll().split('\0');
        for (const QByteArray &variable : variables) {
            if (variable.startsWith(prefix)) {
                pids.append(pid);
                break;
            }
        }
    }
    return pids;
}

} // namespace StationProcess

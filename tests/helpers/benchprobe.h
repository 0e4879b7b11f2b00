#pragma once

// What a test reads back after the station is gone: one value of a record (on a connection of its
// own, opened and removed here) and the processes still running on a simulated bench.

#include <QCoreApplication>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>

namespace TestProbe {

// The first column of the first row of `sql` on the record at `path`; empty if none.
inline QString recordValue(const QString &path, const QString &sql)
{
    static int count = 0;
    const QString name = QStringLiteral("probe-%1").arg(++count);
    QString value;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(path);
        if (db.open()) {
            QSqlQuery query(db);
            if (query.exec(sql) && query.next())
                value = query.value(0).toString();
        }
    }
    QSqlDatabase::removeDatabase(name);
    return value;
}

// Processes other than this test that run on `benchDir` (the simulator's tools, its UART
// server): found by the AZSPHERE_SIM_HOME in their environment.
inline int processesOnBench(const QString &benchDir)
{
    int count = 0;
    const QByteArray needle = "AZSPHERE_SIM_HOME=" + benchDir.toUtf8();
    QDirIterator it(QStringLiteral("/proc"), QDir::Dirs | QDir::NoDotAndDotDot);
    while (it.hasNext()) {
        const QString dir = it.next();
        bool numeric = false;
        const qint64 pid = it.fileName().toLongLong(&numeric);
        if (!numeric || pid == QCoreApplication::applicationPid())
            continue;
        QFile environ(dir + QStringLiteral("/environ"));
        if (environ.open(QIODevice::ReadOnly) && environ.readAll().split('\0').contains(needle))
            ++count;
    }
    return count;
}

} // namespace TestProbe

#pragma once

// Plant databases for the plant views' tests, on a throwaway server (pgserver.h): a database
// with the plant schema, stations on lines, a quality login that reads everything, and runs
// inserted as the owner (the relay that will deliver them is not part of these tests).

#include "services/plant/plantschema.h"
#include "services/records/recordquery.h"
#include "tests/helpers/pgserver.h"

#include <QFile>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>

namespace TestPg {

struct PlantRun
{
    QString stationId;
    QUuid runUuid = QUuid::createUuid();
    qint64 localRunId = 1;
    QString deviceId;
    QString serialNumber;
    int fixture = 1;
    QString fixtureLabel;
    QString recipeName = u"Full line"_s;
    QDateTime started;
    QDateTime finished; // invalid: still running
    QString outcome = u"PASS"_s;
    QString failedStep;
    QString errorCode;
    QString cause;
    QString causeText;
    QString station; // the station's name as it recorded it
};

struct PlantStep
{
    int seq = 1;
    QString name = u"Connect"_s;
    QString type = u"connect"_s;
    QDateTime started;
    QDateTime finished;
    QString outcome = u"PASS"_s;
};

// Runs `sql`; the error text, or empty. A null QString is bound as NULL (the inserts below
// coalesce their text columns to '').
inline QString execSql(QSqlDatabase db, const QString &sql, const QVariantList &binds = {})
{
    QSqlQuery query(db);
    // Statements without values run as they are: PREPARE takes no utility statement.
    if (binds.isEmpty()) {
        if (!query.exec(sql))
            return query.lastError().text() + u" in: "_s + sql;
        return {};
    }
    if (!query.prepare(sql))
        return query.lastError().text() + u" in: "_s + sql;
    for (const QVariant &value : binds)
        query.addBindValue(value);
    if (!query.exec())
        return query.lastError().text() + u" in: "_s + sql;
    return {};
}

inline QVariant timeValue(const QDateTime &time)
{
    return time.isValid() ? QVariant(time.toUTC().toString(Qt::ISODateWithMs))
                          : QVariant(QMetaType(QMetaType::QString));
}

inline QString insertRun(QSqlDatabase db, const PlantRun &run)
{
    return execSql(db,
        uR"(INSERT INTO plant.runs (station_id, run_uuid, local_run_id, device_id, serial_number,
                fixture, fixture_label, recipe_name, started_utc, finished_utc, outcome,
                failed_step, error_code, cause, cause_text, station, station_utc)
            VALUES (?, ?::uuid, ?, coalesce(?, ''), coalesce(?, ''), ?, coalesce(?, ''),
                coalesce(?, ''), ?::timestamptz, ?::timestamptz, ?, coalesce(?, ''),
                coalesce(?, ''), coalesce(?, ''), coalesce(?, ''), coalesce(?, ''), now()))"_s,
        {run.stationId,
            run.runUuid.toString(QUuid::WithoutBraces),
            run.localRunId,
            run.deviceId,
            run.serialNumber,
            run.fixture,
            run.fixtureLabel,
            run.recipeName,
            timeValue(run.started),
            timeValue(run.finished),
            run.outcome,
            run.failedStep,
            run.errorCode,
            run.cause,
            run.causeText,
            run.station});
}

inline QString insertStep(QSqlDatabase db, const PlantRun &run, const PlantStep &step)
{
    return execSql(db,
        uR"(INSERT INTO plant.steps (station_id, run_uuid, seq, name, type, started_utc,
                finished_utc, outcome, station_utc)
            VALUES (?, ?::uuid, ?, coalesce(?, ''), coalesce(?, ''), ?::timestamptz,
                ?::timestamptz, ?, now()))"_s,
        {run.stationId,
            run.runUuid.toString(QUuid::WithoutBraces),
            step.seq,
            step.name,
            step.type,
            timeValue(step.started),
            timeValue(step.finished),
            step.outcome});
}

// A new database `name` with the plant schema, `stations` registered as (station ID, line),
// each with a login role, and the quality login `<name>_quality` whose password is in the
// returned passfile. Returns the admin conninfo (empty on failure, with `error` set).
struct PlantDb
{
    QString adminConninfo;
    QString qualityConninfo;
    QString error;
};

inline PlantDb makePlant(
    const PgServer &server, const QString &name, const QList<std::pair<QString, QString>> &stations)
{
    PlantDb plant;
    {
        Station::Plant::Connection admin;
        if (auto opened = admin.open(server.adminConninfo()); !opened) {
            plant.error = opened.error().message;
            return plant;
        }
        if (QString e = execSql(admin.database(), u"CREATE DATABASE %1"_s.arg(name));
            !e.isEmpty()) {
            plant.error = e;
            return plant;
        }
    }
    const QString conninfo = server.adminConninfo(name);
    Station::Plant::Connection admin;
    if (auto opened = admin.open(conninfo); !opened) {
        plant.error = opened.error().message;
        return plant;
    }
    QSqlDatabase db = admin.database();
    if (auto created = Station::Plant::init(db); !created) {
        plant.error = created.error().message + u": "_s + created.error().detail;
        return plant;
    }
    const QString quality = name + u"_quality"_s;
    const QString password = u"quality-secret"_s;
    QStringList statements {
        u"CREATE ROLE %1 LOGIN PASSWORD '%2' IN ROLE plant_quality"_s.arg(quality, password)};
    int n = 0;
    for (const auto &[stationId, line] : stations) {
        const QString role = u"%1_st%2"_s.arg(name).arg(++n);
        statements << u"CREATE ROLE %1 LOGIN PASSWORD 'x' IN ROLE plant_station"_s.arg(role)
                   << u"INSERT INTO plant.stations (station_id, login_role, line) "
                      "VALUES ('%1', '%2', '%3')"_s.arg(stationId, role, line);
    }
    for (const QString &statement : statements) {
        if (QString e = execSql(db, statement); !e.isEmpty()) {
            plant.error = e;
            return plant;
        }
    }
    const QString passfile = server.directory() + u"/pgpass-"_s + quality;
    QFile file(passfile);
    if (!file.open(QIODevice::WriteOnly)) {
        plant.error = u"cannot write "_s + passfile;
        return plant;
    }
    file.write(u"127.0.0.1:%1:*:%2:%3\n"_s.arg(server.port()).arg(quality, password).toUtf8());
    file.setPermissions(QFile::ReadOwner | QFile::WriteOwner);
    plant.adminConninfo = conninfo;
    plant.qualityConninfo = server.tcpConninfo(quality, name, passfile);
    return plant;
}

} // namespace TestPg

#pragma once

// Compares a station's local record with what the plant database holds for that station, row
// by row: every run, step, command, measurement and event, every delivered column. Used by the
// relay test and the delivery soak ("identical content").

#include <QSet>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QString>
#include <QStringList>
#include <QVariant>

#include <cmath>

using namespace Qt::Literals::StringLiterals;

namespace TestPlant {

enum class Kind { Text, Number, Real, Time };

struct Field
{
    QString local; // SQLite expression
    QString plant; // PostgreSQL expression
    Kind kind = Kind::Text;
};

struct Table
{
    QString name;
    QString localFrom;
    QString plantFrom; // with a ? for the station ID
    QList<Field> fields;
};

inline QString plantTime(const QString &column)
{
    return u"to_char(%1 AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"')"_s.arg(column);
}

inline QList<Table> tables()
{
    auto text = [](const QString &local, const QString &plant = {}) {
        return Field {local, plant.isEmpty() ? local : plant, Kind::Text};
    };
    auto number = [](const QString &local, const QString &plant = {}) {
        return Field {local, plant.isEmpty() ? local : plant, Kind::Number};
    };
    auto real = [](const QString &local, const QString &plant) {
        return Field {local, plant, Kind::Real};
    };
    auto time = [](const QString &local, const QString &plant) {
        return Field {local, plantTime(plant), Kind::Time};
    };
    QList<Field> runs {
        text(u"r.run_uuid"_s, u"r.run_uuid::text"_s), number(u"r.id"_s, u"r.local_run_id"_s)};
    for (const char *column : {"device_id",
             "serial_number",
             "fixture_label",
             "connection_path",
             "ip_address",
             "recipe_name",
             "recipe_version",
             "recipe_sha256",
             "recipe_path",
             "station",
             "operator",
             "outcome",
             "failed_step",
             "error_code",
             "cause",
             "cause_text",
             "app_version",
             "backend",
             "azsphere_cli",
             "azsphere_path",
             "azsphere_version",
             "rf_tool_path",
             "rf_tool_version",
             "os_version",
             "image_ids",
             "manufacturing_state",
             "product_name",
             "device_group_name",
             "operator_kind"})
        runs.append(text(u"r."_s + QLatin1StringView(column)));
    runs.append(number(u"r.fixture"_s));
    runs.append(time(u"r.started_utc"_s, u"r.started_utc"_s));
    runs.append(time(u"r.finished_utc"_s, u"r.finished_utc"_s));

    QList<Field> steps {text(u"r.run_uuid"_s, u"s.run_uuid::text"_s), number(u"s.seq"_s)};
    for (const char *column : {"name",
             "type",
             "outcome",
             "error_code",
             "cause",
             "cause_text",
             "remedy",
             "remedy_text",
             "note",
             "note_text",
             "data"})
        steps.append(text(u"s."_s + QLatin1StringView(column)));
    steps.append(number(u"s.attempts"_s));
    steps.append(time(u"s.started_utc"_s, u"s.started_utc"_s));
    steps.append(time(u"s.finished_utc"_s, u"s.finished_utc"_s));

    QList<Field> commands {text(u"r.run_uuid"_s, u"c.run_uuid::text"_s),
        number(u"s.seq"_s, u"c.step_seq"_s),
        number(u"c.seq"_s)};
    for (const char *column : {"command_line", "outcome", "stdout", "stderr"})
        commands.append(text(u"c."_s + QLatin1StringView(column)));
    commands.append(number(u"c.exit_code"_s));
    commands.append(number(u"c.truncated"_s, u"c.truncated::int"_s));
    commands.append(time(u"c.started_utc"_s, u"c.started_utc"_s));
    commands.append(time(u"c.finished_utc"_s, u"c.finished_utc"_s));

    QList<Field> measurements {text(u"r.run_uuid"_s, u"m.run_uuid::text"_s),
        number(u"s.seq"_s, u"m.step_seq"_s),
        number(u"m.seq"_s),
        text(u"m.name"_s),
        text(u"m.unit"_s),
        real(u"m.value"_s, u"m.value"_s),
        real(u"m.low"_s, u"m.low"_s),
        real(u"m.high"_s, u"m.high"_s),
        number(u"m.pass"_s, u"m.pass::int"_s)};

    QList<Field> events {text(u"e.event_uuid"_s, u"e.event_uuid::text"_s),
        number(u"e.id"_s, u"e.local_event_id"_s),
        time(u"e.time_utc"_s, u"e.time_utc"_s),
        text(u"e.station"_s),
        text(u"e.operator"_s),
        number(u"e.fixture"_s),
        text(u"e.kind"_s),
        text(u"e.detail"_s)};
    // The audit trail (record schema 6, plant schema 6); seq is null for older events.
    for (const char *column :
        {"user_role", "target", "old_value", "new_value", "reason", "prev_hash", "hash"})
        events.append(text(u"e."_s + QLatin1StringView(column)));
    events.append(number(u"e.seq"_s));

    return {
        {u"runs"_s, u"runs r"_s, u"plant.runs r WHERE r.station_id = ?"_s, runs},
        {u"steps"_s,
            u"steps s JOIN runs r ON r.id = s.run_id"_s,
            u"plant.steps s WHERE s.station_id = ?"_s,
            steps},
        {u"commands"_s,
            u"commands c JOIN steps s ON s.id = c.step_id JOIN runs r ON r.id = s.run_id"_s,
            u"plant.commands c WHERE c.station_id = ?"_s,
            commands},
        {u"measurements"_s,
            u"measurements m JOIN steps s ON s.id = m.step_id JOIN runs r ON r.id = s.run_id"_s,
            u"plant.measurements m WHERE m.station_id = ?"_s,
            measurements},
        {u"events"_s, u"events e"_s, u"plant.events e WHERE e.station_id = ?"_s, events},
    };
}

inline QString canonical(const QVariant &value, Kind kind)
{
    if (value.isNull())
        return u"<null>"_s;
    switch (kind) {
    case Kind::Number:
        return QString::number(value.toLongLong());
    case Kind::Real: {
        const double number = value.toDouble();
        return std::isfinite(number) ? QString::number(number, 'g', 17) : u"<null>"_s;
    }
    case Kind::Time: {
        const QString text = value.toString();
        return text.isEmpty() ? u"<null>"_s : text;
    }
    case Kind::Text:
        break;
    }
    QString text = value.toString();
    text.replace(QChar(0), QChar(0xFFFD));
    return text;
}

// Every row of `table` as one line of canonical text, sorted; or an error line.
inline QStringList rows(QSqlDatabase db, const Table &table, bool plant, const QString &station)
{
    QStringList select;
    for (const Field &field : table.fields)
        select.append(plant ? field.plant : field.local);
    QSqlQuery query(db);
    query.setForwardOnly(true);
    const QString sql = u"SELECT %1 FROM %2"_s.arg(
        select.join(u", "_s), plant ? table.plantFrom : table.localFrom);
    if (!query.prepare(sql))
        return {u"<prepare failed: %1>"_s.arg(query.lastError().text())};
    if (plant)
        query.addBindValue(station);
    if (!query.exec())
        return {u"<query failed: %1>"_s.arg(query.lastError().text())};
    QStringList lines;
    while (query.next()) {
        QStringList values;
        for (int i = 0; i < table.fields.size(); ++i)
            values.append(canonical(query.value(i), table.fields[i].kind));
        lines.append(values.join(u'\x1f'));
    }
    lines.sort();
    return lines;
}

struct Difference
{
    QString table;
    int localRows = 0;
    int plantRows = 0;
    QString firstLocalOnly;
    QString firstPlantOnly;
};

// The tables whose rows differ (empty: identical).
inline QList<Difference> compare(QSqlDatabase local, QSqlDatabase plant, const QString &station)
{
    QList<Difference> differences;
    for (const Table &table : tables()) {
        const QStringList mine = rows(local, table, false, station);
        const QStringList theirs = rows(plant, table, true, station);
        if (mine == theirs)
            continue;
        Difference difference {table.name, int(mine.size()), int(theirs.size()), {}, {}};
        const QSet<QString> mineSet(mine.cbegin(), mine.cend());
        const QSet<QString> theirSet(theirs.cbegin(), theirs.cend());
        for (const QString &line : mine)
            if (!theirSet.contains(line)) {
                difference.firstLocalOnly = line;
                break;
            }
        for (const QString &line : theirs)
            if (!mineSet.contains(line)) {
                difference.firstPlantOnly = line;
                break;
            }
        differences.append(difference);
    }
    return differences;
}

} // namespace TestPlant

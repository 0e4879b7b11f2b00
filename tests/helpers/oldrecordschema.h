#pragma once

// The record's earlier schemas, as the station releases of their time wrote them: for tests that
// build an old record by hand and check that today's station reads or migrates it.

#include <QStringList>

using namespace Qt::Literals::StringLiterals;

namespace TestRecords {

// Schema version 1 (the first release): tables and indexes, without the PRAGMAs.
inline QStringList schemaV1()
{
    return {
        uR"(CREATE TABLE runs (id INTEGER PRIMARY KEY, device_id TEXT NOT NULL DEFAULT '',
            serial_number TEXT NOT NULL DEFAULT '', fixture INTEGER NOT NULL,
            connection_path TEXT NOT NULL DEFAULT '', ip_address TEXT NOT NULL DEFAULT '',
            recipe_name TEXT NOT NULL DEFAULT '', recipe_version TEXT NOT NULL DEFAULT '',
            recipe_sha256 TEXT NOT NULL DEFAULT '', station TEXT NOT NULL DEFAULT '',
            operator TEXT NOT NULL DEFAULT '', started_utc TEXT NOT NULL, finished_utc TEXT,
            outcome TEXT NOT NULL DEFAULT 'RUNNING' CHECK (outcome IN ('RUNNING', 'PASS',
            'FAIL', 'ABORTED', 'INTERRUPTED')), failed_step TEXT NOT NULL DEFAULT '',
            error_code TEXT NOT NULL DEFAULT '', cause TEXT NOT NULL DEFAULT ''))"_s,
        uR"(CREATE TABLE steps (id INTEGER PRIMARY KEY, run_id INTEGER NOT NULL
            REFERENCES runs (id) ON DELETE CASCADE, seq INTEGER NOT NULL,
            name TEXT NOT NULL DEFAULT '', type TEXT NOT NULL DEFAULT '', started_utc TEXT,
            finished_utc TEXT, outcome TEXT NOT NULL, attempts INTEGER NOT NULL DEFAULT 0,
            error_code TEXT NOT NULL DEFAULT '', cause TEXT NOT NULL DEFAULT '',
            remedy TEXT NOT NULL DEFAULT '', note TEXT NOT NULL DEFAULT '',
            data TEXT NOT NULL DEFAULT '{}', UNIQUE (run_id, seq)))"_s,
        uR"(CREATE TABLE commands (id INTEGER PRIMARY KEY, step_id INTEGER NOT NULL
            REFERENCES steps (id) ON DELETE CASCADE, seq INTEGER NOT NULL,
            command_line TEXT NOT NULL DEFAULT '', outcome TEXT NOT NULL DEFAULT '',
            exit_code INTEGER NOT NULL DEFAULT 0, stdout TEXT NOT NULL DEFAULT '',
            stderr TEXT NOT NULL DEFAULT '', truncated INTEGER NOT NULL DEFAULT 0,
            started_utc TEXT, finished_utc TEXT, UNIQUE (step_id, seq)))"_s,
        uR"(CREATE TABLE measurements (id INTEGER PRIMARY KEY, step_id INTEGER NOT NULL
            REFERENCES steps (id) ON DELETE CASCADE, seq INTEGER NOT NULL,
            name TEXT NOT NULL, value REAL, unit TEXT NOT NULL DEFAULT '',
            low REAL, high REAL, pass INTEGER NOT NULL, UNIQUE (step_id, seq)))"_s,
        uR"(CREATE TABLE devices (device_id TEXT PRIMARY KEY, first_seen_utc TEXT NOT NULL,
            last_seen_utc TEXT NOT NULL, manufacturing_state TEXT NOT NULL DEFAULT '',
            last_outcome TEXT NOT NULL DEFAULT '', last_run_id INTEGER))"_s,
        uR"(CREATE TABLE events (id INTEGER PRIMARY KEY, time_utc TEXT NOT NULL,
            station TEXT NOT NULL DEFAULT '', operator TEXT NOT NULL DEFAULT '',
            fixture INTEGER NOT NULL DEFAULT 0, kind TEXT NOT NULL,
            detail TEXT NOT NULL DEFAULT ''))"_s,
        u"CREATE INDEX runs_started ON runs (started_utc)"_s,
        u"CREATE INDEX runs_device ON runs (device_id, started_utc)"_s,
        u"CREATE INDEX runs_outcome ON runs (outcome, started_utc)"_s,
        u"CREATE INDEX runs_fixture ON runs (fixture, started_utc)"_s,
        u"CREATE INDEX runs_recipe ON runs (recipe_name, started_utc)"_s,
        u"CREATE INDEX events_time ON events (time_utc)"_s,
    };
}

// What version 2 added to version 1.
inline QStringList schemaV2Additions()
{
    return {
        u"ALTER TABLE runs ADD COLUMN fixture_label TEXT NOT NULL DEFAULT ''"_s,
        u"ALTER TABLE runs ADD COLUMN recipe_path TEXT NOT NULL DEFAULT ''"_s,
        u"ALTER TABLE runs ADD COLUMN app_version TEXT NOT NULL DEFAULT ''"_s,
        u"ALTER TABLE runs ADD COLUMN backend TEXT NOT NULL DEFAULT ''"_s,
        u"ALTER TABLE runs ADD COLUMN azsphere_path TEXT NOT NULL DEFAULT ''"_s,
        u"ALTER TABLE runs ADD COLUMN azsphere_version TEXT NOT NULL DEFAULT ''"_s,
        u"ALTER TABLE runs ADD COLUMN rf_tool_path TEXT NOT NULL DEFAULT ''"_s,
        u"ALTER TABLE runs ADD COLUMN rf_tool_version TEXT NOT NULL DEFAULT ''"_s,
        u"ALTER TABLE runs ADD COLUMN os_version TEXT NOT NULL DEFAULT ''"_s,
        u"ALTER TABLE runs ADD COLUMN image_ids TEXT NOT NULL DEFAULT ''"_s,
        u"ALTER TABLE runs ADD COLUMN manufacturing_state TEXT NOT NULL DEFAULT ''"_s,
        uR"(CREATE TABLE serials (serial_number TEXT PRIMARY KEY, device_id TEXT NOT NULL,
            first_run_id INTEGER, bound_utc TEXT NOT NULL))"_s,
        u"CREATE INDEX runs_serial ON runs (serial_number)"_s,
    };
}

} // namespace TestRecords

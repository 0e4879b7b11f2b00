// Who did it, on the plant side (issue #15), against a real PostgreSQL 15 that the test starts
// itself: the audit trail reaches the plant with its chain, the plant keeps its copy as the
// anchor, `audit verify --plant` finds newest entries removed from a record, the plant's user
// accounts reach the station's record and sign people in there (also with the server halted),
// a deactivated or removed account stops signing in after the next sync, the `plant user-*`
// commands with their secrets on standard input, who may read what, and a server at schema 5.

#include "services/auth/accounts.h"
#include "services/auth/credentials.h"
#include "services/plant/plantaudit.h"
#include "services/plant/plantschema.h"
#include "services/plant/plantusers.h"
#include "services/plant/relay.h"
#include "services/records/recordstore.h"
#include "tests/helpers/pgserver.h"
#include "tests/helpers/plantcompare.h"
#include "tests/helpers/stationprocess.h"

#include <QFile>
#include <QProcess>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace std::chrono_literals;
using namespace Station;
using State = Plant::DeliveryStatus::State;

namespace {

// A plant account as the plant command makes it: argon2id hashes, never the secrets.
Plant::PlantUser plantUser(const QString &login,
    const QString &role,
    const QString &password,
    const QString &badge = {},
    const QString &pin = {})
{
    Plant::PlantUser user;
    user.login = login;
    user.displayName = login.toUpper();
    user.role = role;
    user.passwordHash = Auth::hashPassword(password).value_or(QString());
    if (!badge.isEmpty()) {
        user.badgeKey = Auth::badgeKey(badge);
        user.pinHash = Auth::hashPin(badge, pin).value_or(QString());
    }
    return user;
}

} // namespace

class tst_PlantAuth : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void init();
    void auditEntriesReachThePlantChained();
    void auditVerifyWithThePlantFindsRemovedEntries();
    void plantUsersSignInAtTheStationAndOffline();
    void deactivatedOrRemovedPlantUserStopsSigningIn();
    void plantUserCommandsReadSecretsFromStdin();
    void whoMayReadThePlantUsers();
    void serverAtSchema5PausesUntilMigrated();

private:
    struct PlantDb
    {
        QString admin;   // superuser, over the socket
        QString station; // the station's login
        QString quality; // a quality login
    };
    PlantDb makePlant(const QString &name, int upTo = 0);
    Plant::RelayOptions options(const QString &conninfo) const;
    QStringList differences(const QString &plantAdmin) const;
    QVariant plantValue(const QString &conninfo, const QString &sql) const;
    bool plantExec(const QString &conninfo, const QString &sql, QString *error = nullptr) const;
    QList<QStringList> recordChain() const;
    QList<QStringList> plantChain(const QString &conninfo) const;
    std::optional<UserRow> cachedUser(const QString &login) const;
    Result<Auth::User> signIn(const QString &login, const QString &password) const;
    int chainedEvents(int count, const QString &prefix);

    TestPg::PgServer m_server;
    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_record;
};

void tst_PlantAuth::initTestCase()
{
    if (const QString reason = TestPg::PgServer::notInstalledReason(); !reason.isEmpty())
        QSKIP(qPrintable(reason));
    QVERIFY(Auth::available());
    const QString problem = m_server.start();
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
}

void tst_PlantAuth::cleanupTestCase()
{
    m_server.stop();
}

void tst_PlantAuth::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_record = m_dir->filePath(u"record.sqlite"_s);
    if (!m_server.isRunning())
        QVERIFY(m_server.resume());
}

tst_PlantAuth::PlantDb tst_PlantAuth::makePlant(const QString &name, int upTo)
{
    if (!plantExec(m_server.adminConninfo(), u"CREATE DATABASE %1"_s.arg(name)))
        return {};
    PlantDb plant;
    plant.admin = m_server.adminConninfo(name);
    {
        Plant::Connection admin;
        if (!admin.open(plant.admin))
            return {};
        QSqlDatabase db = admin.database();
        if (!Plant::init(db, upTo))
            return {};
    }
    // Roles are cluster-wide: each test database gets its own logins.
    const QString station = name + u"_pc"_s;
    const QString quality = name + u"_q"_s;
    QString error;
    if (!plantExec(plant.admin,
            u"CREATE ROLE %1 LOGIN PASSWORD 'pc-secret' IN ROLE plant_station"_s.arg(station),
            &error)
        || !plantExec(plant.admin,
            u"INSERT INTO plant.stations (station_id, login_role, line) VALUES ('LINE1-PC1', "
            "'%1', 'Line 1')"_s.arg(station),
            &error)
        || !plantExec(plant.admin,
            u"CREATE ROLE %1 LOGIN PASSWORD 'q-secret' IN ROLE plant_quality"_s.arg(quality),
            &error)) {
        qWarning("%s", qPrintable(error));
        return {};
    }
    const QString passfile = m_dir->filePath(u"pgpass-"_s + name);
    QFile file(passfile);
    if (!file.open(QIODevice::WriteOnly))
        return {};
    file.write(u"127.0.0.1:%1:*:%2:pc-secret\n127.0.0.1:%1:*:%3:q-secret\n"_s.arg(m_server.port())
                   .arg(station, quality)
                   .toUtf8());
    file.close();
    file.setPermissions(QFile::ReadOwner | QFile::WriteOwner);
    plant.station = m_server.tcpConninfo(station, name, passfile);
    plant.quality = m_server.tcpConninfo(quality, name, passfile);
    return plant;
}

Plant::RelayOptions tst_PlantAuth::options(const QString &conninfo) const
{
    Plant::RelayOptions options;
    options.recordPath = m_record;
    options.conninfo = conninfo;
    options.stationId = u"LINE1-PC1"_s;
    options.poll = 20ms;
    options.backoffMin = 50ms;
    options.backoffMax = 400ms;
    options.pausedRecheck = 200ms;
    options.statusInterval = 50ms;
    options.usersInterval = 200ms;
    options.connectTimeoutS = 2;
    return options;
}

QStringList tst_PlantAuth::differences(const QString &plantAdmin) const
{
    Plant::Connection plant;
    if (!plant.open(plantAdmin))
        return {u"cannot open the plant"_s};
    QStringList lines;
    {
        QSqlDatabase local = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"compare"_s);
        local.setDatabaseName(m_record);
        if (!local.open()) {
            lines.append(u"cannot open the record"_s);
        } else {
            for (const TestPlant::Difference &d :
                TestPlant::compare(local, plant.database(), u"LINE1-PC1"_s))
                lines.append(u"%1: %2 local rows, %3 plant rows; local only: %4; plant only: %5"_s
                                 .arg(d.table)
                                 .arg(d.localRows)
                                 .arg(d.plantRows)
                                 .arg(d.firstLocalOnly, d.firstPlantOnly));
            local.close();
        }
    }
    QSqlDatabase::removeDatabase(u"compare"_s);
    return lines;
}

QVariant tst_PlantAuth::plantValue(const QString &conninfo, const QString &sql) const
{
    Plant::Connection plant;
    if (!plant.open(conninfo))
        return {};
    QSqlQuery query(plant.database());
    if (!query.exec(sql) || !query.next())
        return {};
    return query.value(0);
}

bool tst_PlantAuth::plantExec(const QString &conninfo, const QString &sql, QString *error) const
{
    Plant::Connection plant;
    if (auto opened = plant.open(conninfo); !opened) {
        if (error)
            *error = opened.error().message + opened.error().detail;
        return false;
    }
    QSqlQuery query(plant.database());
    if (!query.exec(sql)) {
        if (error)
            *error = query.lastError().text();
        return false;
    }
    return true;
}

// Every chained entry as "seq, prev_hash, hash, role, target, old, new, reason".
QList<QStringList> tst_PlantAuth::recordChain() const
{
    QList<QStringList> rows;
    {
        QSqlDatabase local = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"chain"_s);
        local.setDatabaseName(m_record);
        if (local.open()) {
            QSqlQuery query(local);
            query.exec(u"SELECT seq, prev_hash, hash, user_role, target, old_value, new_value, "
                       "reason FROM events WHERE seq IS NOT NULL ORDER BY seq"_s);
            while (query.next()) {
                QStringList row;
                for (int i = 0; i < 8; ++i)
                    row.append(query.value(i).toString());
                rows.append(row);
            }
        }
    }
    QSqlDatabase::removeDatabase(u"chain"_s);
    return rows;
}

QList<QStringList> tst_PlantAuth::plantChain(const QString &conninfo) const
{
    QList<QStringList> rows;
    Plant::Connection plant;
    if (!plant.open(conninfo))
        return rows;
    QSqlQuery query(plant.database());
    query.exec(u"SELECT seq, prev_hash, hash, user_role, target, old_value, new_value, reason "
               "FROM plant.events WHERE station_id = 'LINE1-PC1' AND seq IS NOT NULL ORDER BY "
               "seq"_s);
    while (query.next()) {
        QStringList row;
        for (int i = 0; i < 8; ++i)
            row.append(query.value(i).toString());
        rows.append(row);
    }
    return rows;
}

std::optional<UserRow> tst_PlantAuth::cachedUser(const QString &login) const
{
    RecordStore store;
    if (!store.open(m_record))
        return std::nullopt;
    const auto row = store.user(login);
    return row ? *row : std::nullopt;
}

// As the station signs people in: from its own record only.
Result<Auth::User> tst_PlantAuth::signIn(const QString &login, const QString &password) const
{
    RecordStore store;
    if (auto opened = store.open(m_record); !opened)
        return fail(opened.error());
    Auth::Accounts accounts(store, u"LINE1-PC1"_s);
    return accounts.signInWithPassword(login, password);
}

// Writes `count` chained entries (settings changes) to the record.
int tst_PlantAuth::chainedEvents(int count, const QString &prefix)
{
    RecordStore store;
    if (!store.open(m_record))
        return 0;
    int written = 0;
    for (int i = 0; i < count; ++i) {
        RecordEvent event;
        event.station = u"LINE1-PC1"_s;
        event.operatorName = u"root"_s;
        event.role = u"admin"_s;
        event.kind = u"settings-change"_s;
        event.target = u"%1.%2"_s.arg(prefix).arg(i);
        event.oldValue = QString::number(i);
        event.newValue = QString::number(i + 1);
        event.reason = u"test \u00e4\u4e2d"_s;
        if (store.logEvent(event))
            ++written;
    }
    return written;
}

#define WAIT_STATE(relay, wanted, ms)                                                              \
    QTRY_VERIFY2_WITH_TIMEOUT((relay).status().state == (wanted),                                  \
        qPrintable(Plant::describe((relay).status()) + u" | "_s + (relay).status().detail),        \
        ms)

void tst_PlantAuth::auditEntriesReachThePlantChained()
{
    const PlantDb plant = makePlant(u"auth_chain"_s);
    QVERIFY(!plant.admin.isEmpty());
    {
        RecordStore store;
        QVERIFY(store.open(m_record));
        Auth::Accounts accounts(store, u"LINE1-PC1"_s);
        Auth::UserChange root;
        root.login = u"root"_s;
        root.password = u"root-secret-1"_s;
        QVERIFY(accounts.createFirstAdmin(root, u"command"_s));
        const auto admin = accounts.signInWithPassword(u"root"_s, u"root-secret-1"_s);
        QVERIFY(admin);
        QVERIFY(accounts.audit(*admin,
            u"settings-change"_s,
            u"auth.idleMinutes"_s,
            u"15"_s,
            u"5"_s,
            u"short shifts"_s));
        QVERIFY(!accounts.signInWithPassword(u"root"_s, u"wrong-password"_s));
        RunStart start;
        start.fixture = 1;
        start.station = u"LINE1-PC1"_s;
        start.operatorName = u"root"_s;
        start.operatorKind = u"user"_s;
        start.operatorRole = u"admin"_s;
        start.recipeName = u"factory"_s;
        QVERIFY(store.beginRun(start));
    }
    QVERIFY(chainedEvents(3, u"key"_s) == 3);
    const QList<QStringList> local = recordChain();
    QVERIFY(local.size() >= 7);

    Plant::Relay relay(options(plant.station));
    relay.start();
    WAIT_STATE(relay, State::UpToDate, 20000);
    QTRY_COMPARE_WITH_TIMEOUT(plantChain(plant.admin), local, 10000);
    QVERIFY2(differences(plant.admin).isEmpty(), qPrintable(differences(plant.admin).join(u'\n')));
    QCOMPARE(
        plantValue(plant.admin, u"SELECT operator_kind FROM plant.runs"_s).toString(), u"user"_s);

    // The plant keeps its copy: a changed entry, or a second entry with a number it holds, is
    // refused (the station's own login is the one that could try).
    QString error;
    QVERIFY(!plantExec(
        plant.station, u"UPDATE plant.events SET detail = 'edited' WHERE seq = 2"_s, &error));
    QVERIFY2(error.contains(u"as received"_s), qPrintable(error));
    QVERIFY(!plantExec(plant.station,
        u"INSERT INTO plant.events (station_id, event_uuid, local_event_id, time_utc, kind, "
        "station_utc, seq) VALUES ('LINE1-PC1', gen_random_uuid(), 999, now(), 'forged', now(), "
        "3)"_s,
        &error));
    QVERIFY2(error.contains(u"events_station_seq"_s), qPrintable(error));
    // A resend of the same entries changes nothing.
    QVERIFY(plantExec(plant.station,
        u"UPDATE plant.events SET station_utc = station_utc WHERE seq = 2"_s,
        &error));

    // Nothing to find: the record and the plant agree.
    Plant::Connection quality;
    QVERIFY(quality.open(plant.quality));
    QSqlDatabase db = quality.database();
    const auto check = Plant::checkAnchor(m_record, db, u"LINE1-PC1"_s);
    QVERIFY2(check, qPrintable(check ? QString() : check.error().message));
    QVERIFY(check->ok());
    QCOMPARE(check->plantHead, qint64(local.size()));
    QCOMPARE(check->recordHead, qint64(local.size()));
    QCOMPARE(check->undelivered, 0);
}

void tst_PlantAuth::auditVerifyWithThePlantFindsRemovedEntries()
{
    const PlantDb plant = makePlant(u"auth_anchor"_s);
    QVERIFY(!plant.admin.isEmpty());
    QCOMPARE(chainedEvents(6, u"a"_s), 6);
    {
        Plant::Relay relay(options(plant.station));
        relay.start();
        WAIT_STATE(relay, State::UpToDate, 20000);
        QTRY_COMPARE_WITH_TIMEOUT(plantChain(plant.admin).size(), 6, 10000);
    }
    // Written after the relay stopped: not delivered yet.
    QCOMPARE(chainedEvents(2, u"b"_s), 2);
    const QStringList verifyPlant {u"audit"_s,
        u"verify"_s,
        u"--record"_s,
        m_record,
        u"--plant"_s,
        plant.quality,
        u"--station"_s,
        u"LINE1-PC1"_s};
    Ran ran = runStation(verifyPlant);
    QVERIFY2(ran.code == 0, qPrintable(ran.out + ran.err));
    QVERIFY2(ran.out.contains(u"2 entries of the record are not in the plant yet"_s),
        qPrintable(ran.out));
    QVERIFY2(ran.out.contains(u"up to #6"_s), qPrintable(ran.out));
    ran = runStation(
        {u"audit"_s, u"verify"_s, u"--record"_s, m_record, u"--plant"_s, plant.quality});
    QCOMPARE(ran.code, 2); // --plant needs --station

    // Someone removes the newest four entries, two of them delivered: the chain that is left holds.
    Ran shell = sqliteShell(
        m_record, u"DROP TRIGGER events_append_only_delete; DELETE FROM events WHERE seq > 4;"_s);
    QVERIFY2(shell.code == 0, qPrintable(shell.err));
    ran = runStation({u"audit"_s, u"verify"_s, u"--record"_s, m_record});
    QVERIFY2(ran.code == 0, qPrintable(ran.out + ran.err));
    QVERIFY2(ran.out.contains(u"head #4"_s), qPrintable(ran.out));
    // The plant's copy finds it.
    ran = runStation(verifyPlant);
    QVERIFY2(ran.code == 1, qPrintable(ran.out + ran.err));
    QVERIFY2(ran.out.contains(
                 u"entries after #4 were removed from the record: the plant holds up to #6"_s),
        qPrintable(ran.out));
    // So does the station's own login.
    QStringList asStation = verifyPlant;
    asStation[5] = plant.station;
    QCOMPARE(runStation(asStation).code, 1);

    // A station that wrote on after the removal has entries the plant holds otherwise.
    QCOMPARE(chainedEvents(1, u"c"_s), 1);
    ran = runStation(verifyPlant);
    QVERIFY2(ran.code == 1, qPrintable(ran.out + ran.err));
    QVERIFY2(ran.out.contains(u"entry #5 differs from the plant's copy"_s), qPrintable(ran.out));
}

void tst_PlantAuth::plantUsersSignInAtTheStationAndOffline()
{
    const PlantDb plant = makePlant(u"auth_cache"_s);
    QVERIFY(!plant.admin.isEmpty());
    {
        Plant::Connection admin;
        QVERIFY(admin.open(plant.admin));
        QSqlDatabase db = admin.database();
        QVERIFY(Plant::saveUser(db,
            plantUser(u"Ana"_s, u"operator"_s, u"ana-password-1"_s, u"SPH-BADGE-0042"_s, u"4711"_s),
            true));
        QVERIFY(Plant::saveUser(db, plantUser(u"carl"_s, u"engineer"_s, u"carl-plant-pw"_s), true));
    }
    {
        // This station's own admin, and its own "carl": the plant's carl wins.
        RecordStore store;
        QVERIFY(store.open(m_record));
        Auth::Accounts accounts(store, u"LINE1-PC1"_s);
        Auth::UserChange root;
        root.login = u"root"_s;
        root.password = u"root-secret-1"_s;
        const auto admin = accounts.createFirstAdmin(root, u"command"_s);
        QVERIFY(admin);
        Auth::UserChange carl;
        carl.login = u"Carl"_s;
        carl.role = Auth::Role::Operator;
        carl.password = u"carl-local-pw"_s;
        QVERIFY(accounts.saveUser(*admin, carl));
    }
    QVERIFY(!signIn(u"ana"_s, u"ana-password-1"_s));
    const int entriesBefore = recordChain().size();

    Plant::Relay relay(options(plant.station));
    relay.start();
    WAIT_STATE(relay, State::UpToDate, 20000);
    QTRY_VERIFY_WITH_TIMEOUT(cachedUser(u"ana"_s).has_value(), 10000);
    const UserRow ana = *cachedUser(u"ana"_s);
    QCOMPARE(ana.login, u"Ana"_s);
    QCOMPARE(ana.origin, u"plant"_s);
    QCOMPARE(ana.role, u"operator"_s);
    QVERIFY(ana.active);
    QTRY_VERIFY_WITH_TIMEOUT(relay.status().usersCached.isValid(), 5000);
    QCOMPARE(relay.status().plantUsers, 2);
    // Copying is not an entry of the station's trail (the plant keeps the changes).
    QCOMPARE(recordChain().size(), entriesBefore);
    const auto signedIn = signIn(u"ana"_s, u"ana-password-1"_s);
    QVERIFY2(signedIn, qPrintable(signedIn ? QString() : signedIn.error().message.english()));
    QCOMPARE(signedIn->role, Auth::Role::Operator);
    QTRY_VERIFY_WITH_TIMEOUT(cachedUser(u"carl"_s)->origin == u"plant"_s, 10000);
    QCOMPARE(cachedUser(u"carl"_s)->role, u"engineer"_s);
    QVERIFY(signIn(u"carl"_s, u"carl-plant-pw"_s));
    QVERIFY(!signIn(u"carl"_s, u"carl-local-pw"_s));
    QVERIFY(signIn(u"root"_s, u"root-secret-1"_s)); // the station's own account stays
    QCOMPARE(cachedUser(u"root"_s)->origin, u"local"_s);

    // Offline sign-in from the cache: the plant's server is down.
    QVERIFY(m_server.halt());
    WAIT_STATE(relay, State::Offline, 20000);
    {
        RecordStore store;
        QVERIFY(store.open(m_record));
        Auth::Accounts accounts(store, u"LINE1-PC1"_s);
        const auto byPassword = accounts.signInWithPassword(u"ANA"_s, u"ana-password-1"_s);
        QVERIFY2(
            byPassword, qPrintable(byPassword ? QString() : byPassword.error().message.english()));
        QCOMPARE(byPassword->login, u"Ana"_s);
        const auto byBadge = accounts.signInWithBadge(u"SPH-BADGE-0042"_s, u"4711"_s);
        QVERIFY2(byBadge, qPrintable(byBadge ? QString() : byBadge.error().message.english()));
        QCOMPARE(byBadge->login, u"Ana"_s);
        QVERIFY(!accounts.signInWithBadge(u"SPH-BADGE-0042"_s, u"0000"_s));
    }
    QVERIFY(m_server.resume());
}

void tst_PlantAuth::deactivatedOrRemovedPlantUserStopsSigningIn()
{
    const PlantDb plant = makePlant(u"auth_deact"_s);
    QVERIFY(!plant.admin.isEmpty());
    Plant::Connection admin;
    QVERIFY(admin.open(plant.admin));
    QSqlDatabase db = admin.database();
    Plant::PlantUser dora = plantUser(u"dora"_s, u"technician"_s, u"dora-password-1"_s);
    QVERIFY(Plant::saveUser(db, dora, true));
    QVERIFY(Plant::saveUser(db, plantUser(u"erin"_s, u"quality"_s, u"erin-password-1"_s), true));
    {
        RecordStore store;
        QVERIFY(store.open(m_record));
    }

    Plant::Relay relay(options(plant.station));
    relay.start();
    WAIT_STATE(relay, State::UpToDate, 20000);
    QTRY_VERIFY_WITH_TIMEOUT(cachedUser(u"erin"_s).has_value(), 10000);
    QVERIFY(signIn(u"dora"_s, u"dora-password-1"_s));
    QVERIFY(signIn(u"erin"_s, u"erin-password-1"_s));
    // Two wrong attempts here: the station's count, which the next sync keeps.
    QVERIFY(!signIn(u"dora"_s, u"wrong-password"_s));
    QVERIFY(!signIn(u"dora"_s, u"wrong-password"_s));
    QCOMPARE(cachedUser(u"dora"_s)->failedAttempts, 2);
    dora.displayName = u"Dora Klein"_s;
    QVERIFY(Plant::saveUser(db, dora, false));
    QTRY_COMPARE_WITH_TIMEOUT(cachedUser(u"dora"_s)->displayName, u"Dora Klein"_s, 10000);
    QCOMPARE(cachedUser(u"dora"_s)->failedAttempts, 2);

    dora.active = false;
    QVERIFY(Plant::saveUser(db, dora, false));
    QVERIFY(plantExec(plant.admin, u"DELETE FROM plant.users WHERE login = 'erin'"_s));
    QTRY_VERIFY_WITH_TIMEOUT(!cachedUser(u"dora"_s)->active, 10000);
    QTRY_VERIFY_WITH_TIMEOUT(!cachedUser(u"erin"_s)->active, 10000);
    const auto refused = signIn(u"dora"_s, u"dora-password-1"_s);
    QVERIFY(!refused);
    QCOMPARE(refused.error().code, ErrorCode::SignInRefused);
    QVERIFY2(refused.error().message.english().contains(u"deactivated"_s),
        qPrintable(refused.error().message.english()));
    QVERIFY(!signIn(u"erin"_s, u"erin-password-1"_s));
    QCOMPARE(plantValue(plant.admin,
                 u"SELECT count(*) FROM plant.user_changes WHERE login = 'erin' AND action = "
                 "'remove'"_s)
                 .toInt(),
        1);

    // Active again in the plant: active again at the station.
    dora.active = true;
    QVERIFY(Plant::saveUser(db, dora, false));
    QTRY_VERIFY_WITH_TIMEOUT(cachedUser(u"dora"_s)->active, 10000);
    QVERIFY(signIn(u"dora"_s, u"dora-password-1"_s));
}

void tst_PlantAuth::plantUserCommandsReadSecretsFromStdin()
{
    const PlantDb plant = makePlant(u"auth_cmd"_s);
    QVERIFY(!plant.admin.isEmpty());
    const QStringList connection {u"--connection"_s, plant.admin};
    Ran ran = runStation(QStringList {u"plant"_s,
                             u"user-add"_s,
                             u"--login"_s,
                             u"ana"_s,
                             u"--name"_s,
                             u"Ana Weber"_s,
                             u"--role"_s,
                             u"operator"_s,
                             u"--password"_s,
                             u"--badge"_s,
                             u"SPH-BADGE-0042"_s}
            + connection,
        "ana-password-1\n4711\n");
    QVERIFY2(ran.code == 0, qPrintable(ran.out + ran.err));
    QVERIFY2(ran.out.contains(u"ana"_s), qPrintable(ran.out));
    QVERIFY(!ran.out.contains(u"ana-password-1"_s));
    {
        Plant::Connection admin;
        QVERIFY(admin.open(plant.admin));
        QSqlDatabase db = admin.database();
        const auto row = Plant::readUser(db, u"ANA"_s);
        QVERIFY(row && *row);
        QCOMPARE((*row)->displayName, u"Ana Weber"_s);
        QCOMPARE((*row)->role, u"operator"_s);
        QVERIFY((*row)->passwordHash.startsWith(u"$argon2id$"_s));
        QVERIFY(Auth::verifyPassword((*row)->passwordHash, u"ana-password-1"_s));
        QCOMPARE((*row)->badgeKey, Auth::badgeKey(u"SPH-BADGE-0042"_s));
        QVERIFY(Auth::verifyPin((*row)->pinHash, u"SPH-BADGE-0042"_s, u"4711"_s));
        QCOMPARE((*row)->updatedBy, u"postgres"_s);
    }
    // The same login again, a role that does not exist, a short password, no way to sign in.
    ran = runStation(QStringList {u"plant"_s,
                         u"user-add"_s,
                         u"--login"_s,
                         u"ANA"_s,
                         u"--role"_s,
                         u"operator"_s,
                         u"--password"_s}
            + connection,
        "another-password\n");
    QCOMPARE(ran.code, 1);
    QVERIFY2(ran.err.contains(u"exists already"_s), qPrintable(ran.err));
    ran = runStation(
        QStringList {u"plant"_s, u"user-add"_s, u"--login"_s, u"bo"_s, u"--role"_s, u"boss"_s}
        + connection);
    QCOMPARE(ran.code, 2);
    ran = runStation(QStringList {u"plant"_s,
                         u"user-add"_s,
                         u"--login"_s,
                         u"bo"_s,
                         u"--role"_s,
                         u"operator"_s,
                         u"--password"_s}
            + connection,
        "short\n");
    QCOMPARE(ran.code, 2);
    QVERIFY2(ran.err.contains(u"at least 8 characters"_s), qPrintable(ran.err));
    ran = runStation(
        QStringList {u"plant"_s, u"user-add"_s, u"--login"_s, u"bo"_s, u"--role"_s, u"operator"_s}
        + connection);
    QCOMPARE(ran.code, 2);

    // Changes: the role, then deactivated; the login without case.
    ran = runStation(
        QStringList {
            u"plant"_s, u"user-set"_s, u"--login"_s, u"ANA"_s, u"--role"_s, u"technician"_s}
        + connection);
    QVERIFY2(ran.code == 0, qPrintable(ran.out + ran.err));
    ran = runStation(
        QStringList {u"plant"_s, u"user-set"_s, u"--login"_s, u"ana"_s, u"--deactivate"_s}
        + connection);
    QVERIFY2(ran.code == 0, qPrintable(ran.out + ran.err));
    ran = runStation(
        QStringList {u"plant"_s, u"user-set"_s, u"--login"_s, u"nobody"_s, u"--activate"_s}
        + connection);
    QCOMPARE(ran.code, 1);
    ran = runStation(QStringList {u"plant"_s, u"users"_s} + connection);
    QVERIFY2(ran.code == 0, qPrintable(ran.out + ran.err));
    QVERIFY2(ran.out.contains(u"ana\ttechnician\tAna Weber\tinactive\tpassword badge+PIN"_s),
        qPrintable(ran.out));

    // The last active admin stays.
    ran = runStation(QStringList {u"plant"_s,
                         u"user-add"_s,
                         u"--login"_s,
                         u"root"_s,
                         u"--role"_s,
                         u"admin"_s,
                         u"--password"_s}
            + connection,
        "root-password-1\n");
    QVERIFY2(ran.code == 0, qPrintable(ran.out + ran.err));
    ran = runStation(
        QStringList {u"plant"_s, u"user-set"_s, u"--login"_s, u"root"_s, u"--deactivate"_s}
        + connection);
    QCOMPARE(ran.code, 1);
    QVERIFY2(ran.err.contains(u"last active admin"_s), qPrintable(ran.err));

    // Every change is kept, by whom, without a hash.
    QCOMPARE(plantValue(plant.admin,
                 u"SELECT count(*) FROM plant.user_changes WHERE login = 'ana' AND changed_by = "
                 "'postgres'"_s)
                 .toInt(),
        3);
    QCOMPARE(plantValue(plant.admin,
                 u"SELECT count(*) FROM plant.user_changes WHERE old_value::text LIKE "
                 "'%argon2%' OR new_value::text LIKE '%argon2%' OR new_value::text LIKE "
                 "'%' || (SELECT badge_key FROM plant.users WHERE login = 'ana') || '%'"_s)
                 .toInt(),
        0);
    QCOMPARE(plantValue(plant.admin,
                 u"SELECT new_value->>'role' FROM plant.user_changes WHERE login = 'ana' ORDER "
                 "BY id DESC LIMIT 1"_s)
                 .toString(),
        u"technician"_s);
    // ... and nobody changes what was kept, the superuser included.
    QString error;
    QVERIFY(!plantExec(plant.admin, u"UPDATE plant.user_changes SET login = 'x'"_s, &error));
    QVERIFY2(error.contains(u"append-only"_s), qPrintable(error));
    QVERIFY(!plantExec(plant.admin, u"DELETE FROM plant.user_changes"_s, &error));
    QVERIFY(!plantExec(plant.admin, u"TRUNCATE plant.user_changes"_s, &error));

    // A station's login may not manage the plant's users.
    ran = runStation({u"plant"_s,
        u"user-set"_s,
        u"--login"_s,
        u"ana"_s,
        u"--activate"_s,
        u"--connection"_s,
        plant.station});
    QCOMPARE(ran.code, 1);
    QVERIFY2(ran.err.contains(u"privilege"_s), qPrintable(ran.err));
}

void tst_PlantAuth::whoMayReadThePlantUsers()
{
    const PlantDb plant = makePlant(u"auth_read"_s);
    QVERIFY(!plant.admin.isEmpty());
    {
        Plant::Connection admin;
        QVERIFY(admin.open(plant.admin));
        QSqlDatabase db = admin.database();
        QVERIFY(Plant::saveUser(db, plantUser(u"ana"_s, u"operator"_s, u"ana-password-1"_s), true));
    }
    // Stations read the hashes (they sign people in while the plant is away) and write nothing.
    QVERIFY(plantValue(plant.station, u"SELECT password_hash FROM plant.users"_s)
                .toString()
                .startsWith(u"$argon2id$"_s));
    QString error;
    QVERIFY(!plantExec(
        plant.station, u"UPDATE plant.users SET role = 'admin' WHERE login = 'ana'"_s, &error));
    QVERIFY2(error.contains(u"permission denied"_s), qPrintable(error));
    QVERIFY(!plantExec(plant.station, u"SELECT count(*) FROM plant.user_changes"_s, &error));
    // Quality sees the accounts and their history, never a hash.
    QVERIFY(!plantExec(plant.quality, u"SELECT password_hash FROM plant.users"_s, &error));
    QVERIFY2(error.contains(u"permission denied"_s), qPrintable(error));
    QCOMPARE(plantValue(plant.quality,
                 u"SELECT role || ' ' || has_password || ' ' || has_badge FROM "
                 "plant.users_overview WHERE login = 'ana'"_s)
                 .toString(),
        u"operator true false"_s);
    QCOMPARE(plantValue(plant.quality, u"SELECT count(*) FROM plant.user_changes"_s).toInt(), 1);
    QVERIFY(!plantExec(plant.quality,
        u"INSERT INTO plant.users (login, role, password_hash) VALUES ('q', 'admin', 'x')"_s,
        &error));
}

void tst_PlantAuth::serverAtSchema5PausesUntilMigrated()
{
    const PlantDb plant = makePlant(u"auth_v5"_s, 5);
    QVERIFY(!plant.admin.isEmpty());
    QCOMPARE(
        plantValue(plant.admin, u"SELECT max(version) FROM plant.schema_version"_s).toInt(), 5);
    QCOMPARE(chainedEvents(3, u"v"_s), 3);
    Plant::Relay relay(options(plant.station));
    relay.start();
    WAIT_STATE(relay, State::Paused, 20000);
    QVERIFY2(
        relay.status().message.contains(u"plant migrate"_s), qPrintable(relay.status().message));
    QVERIFY(relay.status().itemsWaiting > 0);
    Ran ran = runStation({u"audit"_s,
        u"verify"_s,
        u"--record"_s,
        m_record,
        u"--plant"_s,
        plant.quality,
        u"--station"_s,
        u"LINE1-PC1"_s});
    QCOMPARE(ran.code, 1);
    QVERIFY2(ran.err.contains(u"plant migrate"_s), qPrintable(ran.err));
    ran = runStation({u"plant"_s, u"migrate"_s, u"--connection"_s, plant.admin});
    QVERIFY2(ran.code == 0, qPrintable(ran.out + ran.err));
    QVERIFY2(ran.out.contains(u"schema version 6"_s), qPrintable(ran.out));
    WAIT_STATE(relay, State::UpToDate, 20000);
    QTRY_COMPARE_WITH_TIMEOUT(plantChain(plant.admin), recordChain(), 10000);
    QVERIFY2(differences(plant.admin).isEmpty(), qPrintable(differences(plant.admin).join(u'\n')));
}

QTEST_GUILESS_MAIN(tst_PlantAuth)

#include "tst_plantauth.moc"

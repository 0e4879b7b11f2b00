// Trust on a real floor (issue #10), end to end: the built `sphere-station --headless` on a
// simulated bench whose faults play a careless line. A device swapped out of its fixture at the
// worst moments (between the finalize guard and the update, between the OS update and the RF
// step, right before an e-fuse write), tool replies that are valid at their head and cut at the
// capture limit, and a finished device put back into a fixture. Each row states what the record
// and the devices must show afterwards. The test talks to the station, the simulator and the
// record from outside only (processes, files, SQL), like a line script.

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::Literals::StringLiterals;

namespace {

const QString FullRecipe = QStringLiteral(STATION_SOURCE_DIR "/resources/recipes/full.json");

QString deviceIdOf(int serial)
{
    const QString name = u"sphere-station:SIM%1"_s.arg(serial, 5, 10, QLatin1Char('0'));
    return QString::fromLatin1(
        QCryptographicHash::hash(name.toUtf8(), QCryptographicHash::Sha512).toHex());
}

// How the station shortens a device ID in its texts: 8 characters, an ellipsis, the last 4.
QString shortId(const QString &id)
{
    return id.left(8) + QChar(0x2026) + id.right(4);
}

struct Run
{
    int exitCode = -1;
    QString out;
    QString err;
};

// A bench of one fixture in a temporary folder, the record beside it, time scale 0.
class TrustBench
{
public:
    TrustBench()
    {
        m_env = QProcessEnvironment::systemEnvironment();
        m_env.insert(u"AZSPHERE_SIM_HOME"_s, benchDir());
        m_env.insert(u"AZSPHERE_SIM_TIME_SCALE"_s, u"0"_s);
        m_env.insert(u"XDG_DATA_HOME"_s, m_dir.path() + u"/data"_s);
        m_env.insert(u"XDG_CONFIG_HOME"_s, m_dir.path() + u"/config"_s);
    }
    ~TrustBench() { QSqlDatabase::removeDatabase(m_connection); }

    QString benchDir() const { return m_dir.path() + u"/bench"_s; }
    QProcessEnvironment environment() const { return m_env; }
    QString record() const { return m_dir.path() + u"/record.sqlite"_s; }

    static Run run(const QString &program, const QStringList &args, const QProcessEnvironment &env)
    {
        QProcess p;
        p.setProcessEnvironment(env);
        p.start(program, args);
        Run r;
        if (!p.waitForStarted(10000))
            return r;
        p.closeWriteChannel();
        if (!p.waitForFinished(240000)) {
            p.kill();
            p.waitForFinished();
            return r;
        }
        r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
        r.out = QString::fromUtf8(p.readAllStandardOutput());
        r.err = QString::fromUtf8(p.readAllStandardError());
        return r;
    }
    Run sim(const QStringList &args) const
    {
        return run(QStringLiteral(STATION_BIN_DIR "/sphere-sim"), args, m_env);
    }
    bool create(const QStringList &extra = {}) const
    {
        return sim(QStringList {u"bench"_s, u"create"_s, u"--devices"_s, u"1"_s} + extra).exitCode
            == 0;
    }
    bool fault(const QStringList &args) const
    {
        const Run r = sim(QStringList {u"fault"_s, u"set"_s, u"--device"_s, u"1211"_s} + args);
        if (r.exitCode != 0)
            qWarning("fault set: %s", qPrintable(r.err));
        return r.exitCode == 0;
    }
    // The headless station on this bench, full recipe, fixture 1.
    Run station() const
    {
        return run(QStringLiteral(STATION_BIN_DIR "/sphere-station"),
            {u"--headless"_s,
                u"--simulate"_s,
                u"1"_s,
                u"--recipe"_s,
                FullRecipe,
                u"--record"_s,
                record(),
                u"--operator"_s,
                u"trust"_s},
            m_env);
    }
    // devices/SIM0000n.json, raw and parsed.
    QByteArray deviceBytes(int serial) const
    {
        QFile f(benchDir() + u"/devices/SIM%1.json"_s.arg(serial, 5, 10, QLatin1Char('0')));
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    }
    QJsonObject device(int serial) const
    {
        return QJsonDocument::fromJson(deviceBytes(serial)).object();
    }
    QString fixtureDeviceId() const
    {
        return QJsonDocument::fromJson(sim({u"bench"_s, u"show"_s, u"--json"_s}).out.toUtf8())
            .object()
            .value(u"fixtures"_s)
            .toArray()
            .at(0)
            .toObject()
            .value(u"deviceId"_s)
            .toString();
    }

    QList<QVariantList> rows(const QString &sql)
    {
        if (!QSqlDatabase::contains(m_connection)) {
            QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, m_connection);
            db.setDatabaseName(record());
            db.setConnectOptions(u"QSQLITE_OPEN_READONLY"_s);
            db.open();
        }
        QList<QVariantList> result;
        QSqlQuery query(QSqlDatabase::database(m_connection));
        if (!query.exec(sql)) {
            qWarning("%s: %s", qPrintable(sql), qPrintable(query.lastError().text()));
            return result;
        }
        while (query.next()) {
            QVariantList row;
            for (int i = 0; i < query.record().count(); ++i)
                row.append(query.value(i));
            result.append(row);
        }
        return result;
    }
    QString value(const QString &sql)
    {
        const QList<QVariantList> all = rows(sql);
        return all.isEmpty() ? QString() : all.first().value(0).toString();
    }
    // The record read afresh (after another station run).
    void reopen()
    {
        QSqlDatabase::removeDatabase(m_connection);
        m_connection = u"trust-%1"_s.arg(++s_connections);
    }

private:
    static inline int s_connections = 0;
    QTemporaryDir m_dir;
    QProcessEnvironment m_env;
    QString m_connection = u"trust-%1"_s.arg(++s_connections);
};

// A device as `sphere-sim swap` makes it (the second serial of a bench of one), for comparing
// with what a swapped-in device looks like after the run: untouched means equal.
QJsonObject freshSecondDevice()
{
    TrustBench reference;
    reference.create();
    reference.sim({u"swap"_s, u"--fixture"_s, u"1"_s});
    return reference.device(2);
}

// What a swapped-in device may not have received: every lasting change the recipe makes.
QJsonObject lasting(QJsonObject device)
{
    device.remove(u"faults"_s);
    device.remove(u"faultRolls"_s);
    device.remove(u"bootCount"_s);
    device.remove(u"busyUntilMs"_s);
    device.remove(u"busyReason"_s);
    return device;
}

// Region code bytes 0x36..0x37 of the saved e-fuses, as hex ("0000": not programmed).
QString regionOf(const QJsonObject &device)
{
    return device.value(u"efuse"_s).toString().mid(0x36 * 2, 4);
}

} // namespace

class tst_Trust : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void swapBetweenGuardAndUpdate();
    void swapInsideDetails();
    void swapBetweenOsUpdateAndRf_data();
    void swapBetweenOsUpdateAndRf();
    void oversizedReply_data();
    void oversizedReply();
    void finishedDeviceComesBack_data();
    void finishedDeviceComesBack();
    void secondStationLeavesLiveRunsAlone();
};

void tst_Trust::initTestCase()
{
    QVERIFY2(QFile::exists(QStringLiteral(STATION_BIN_DIR "/sphere-station")),
        "sphere-station is not built");
    QVERIFY2(QFile::exists(
                 QStringLiteral(STATION_SOURCE_DIR "/resources/recipes/sim-assets/manifest.json")),
        "the simulator assets are not generated");
}

// (a) The guard saw the tested device; then, before `manufacturing-state update` does anything,
// a new device takes the fixture. The update is addressed to the recorded ID, so it finds no
// device; the new device stays Blank and the run fails as a swap, naming both devices.
void tst_Trust::swapBetweenGuardAndUpdate()
{
    TrustBench bench;
    QVERIFY(bench.create());
    QVERIFY(bench.fault({u"swap-before-command"_s,
        u"--command"_s,
        u"manufacturing-state update"_s,
        u"--count"_s,
        u"1"_s}));
    const QString tested = deviceIdOf(1);
    const QString swappedIn = deviceIdOf(2);

    const Run run = bench.station();
    QCOMPARE(run.exitCode, 1);
    QCOMPARE(bench.fixtureDeviceId(), swappedIn); // the swap did happen

    QCOMPARE(bench.value(u"SELECT count(*) FROM runs WHERE outcome = 'PASS'"_s), u"0"_s);
    const QList<QVariantList> runs
        = bench.rows(u"SELECT id, outcome, error_code, cause, device_id FROM runs"_s);
    QCOMPARE(runs.size(), 1);
    const QString runId = runs.at(0).at(0).toString();
    QCOMPARE(runs.at(0).at(1).toString(), u"FAIL"_s);
    const QString code = runs.at(0).at(2).toString();
    QVERIFY2(code == "DeviceSwapped"_L1 || code == "DeviceAbsent"_L1, qPrintable(code));
    const QString cause = runs.at(0).at(3).toString();
    QVERIFY2(
        cause.contains(shortId(tested)) && cause.contains(shortId(swappedIn)), qPrintable(cause));
    QCOMPARE(runs.at(0).at(4).toString(), tested);
    QCOMPARE(
        bench.value(u"SELECT type FROM steps WHERE run_id = %1 AND outcome = 'FAIL'"_s.arg(runId)),
        u"finalize"_s);
    // The guard passed and announced the change for the tested device, and the update that was
    // sent named that device only.
    QCOMPARE(bench.value(u"SELECT count(*) FROM events WHERE kind = 'finalize-intent'"
                         " AND detail LIKE '%' || '%1' || '%'"_s.arg(tested)),
        u"1"_s);
    const QString update = bench.value(
        u"SELECT command_line FROM commands WHERE command_line LIKE '%manufacturing-state update%'"_s);
    QVERIFY2(update.contains(tested), qPrintable(update));

    // Nobody is DeviceComplete: not the new device (never tested), not the tested one.
    QCOMPARE(bench.device(2).value(u"manufacturingState"_s).toString(), u"Blank"_s);
    QCOMPARE(lasting(bench.device(2)), lasting(freshSecondDevice()));
    QCOMPARE(bench.device(1).value(u"manufacturingState"_s).toString(), u"Blank"_s);
}

// A new device comes in between details' two questions (its ID, then its state). The state is
// asked of the device just recorded, by its ID, so the swap fails details itself: no state read
// from the new device is ever recorded as the tested one's (nor judged finished or not).
void tst_Trust::swapInsideDetails()
{
    TrustBench bench;
    QVERIFY(bench.create());
    QVERIFY(bench.fault({u"swap-before-command"_s,
        u"--command"_s,
        u"manufacturing-state show"_s,
        u"--count"_s,
        u"1"_s}));
    const QString tested = deviceIdOf(1);
    const QString swappedIn = deviceIdOf(2);

    const Run run = bench.station();
    QCOMPARE(run.exitCode, 1);
    const QList<QVariantList> runs
        = bench.rows(u"SELECT id, outcome, error_code, cause, device_id FROM runs"_s);
    QCOMPARE(runs.size(), 1);
    QCOMPARE(runs.at(0).at(1).toString(), u"FAIL"_s);
    QVERIFY2(runs.at(0).at(2).toString() == "DeviceSwapped"_L1,
        qPrintable(runs.at(0).at(2).toString() + u": "_s + runs.at(0).at(3).toString()));
    const QString cause = runs.at(0).at(3).toString();
    QVERIFY2(
        cause.contains(shortId(tested)) && cause.contains(shortId(swappedIn)), qPrintable(cause));
    QCOMPARE(runs.at(0).at(4).toString(), tested);
    const QString runId = runs.at(0).at(0).toString();
    QCOMPARE(
        bench.value(u"SELECT type FROM steps WHERE run_id = %1 AND outcome = 'FAIL'"_s.arg(runId)),
        u"details"_s);
    const QString state = bench.value(u"SELECT command_line FROM commands WHERE command_line LIKE "
                                      "'%manufacturing-state show%'"_s);
    QVERIFY2(state.contains(tested), qPrintable(state));
    QCOMPARE(lasting(bench.device(2)), lasting(freshSecondDevice()));
}

void tst_Trust::swapBetweenOsUpdateAndRf_data()
{
    QTest::addColumn<QStringList>("fault"); // after `fault set --device 1211`
    QTest::addColumn<QString>("failedStep");
    QTest::addColumn<bool>("written"); // the window no ID can close: the e-fuse write itself

    QTest::newRow("the device leaves right after its recovery") << QStringList {
        u"swap-before-command"_s,
        u"--command"_s,
        u"recover"_s,
        u"--variant"_s,
        u"after"_s,
        u"--count"_s,
        u"1"_s} << u"os-update"_s << false;
    QTest::newRow("a new device before the RF step's first read") << QStringList {
        u"swap-before-command"_s,
        u"--command"_s,
        u"RfSettingsTool"_s,
        u"--count"_s,
        u"1"_s} << u"rf-calibrate"_s << false;
    QTest::newRow("a new device right before the e-fuse write") << QStringList {
        u"swap-before-command"_s,
        u"--command"_s,
        u"RfToolCli"_s,
        u"--count"_s,
        u"1"_s} << u"rf-calibrate"_s << true;
}

// (b) A swap after the OS update, before or inside the RF step. The RF tools can only be
// addressed by the fixture's port, so the station reads the identity around every e-fuse write:
// a new device found before the write is never written; one that arrives between that check and
// the write (the window no ID can close) is named in the record with the tested device and what
// was written, for both to be set aside.
void tst_Trust::swapBetweenOsUpdateAndRf()
{
    QFETCH(QStringList, fault);
    QFETCH(QString, failedStep);
    QFETCH(bool, written);
    TrustBench bench;
    QVERIFY(bench.create());
    QVERIFY(bench.fault(fault));
    const QString tested = deviceIdOf(1);
    const QString swappedIn = deviceIdOf(2);

    const Run run = bench.station();
    QCOMPARE(run.exitCode, 1);
    QCOMPARE(bench.fixtureDeviceId(), swappedIn);
    QCOMPARE(bench.value(u"SELECT count(*) FROM runs WHERE outcome = 'PASS'"_s), u"0"_s);
    const QList<QVariantList> runs
        = bench.rows(u"SELECT id, outcome, error_code, cause FROM runs"_s);
    QCOMPARE(runs.size(), 1);
    const QString runId = runs.at(0).at(0).toString();
    QCOMPARE(runs.at(0).at(1).toString(), u"FAIL"_s);
    const QString code = runs.at(0).at(2).toString();
    QVERIFY2(code == "DeviceSwapped"_L1 || code == "DeviceAbsent"_L1,
        qPrintable(code + u": "_s + runs.at(0).at(3).toString()));
    const QString cause = runs.at(0).at(3).toString();
    QVERIFY2(
        cause.contains(shortId(tested)) && cause.contains(shortId(swappedIn)), qPrintable(cause));
    QCOMPARE(
        bench.value(u"SELECT type FROM steps WHERE run_id = %1 AND outcome = 'FAIL'"_s.arg(runId)),
        failedStep);

    // The tested device's e-fuses were never written; the new device's only in the window.
    QCOMPARE(regionOf(bench.device(1)), u"0000"_s);
    QJsonObject expected = lasting(freshSecondDevice());
    if (written) {
        QCOMPARE(regionOf(bench.device(2)), u"5553"_s); // "US"
        QString efuse = expected.value(u"efuse"_s).toString();
        efuse.replace(0x36 * 2, 4, u"5553"_s);
        expected.insert(u"efuse"_s, efuse);
        // The record names both devices and what was written to one of them.
        const QString data = bench.value(
            u"SELECT data FROM steps WHERE run_id = %1 AND outcome = 'FAIL'"_s.arg(runId));
        const QString uncertain = QJsonDocument::fromJson(data.toUtf8())
                                      .object()
                                      .value(u"efuseWriteUncertain"_s)
                                      .toString();
        QVERIFY2(uncertain.contains(u"region code US"_s) && uncertain.contains(tested)
                && uncertain.contains(swappedIn),
            qPrintable(data));
    }
    // Otherwise untouched: OS, images, e-fuses, manufacturing state, Wi-Fi, keystore.
    QCOMPARE(lasting(bench.device(2)), expected);
}

void tst_Trust::oversizedReply_data()
{
    QTest::addColumn<QStringList>("fault");
    QTest::addColumn<QString>("failedStep");
    QTest::addColumn<bool>("updated"); // the update itself went through before the cut reply

    const auto oversized = [](const QString &command, int skip, const QString &variant) {
        QStringList args {u"oversized-output"_s, u"--command"_s, command, u"--count"_s, u"1"_s};
        if (skip > 0)
            args << u"--skip"_s << QString::number(skip);
        if (!variant.isEmpty())
            args << u"--variant"_s << variant;
        return args;
    };
    // manufacturing-state show runs three times in the full recipe: details, ready-to-ship and
    // after the update.
    QTest::newRow("details: show-attached")
        << oversized(u"show-attached"_s, 0, {}) << u"details"_s << false;
    QTest::newRow("details: show-attached, padding on stderr")
        << oversized(u"show-attached"_s, 0, u"stderr"_s) << u"details"_s << false;
    QTest::newRow("details: manufacturing-state show")
        << oversized(u"manufacturing-state show"_s, 0, {}) << u"details"_s << false;
    QTest::newRow("ready-to-ship: manufacturing-state show")
        << oversized(u"manufacturing-state show"_s, 1, {}) << u"ready-to-ship"_s << false;
    QTest::newRow("ready-to-ship: capability show-attached")
        << oversized(u"capability show-attached"_s, 0, {}) << u"ready-to-ship"_s << false;
    QTest::newRow("ready-to-ship: wifi list (after the Wi-Fi step's)")
        << oversized(u"wifi list"_s, 1, {}) << u"ready-to-ship"_s << false;
    QTest::newRow("finalize: manufacturing-state update")
        << oversized(u"manufacturing-state update"_s, 0, {}) << u"finalize"_s << true;
    QTest::newRow("finalize: manufacturing-state show after the update")
        << oversized(u"manufacturing-state show"_s, 2, {}) << u"finalize"_s << true;
    QTest::newRow("finalize: manufacturing-state show after the update, padding on stderr")
        << oversized(u"manufacturing-state show"_s, 2, u"stderr"_s) << u"finalize"_s << true;
}

// (c) A reply whose head is valid (JSON, or the status lines) and whose rest lies past the 1 MiB
// capture limit, with an error at its end: the station must fail the step as OutputTooLarge,
// never pass it on the head. Where the cut reply is the update's own (or the confirmation after
// it), the device did become DeviceComplete: the record must not claim it confirmed that.
void tst_Trust::oversizedReply()
{
    QFETCH(QStringList, fault);
    QFETCH(QString, failedStep);
    QFETCH(bool, updated);
    TrustBench bench;
    QVERIFY(bench.create());
    QVERIFY(bench.fault(fault));

    const Run run = bench.station();
    QCOMPARE(run.exitCode, 1);
    QCOMPARE(bench.value(u"SELECT count(*) FROM runs WHERE outcome = 'PASS'"_s), u"0"_s);
    const QList<QVariantList> runs
        = bench.rows(u"SELECT id, outcome, error_code, manufacturing_state, cause FROM runs"_s);
    QCOMPARE(runs.size(), 1);
    const QString runId = runs.at(0).at(0).toString();
    QCOMPARE(runs.at(0).at(1).toString(), u"FAIL"_s);
    QVERIFY2(runs.at(0).at(2).toString() == "OutputTooLarge"_L1,
        qPrintable(runs.at(0).at(2).toString() + u": "_s + runs.at(0).at(4).toString()));
    QVERIFY(runs.at(0).at(3).toString() != "DeviceComplete"_L1);
    QCOMPARE(
        bench.value(u"SELECT type FROM steps WHERE run_id = %1 AND outcome = 'FAIL'"_s.arg(runId)),
        failedStep);
    // The cut reply is in the record as cut.
    QCOMPARE(bench.value(u"SELECT count(*) FROM commands c JOIN steps s ON s.id = c.step_id"
                         " WHERE s.run_id = %1 AND c.truncated <> 0"_s.arg(runId)),
        u"1"_s);
    QCOMPARE(bench.device(1).value(u"manufacturingState"_s).toString(),
        updated ? u"DeviceComplete"_s : u"Blank"_s);
    if (updated) {
        // Announced before it was made, so the record tells quality which device to check.
        QCOMPARE(
            bench.value(u"SELECT count(*) FROM events WHERE kind = 'finalize-intent'"_s), u"1"_s);
    }
}

void tst_Trust::finishedDeviceComesBack_data()
{
    QTest::addColumn<bool>("finalizedHere"); // by an earlier run of this record (else: as made)
    QTest::newRow("made DeviceComplete, unknown to this record") << false;
    QTest::newRow("finalized by an earlier run of this record") << true;
}

// (d) A device already DeviceComplete is put back into a fixture: the run stops at details with
// DeviceFinalized (naming the run that finalized it when the record has it), no command that
// changes a device is sent, and the device file is byte for byte what it was.
void tst_Trust::finishedDeviceComesBack()
{
    QFETCH(bool, finalizedHere);
    TrustBench bench;
    QString earlierRun;
    if (finalizedHere) {
        QVERIFY(bench.create());
        const Run first = bench.station();
        QVERIFY2(first.exitCode == 0, qPrintable(first.out + first.err));
        earlierRun = bench.value(u"SELECT id FROM runs WHERE outcome = 'PASS'"_s);
        QVERIFY(!earlierRun.isEmpty());
        bench.reopen();
    } else {
        QVERIFY(bench.create({u"--state"_s, u"DeviceComplete"_s}));
    }
    QCOMPARE(bench.device(1).value(u"manufacturingState"_s).toString(), u"DeviceComplete"_s);
    const QByteArray before = bench.deviceBytes(1);

    const Run run = bench.station();
    QCOMPARE(run.exitCode, 1);
    const QString last = u"(SELECT max(id) FROM runs)"_s;
    const QList<QVariantList> runs = bench.rows(
        u"SELECT id, outcome, error_code, failed_step, cause FROM runs WHERE id = "_s + last);
    QCOMPARE(runs.size(), 1);
    QCOMPARE(runs.at(0).at(1).toString(), u"FAIL"_s);
    QVERIFY2(runs.at(0).at(2).toString() == "DeviceFinalized"_L1,
        qPrintable(runs.at(0).at(2).toString() + u": "_s + runs.at(0).at(4).toString()));
    QCOMPARE(bench.value(u"SELECT type FROM steps WHERE run_id = %1 AND outcome = 'FAIL'"_s.arg(
                 runs.at(0).at(0).toString())),
        u"details"_s);
    if (finalizedHere) {
        const QString cause = runs.at(0).at(4).toString();
        QVERIFY2(cause.contains(u"run %1 finalized it"_s.arg(earlierRun)), qPrintable(cause));
    }
    // Only questions were asked of the device.
    const QList<QVariantList> commands = bench.rows(
        u"SELECT c.command_line FROM commands c JOIN steps s ON s.id = c.step_id WHERE s.run_id = "_s
        + last);
    QVERIFY(!commands.isEmpty());
    for (const QVariantList &command : commands) {
        const QString line = command.at(0).toString();
        const bool asks = line.contains(u"list-attached"_s) || line.contains(u"show-attached"_s)
            || line.contains(u"manufacturing-state show"_s) || line.contains(u"show-os-version"_s);
        QVERIFY2(asks, qPrintable(line));
    }
    QCOMPARE(bench.deviceBytes(1), before);
}

// A second station started on the record of a live one (the same command line, the same
// simulated bench) is refused with RecordInUse naming the live process, and the live station's
// runs go on as if nothing happened.
void tst_Trust::secondStationLeavesLiveRunsAlone()
{
    TrustBench bench;
    QVERIFY(bench.sim({u"bench"_s, u"create"_s, u"--devices"_s, u"2"_s}).exitCode == 0);
    QProcessEnvironment env = bench.environment();
    env.insert(u"AZSPHERE_SIM_TIME_SCALE"_s, u"0.05"_s); // a recovery takes seconds
    const QStringList arguments {u"--headless"_s,
        u"--simulate"_s,
        u"2"_s,
        u"--recipe"_s,
        FullRecipe,
        u"--record"_s,
        bench.record()};
    QProcess live;
    live.setProcessEnvironment(env);
    live.start(QStringLiteral(STATION_BIN_DIR "/sphere-station"), arguments);
    QVERIFY(live.waitForStarted());
    QByteArray out;
    QTRY_VERIFY_WITH_TIMEOUT(
        (out += live.readAllStandardOutput()).count("Record device details") >= 2, 60000);

    const Run second
        = TrustBench::run(QStringLiteral(STATION_BIN_DIR "/sphere-station"), arguments, env);
    QCOMPARE(second.exitCode, 2);
    QVERIFY2(second.err.contains(
                 u"is in use by another station: process %1 (headless)"_s.arg(live.processId())),
        qPrintable(second.err));

    QVERIFY(live.waitForFinished(240000));
    out += live.readAllStandardOutput();
    QCOMPARE(bench.value(u"SELECT count(*) FROM runs WHERE outcome = 'INTERRUPTED'"_s), u"0"_s);
    // The refused station took the lock before it prepared the simulator: it never started a
    // UART server on the shared bench, so the live station's UART tests still find their ports.
    QVERIFY2(live.exitCode() == 0 && out.contains("2 runs: 2 PASS, 0 FAIL"), out.constData());
    QCOMPARE(bench.value(u"SELECT count(*) FROM runs WHERE outcome IN ('PASS', 'FAIL')"_s), u"2"_s);
}

QTEST_GUILESS_MAIN(tst_Trust)

#include "tst_trust.moc"

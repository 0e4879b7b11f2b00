#include "services/config/stationconfig.h"
#include "services/records/csvexport.h"
#include "simbench.h"
#include "tests/helpers/csvparse.h"
#include "tests/helpers/hostilefiles.h"

#include <QDirIterator>
#include <QHash>
#include <QJsonArray>
#include <QProcess>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTest>

#include <signal.h>

using namespace Qt::Literals::StringLiterals;
using namespace Station;

// The built `sphere-station` end to end, as a line script or benchmark runs it: --headless on
// simulated benches, the record it leaves, its CSV export, and a kill -9 in the middle.
class tst_Headless : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void eightDevicesPass();
    void eightDevicesPassThroughAz();
    void faultsOnThreeDevices();
    void killedMidRunThenRestarted();
    void repeatRunsEachFixture();
    void interruptAbortsEveryRun();
    void configuredRealTools_data();
    void configuredRealTools();
    void refusesBadInput_data();
    void refusesBadInput();
    void refusesHostileInput_data();
    void refusesHostileInput();
    void backendFromConfiguration_data();
    void backendFromConfiguration();

private:
    struct Run
    {
        int exitCode = -1;
        QString out;
        QString err;
    };
    static Run station(const QStringList &arguments, const QProcessEnvironment &environment);
};

namespace {

const QString FullRecipe = SimBench::recipesDir() + u"/full.json"_s;
const QString QuickRecipe = SimBench::recipesDir() + u"/quick.json"_s;

class Inspector
{
public:
    explicit Inspector(const QString &path)
        : m_name(u"inspect-%1"_s.arg(++s_count))
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, m_name);
        db.setDatabaseName(path);
        db.open();
    }
    ~Inspector() { QSqlDatabase::removeDatabase(m_name); }

    QList<QVariantList> rows(const QString &sql) const
    {
        QList<QVariantList> rows;
        QSqlQuery query(QSqlDatabase::database(m_name));
        if (!query.exec(sql))
            return rows;
        while (query.next()) {
            QVariantList row;
            for (int i = 0; i < query.record().count(); ++i)
                row.append(query.value(i));
            rows.append(row);
        }
        return rows;
    }
    QString value(const QString &sql) const
    {
        const QList<QVariantList> all = rows(sql);
        return all.isEmpty() ? QString() : all.first().value(0).toString();
    }

private:
    static inline int s_count = 0;
    QString m_name;
};

bool processOnBench(const QString &benchDir)
{
    const QByteArray needle = "AZSPHERE_SIM_HOME=" + benchDir.toUtf8();
    QDirIterator it(u"/proc"_s, QDir::Dirs | QDir::NoDotAndDotDot);
    while (it.hasNext()) {
        const QString dir = it.next();
        bool numeric = false;
        it.fileName().toLongLong(&numeric);
        if (!numeric || it.fileName().toLongLong() == QCoreApplication::applicationPid())
            continue;
        QFile environ(dir + u"/environ"_s);
        if (environ.open(QIODevice::ReadOnly) && environ.readAll().split('\0').contains(needle))
            return true;
    }
    return false;
}

} // namespace

void tst_Headless::initTestCase()
{
    QVERIFY2(QFile::exists(SimBench::bin(u"sphere-station"_s)), "sphere-station is not built");
    QVERIFY2(QFile::exists(SimBench::recipesDir() + u"/sim-assets/manifest.json"_s),
        "the simulator assets are not generated");
}

tst_Headless::Run tst_Headless::station(
    const QStringList &arguments, const QProcessEnvironment &environment)
{
    QProcess process;
    process.setProcessEnvironment(environment);
    process.start(SimBench::bin(u"sphere-station"_s), arguments);
    Run run;
    if (!process.waitForStarted())
        return run;
    process.closeWriteChannel();
    if (!process.waitForFinished(240000)) {
        process.kill();
        process.waitForFinished();
        return run;
    }
    run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    run.out = QString::fromUtf8(process.readAllStandardOutput());
    run.err = QString::fromUtf8(process.readAllStandardError());
    return run;
}

void tst_Headless::eightDevicesPass()
{
    SimBench bench;
    QProcessEnvironment env = bench.environment();
    env.remove(u"AZSPHERE_SIM_HOME"_s); // the station makes and owns its bench
    const QString record = bench.path() + u"/record.sqlite"_s;
    const Run run = station({u"--headless"_s,
                                u"--simulate"_s,
                                u"8"_s,
                                u"--recipe"_s,
                                FullRecipe,
                                u"--record"_s,
                                record,
                                u"--operator"_s,
                                u"e2e"_s},
        env);
    QVERIFY2(run.exitCode == 0, qPrintable(run.out + run.err));
    QVERIFY(run.out.contains(u"8 runs: 8 PASS, 0 FAIL, 0 ABORTED"_s));
    // One line per step: 8 devices x 14 steps.
    const QStringList lines = run.out.split(u'\n');
    const auto stepLines = std::count_if(
        lines.cbegin(), lines.cend(), [](const QString &l) { return l.contains(u"/14 "_s); });
    QCOMPARE(stepLines, 8 * 14);

    Inspector inspect(record);
    QCOMPARE(inspect.value(u"SELECT count(*) FROM runs WHERE outcome = 'PASS'"_s), u"8"_s);
    QCOMPARE(inspect.value(
                 u"SELECT count(DISTINCT device_id) FROM runs WHERE length(device_id) = 128"_s),
        u"8"_s);
    QCOMPARE(inspect.value(u"SELECT count(*) FROM steps WHERE outcome IN ('PASS', 'SKIPPED')"_s),
        u"112"_s);
    // Every step kept its commands with the exact command line and the raw output.
    QCOMPARE(inspect.value(u"SELECT count(*) FROM steps s WHERE NOT EXISTS "
                           "(SELECT 1 FROM commands c WHERE c.step_id = s.id)"_s),
        u"0"_s);
    QCOMPARE(inspect.value(u"SELECT count(*) FROM commands WHERE command_line = '' OR "
                           "(stdout = '' AND command_line LIKE '%show-attached%')"_s),
        u"0"_s);
    QCOMPARE(inspect.value(u"SELECT count(*) FROM runs WHERE manufacturing_state = 'DeviceComplete'"
                           " AND operator = 'e2e' AND backend = 'simulated'"_s),
        u"8"_s);
    QCOMPARE(inspect.value(u"SELECT count(*) FROM measurements"_s), u"32"_s);
    // Every device made permanent was announced in the record (a finalize-intent event naming
    // this run and device) before the irreversible manufacturing-state update started, so a
    // station killed in between still leaves a record that says so.
    QCOMPARE(
        inspect.value(
            u"SELECT count(*) FROM runs r WHERE EXISTS (SELECT 1 FROM events e"
            " WHERE e.kind = 'finalize-intent'"
            " AND e.detail = 'run ' || r.id || ': device ' || r.device_id || ' to DeviceComplete'"
            " AND e.time_utc <= (SELECT min(c.started_utc) FROM commands c"
            " JOIN steps s ON c.step_id = s.id WHERE s.run_id = r.id"
            " AND c.command_line LIKE '%manufacturing-state update%'))"_s),
        u"8"_s);

    // The CSV holds every device ID with every step and its command lines.
    const QString csv = bench.path() + u"/steps.csv"_s;
    const Run exported
        = station({u"export"_s, u"--record"_s, record, u"--steps"_s, u"--out"_s, csv}, env);
    QVERIFY2(exported.exitCode == 0, qPrintable(exported.err));
    QFile file(csv);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QList<QStringList> rows = Station::Tests::parseCsv(file.readAll());
    QCOMPARE(rows.size(), 1 + 8 * 14);
    const QStringList header = rows.first();
    const qsizetype device = header.indexOf(u"device_id"_s);
    const qsizetype commands = header.indexOf(u"command_lines"_s);
    QVERIFY(device >= 0 && commands >= 0);
    QSet<QString> devices;
    for (qsizetype i = 1; i < rows.size(); ++i) {
        devices.insert(rows.at(i).at(device));
        QVERIFY(!rows.at(i).at(commands).isEmpty());
    }
    QCOMPARE(devices.size(), 8);

    // The command CSV holds, for each device ID, a row for every recorded tool call with its
    // command line and its raw output exactly as the record has it.
    const QString commandCsv = bench.path() + u"/commands.csv"_s;
    const Run exportedCommands = station(
        {u"export"_s, u"--record"_s, record, u"--commands"_s, u"--out"_s, commandCsv}, env);
    QVERIFY2(exportedCommands.exitCode == 0, qPrintable(exportedCommands.err));
    QFile commandFile(commandCsv);
    QVERIFY(commandFile.open(QIODevice::ReadOnly));
    const QList<QStringList> commandRows = Station::Tests::parseCsv(commandFile.readAll());
    QVERIFY(!commandRows.isEmpty());
    QCOMPARE(commandRows.first(), csvHeader(CsvLayout::CommandPerRow));
    const QStringList commandHeader = commandRows.first();
    const auto at = [&](const QStringList &row, const QString &name) {
        return row.value(commandHeader.indexOf(name));
    };
    // device ID -> "step seq/command seq" -> command line, stdout, stderr (CSV-neutralised).
    QHash<QString, QHash<QString, QStringList>> inCsv;
    for (qsizetype i = 1; i < commandRows.size(); ++i) {
        const QStringList &row = commandRows.at(i);
        QCOMPARE(row.size(), commandHeader.size());
        const QString key = at(row, u"step_seq"_s) + u'/' + at(row, u"command_seq"_s);
        QVERIFY2(!inCsv[at(row, u"device_id"_s)].contains(key), qPrintable(key));
        inCsv[at(row, u"device_id"_s)].insert(
            key, {at(row, u"command_line"_s), at(row, u"stdout"_s), at(row, u"stderr"_s)});
    }
    const QList<QVariantList> recorded = inspect.rows(
        u"SELECT r.device_id, s.seq, c.seq, c.command_line, c.stdout, c.stderr "
        "FROM commands c JOIN steps s ON s.id = c.step_id JOIN runs r ON r.id = s.run_id"_s);
    QVERIFY(!recorded.isEmpty());
    QCOMPARE(commandRows.size(), 1 + recorded.size());
    QCOMPARE(inCsv.size(), 8);
    int withOutput = 0;
    for (const QVariantList &command : recorded) {
        const QString deviceId = command.at(0).toString();
        const QString key = command.at(1).toString() + u'/' + command.at(2).toString();
        const QStringList cells = inCsv.value(deviceId).value(key);
        QVERIFY2(cells.size() == 3, qPrintable(deviceId + u' ' + key));
        QCOMPARE(cells.at(0), neutralizeCsvText(command.at(3).toString()));
        QCOMPARE(cells.at(1), neutralizeCsvText(command.at(4).toString()));
        QCOMPARE(cells.at(2), neutralizeCsvText(command.at(5).toString()));
        if (!command.at(4).toString().isEmpty()) {
            QVERIFY(!cells.at(1).isEmpty());
            ++withOutput;
        }
    }
    // Every device's show-attached (at least) printed something: the check above is not empty.
    QVERIFY2(withOutput >= 8, qPrintable(QString::number(withOutput)));
}

void tst_Headless::faultsOnThreeDevices()
{
    // As a line script does it: make the bench, inject faults, then start the station on it.
    SimBench bench;
    QVERIFY(bench.create(8));
    const QList<QStringList> faults {
        {u"--device"_s, u"1212"_s, u"uart-selftest-fail"_s},
        {u"--device"_s, u"1215"_s, u"recover-fails"_s, u"--variant"_s, u"enter-recovery"_s},
        {u"--device"_s, u"1217"_s, u"rf-out-of-spec"_s},
    };
    for (const QStringList &fault : faults)
        QVERIFY(bench.sphereSim(QStringList {u"fault"_s, u"set"_s} + fault).isSuccess());

    const QString record = bench.path() + u"/record.sqlite"_s;
    const Run run = station({u"--headless"_s,
                                u"--simulate"_s,
                                u"8"_s,
                                u"--recipe"_s,
                                FullRecipe,
                                u"--record"_s,
                                record},
        bench.environment());
    QVERIFY2(run.exitCode == 1, qPrintable(run.out + run.err));
    QVERIFY(run.out.contains(u"8 runs: 5 PASS, 3 FAIL, 0 ABORTED"_s));

    Inspector inspect(record);
    const QList<QVariantList> failed = inspect.rows(
        u"SELECT connection_path, failed_step, error_code, cause FROM runs WHERE outcome = 'FAIL'"
        " ORDER BY connection_path"_s);
    QCOMPARE(failed.size(), 3);
    QCOMPARE(failed.at(0).at(0).toString(), u"1212"_s);
    QCOMPARE(failed.at(0).at(1).toString(), u"Functional test"_s);
    QCOMPARE(failed.at(0).at(2).toString(), u"UartUnexpectedReply"_s);
    QVERIFY(failed.at(0).at(3).toString().contains(u"FAIL"_s));
    QCOMPARE(failed.at(1).at(0).toString(), u"1215"_s);
    QCOMPARE(failed.at(1).at(2).toString(), u"RecoveryModeFailed"_s);
    QCOMPARE(failed.at(2).at(0).toString(), u"1217"_s);
    QCOMPARE(failed.at(2).at(2).toString(), u"RfCheckFailed"_s);
    // Stop on the first failure: no step after the failing one was run.
    QCOMPARE(inspect.value(u"SELECT count(*) FROM steps s JOIN runs r ON r.id = s.run_id "
                           "WHERE r.outcome = 'FAIL' AND s.seq > (SELECT max(seq) FROM steps "
                           "WHERE run_id = r.id AND outcome = 'FAIL')"_s),
        u"0"_s);

    // The finalize guard, seen from the devices: only the five that passed are DeviceComplete.
    const ToolResult shown = bench.sphereSim({u"bench"_s, u"show"_s, u"--json"_s});
    const QJsonArray fixtures
        = QJsonDocument::fromJson(shown.stdOut).object().value(u"fixtures"_s).toArray();
    QCOMPARE(fixtures.size(), 8);
    for (const QJsonValue &fixture : fixtures) {
        const QString path = fixture.toObject().value(u"connectionPath"_s).toString();
        const bool faulty = path == "1212"_L1 || path == "1215"_L1 || path == "1217"_L1;
        QCOMPARE(fixture.toObject().value(u"manufacturingState"_s).toString(),
            faulty ? u"Blank"_s : u"DeviceComplete"_s);
    }
}

void tst_Headless::killedMidRunThenRestarted()
{
    SimBench bench(u"0.01"_s);
    QVERIFY(bench.create(8));
    const QString record = bench.path() + u"/record.sqlite"_s;

    QProcess process;
    process.setProcessEnvironment(bench.environment());
    process.start(SimBench::bin(u"sphere-station"_s),
        {u"--headless"_s,
            u"--simulate"_s,
            u"8"_s,
            u"--recipe"_s,
            FullRecipe,
            u"--record"_s,
            record});
    QVERIFY(process.waitForStarted());
    QByteArray out;
    QTRY_VERIFY_WITH_TIMEOUT((out += process.readAllStandardOutput()).count(" PASS ") >= 12, 60000);
    ::kill(static_cast<pid_t>(process.processId()), SIGKILL);
    QVERIFY(process.waitForFinished());
    out += process.readAllStandardOutput();
    QVERIFY(!out.contains("summary"));
    // The UART server dies with the station (PR_SET_PDEATHSIG); no tool is left behind.
    QTRY_VERIFY_WITH_TIMEOUT(!processOnBench(bench.benchDir()), 10000);

    // Steps the station reported are in the file.
    QMap<QString, int> reported; // fixture -> step lines printed
    for (const QByteArray &line : out.split('\n')) {
        if (line.contains("/14 "))
            ++reported[QString::fromUtf8(line.left(3)).trimmed()];
    }
    {
        Inspector inspect(record);
        QCOMPARE(inspect.value(u"PRAGMA integrity_check"_s), u"ok"_s);
        // Every run the station began is either finished or still open: none was lost or
        // closed wrongly by the kill.
        QCOMPARE(
            inspect.value(u"SELECT count(*) FROM runs WHERE outcome NOT IN ('RUNNING', 'PASS')"_s),
            u"0"_s);
        for (auto it = reported.cbegin(); it != reported.cend(); ++it) {
            const int fixture = it.key().mid(1).toInt();
            const int committed
                = inspect
                      .value(
                          u"SELECT count(*) FROM steps s JOIN runs r ON r.id = s.run_id WHERE r.fixture = %1"_s
                              .arg(fixture))
                      .toInt();
            QVERIFY2(committed >= it.value(), qPrintable(it.key()));
        }
    }
    const int open
        = Inspector(record).value(u"SELECT count(*) FROM runs WHERE outcome = 'RUNNING'"_s).toInt();
    QVERIFY(open > 0);
    const int stepsBefore = Inspector(record).value(u"SELECT count(*) FROM steps"_s).toInt();

    // The next start closes them as INTERRUPTED, steps intact, and runs normally.
    QVERIFY(bench.create(1));
    const Run restart = station({u"--headless"_s,
                                    u"--simulate"_s,
                                    u"1"_s,
                                    u"--recipe"_s,
                                    QuickRecipe,
                                    u"--record"_s,
                                    record},
        bench.environment());
    QVERIFY2(restart.exitCode == 0, qPrintable(restart.out + restart.err));
    // The English plural forms (sphere-station_en.ts): "1 run ... was", "2 runs ... were".
    const QString closedLine = open == 1
        ? u"1 run left open earlier was closed as INTERRUPTED"_s
        : u"%1 runs left open earlier were closed as INTERRUPTED"_s.arg(open);
    QVERIFY2(restart.out.contains(closedLine), qPrintable(restart.out));
    Inspector inspect(record);
    QCOMPARE(inspect.value(u"PRAGMA integrity_check"_s), u"ok"_s);
    QCOMPARE(
        inspect.value(u"SELECT count(*) FROM runs WHERE outcome = 'INTERRUPTED'"_s).toInt(), open);
    QCOMPARE(inspect.value(u"SELECT count(*) FROM runs WHERE outcome = 'RUNNING'"_s), u"0"_s);
    QCOMPARE(inspect.value(u"SELECT count(*) FROM steps"_s).toInt(), stepsBefore + 5);
}

void tst_Headless::repeatRunsEachFixture()
{
    SimBench bench;
    QVERIFY(bench.create(2));
    const QString record = bench.path() + u"/record.sqlite"_s;
    const Run run = station({u"--headless"_s,
                                u"--simulate"_s,
                                u"2"_s,
                                u"--repeat"_s,
                                u"3"_s,
                                u"--recipe"_s,
                                QuickRecipe,
                                u"--record"_s,
                                record},
        bench.environment());
    QVERIFY2(run.exitCode == 0, qPrintable(run.out + run.err));
    QVERIFY(run.out.contains(u"6 runs: 6 PASS, 0 FAIL, 0 ABORTED"_s));
    Inspector inspect(record);
    QCOMPARE(inspect.value(u"SELECT count(*) FROM runs WHERE outcome = 'PASS'"_s), u"6"_s);
    QCOMPARE(inspect.value(u"SELECT count(DISTINCT device_id) FROM runs"_s), u"2"_s);
}

void tst_Headless::interruptAbortsEveryRun()
{
    // Slow enough (recovery ~6 s) that every run is mid-way when Ctrl-C comes.
    SimBench bench(u"0.05"_s);
    QVERIFY(bench.create(2));
    const QString record = bench.path() + u"/record.sqlite"_s;
    QProcess process;
    process.setProcessEnvironment(bench.environment());
    process.start(SimBench::bin(u"sphere-station"_s),
        {u"--headless"_s,
            u"--simulate"_s,
            u"2"_s,
            u"--recipe"_s,
            FullRecipe,
            u"--record"_s,
            record});
    QVERIFY(process.waitForStarted());
    QByteArray out;
    QTRY_VERIFY_WITH_TIMEOUT(
        (out += process.readAllStandardOutput()).count("Record device details") >= 2, 60000);
    ::kill(static_cast<pid_t>(process.processId()), SIGINT);
    QVERIFY(process.waitForFinished(15000));
    out += process.readAllStandardOutput();
    QCOMPARE(process.exitCode(), 1);
    QVERIFY2(out.contains("2 runs: 0 PASS, 0 FAIL, 2 ABORTED"), out.constData());
    QTRY_VERIFY_WITH_TIMEOUT(!processOnBench(bench.benchDir()), 10000);
    Inspector inspect(record);
    QCOMPARE(inspect.value(u"SELECT count(*) FROM runs WHERE outcome = 'ABORTED'"_s), u"2"_s);
    QCOMPARE(inspect.value(u"SELECT group_concat(DISTINCT manufacturing_state) FROM runs"_s),
        u"Blank"_s);
}

// The issue's "done when": the full recipe, unchanged, through az sphere.
void tst_Headless::eightDevicesPassThroughAz()
{
    SimBench bench;
    QProcessEnvironment env = bench.environment();
    env.remove(u"AZSPHERE_SIM_HOME"_s);
    const QString record = bench.path() + u"/record.sqlite"_s;
    const Run run = station({u"--headless"_s,
                                u"--simulate"_s,
                                u"8"_s,
                                u"--cli"_s,
                                u"az"_s,
                                u"--recipe"_s,
                                FullRecipe,
                                u"--record"_s,
                                record},
        env);
    QVERIFY2(run.exitCode == 0, qPrintable(run.out + run.err));
    QVERIFY2(
        run.out.startsWith(u"Back end: simulated (az sphere "_s), qPrintable(run.out.left(300)));
    QVERIFY(run.out.contains(u"8 runs: 8 PASS, 0 FAIL, 0 ABORTED"_s));
    Inspector inspect(record);
    QCOMPARE(
        inspect.value(u"SELECT count(*) FROM runs WHERE outcome = 'PASS' AND azsphere_cli = 'az'"
                      " AND azsphere_version LIKE 'azure-cli %, azure-sphere %, SDK %'"
                      " AND manufacturing_state = 'DeviceComplete'"_s),
        u"8"_s);
    // Every device command went through `az sphere`, none through azsphere (the others are
    // the RF tools, the UART session and the ready-to-ship checks).
    QCOMPARE(
        inspect.value(u"SELECT count(*) FROM commands WHERE command_line LIKE '%azsphere %'"_s),
        u"0"_s);
    QVERIFY(inspect.value(u"SELECT count(*) FROM commands WHERE command_line LIKE '%/az sphere "
                          "device manufacturing-state update --state DeviceComplete --device %'"_s)
        == u"8"_s);
    QCOMPARE(inspect.value(u"SELECT count(*) FROM commands WHERE command_line LIKE '%--full%'"_s),
        u"0"_s);
}

void tst_Headless::configuredRealTools_data()
{
    QTest::addColumn<bool>("toolPresent");
    QTest::addColumn<QString>("cli");
    QTest::newRow("tools found") << true << u"azsphere"_s;
    QTest::newRow("azsphere missing") << false << u"azsphere"_s;
    QTest::newRow("az found") << true << u"az"_s;
    QTest::newRow("az missing") << false << u"az"_s;
}

// The "real" back end from an ini file. The tools it names happen to be the simulator's: the
// station must not care (no special case anywhere).
void tst_Headless::configuredRealTools()
{
    QFETCH(bool, toolPresent);
    QFETCH(QString, cli);
    SimBench bench;
    QVERIFY(bench.create(2));
    StationConfig config;
    config.backend = Backend::Real;
    config.cli = *toolDialectFromName(cli);
    (cli == "az"_L1 ? config.azPath : config.azspherePath)
        = toolPresent ? SimBench::simBin(cli) : u"/opt/nowhere/"_s + cli;
    config.rfSettingsToolPath = SimBench::simBin(u"RfSettingsTool"_s);
    config.rfToolCliPath = SimBench::simBin(u"RfToolCli"_s);
    config.stationName = u"line-7"_s;
    config.operatorName = u"configured"_s;
    config.recordFile = bench.path() + u"/configured.sqlite"_s;
    config.fixtures = {bench.fixture(1), bench.fixture(2)};
    const QString ini = bench.path() + u"/station.ini"_s;
    QVERIFY(config.save(ini));

    const Run run = station(
        {u"--headless"_s, u"--config"_s, ini, u"--recipe"_s, QuickRecipe}, bench.environment());
    if (!toolPresent) {
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains(u"/opt/nowhere/"_s + cli), qPrintable(run.err));
        return;
    }
    QVERIFY2(run.exitCode == 0, qPrintable(run.out + run.err));
    Inspector inspect(config.recordFile);
    QCOMPARE(inspect.value(u"SELECT count(*) FROM runs WHERE outcome = 'PASS' AND backend = 'real'"
                           " AND station = 'line-7' AND operator = 'configured'"
                           " AND azsphere_cli = '%1'"_s.arg(cli)),
        u"2"_s);
}

void tst_Headless::refusesBadInput_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("message");
    QTest::newRow("no recipe") << QStringList {u"--headless"_s, u"--simulate"_s, u"1"_s}
                               << u"--recipe"_s;
    QTest::newRow("missing recipe") << QStringList {u"--headless"_s,
        u"--simulate"_s,
        u"1"_s,
        u"--recipe"_s,
        u"/nonexistent.json"_s} << u"nonexistent.json"_s;
    QTest::newRow("bad fixtures") << QStringList {u"--headless"_s,
        u"--simulate"_s,
        u"1"_s,
        u"--fixtures"_s,
        u"x"_s,
        u"--recipe"_s,
        QuickRecipe} << u"--fixtures"_s;
    QTest::newRow("no such fixture") << QStringList {u"--headless"_s,
        u"--simulate"_s,
        u"2"_s,
        u"--fixtures"_s,
        u"3"_s,
        u"--recipe"_s,
        QuickRecipe} << u"fixture 3"_s;
}

void tst_Headless::refusesBadInput()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, message);
    SimBench bench;
    QProcessEnvironment env = bench.environment();
    env.remove(u"AZSPHERE_SIM_HOME"_s);
    const Run run
        = station(arguments + QStringList {u"--record"_s, bench.path() + u"/r.sqlite"_s}, env);
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.contains(message), qPrintable(run.err));
}

// What an adversarial user gives the station instead of a recipe, a configuration, a record or
// a name: refused at once (exit 2), with the reason, and each problem said once.
void tst_Headless::refusesHostileInput_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("message");
    QTest::newRow("recipe is a FIFO")
        << u"recipe fifo"_s << u"r.json is a FIFO (named pipe), not a regular file"_s;
    QTest::newRow("recipe is /dev/zero")
        << u"recipe zero"_s << u"/dev/zero is a character device, not a regular file"_s;
    QTest::newRow("recipe with a repeated key")
        << u"recipe repeated"_s << u"steps[2].params.state: the key \"state\" appears twice"_s;
    QTest::newRow("recipe name with NUL")
        << u"recipe nul"_s << u"name: contains the control character U+0000 (NUL)"_s;
    QTest::newRow("recipe with an unknown first step")
        << u"recipe conect"_s << u"steps[0].type: must be one of: "_s;
    QTest::newRow("configuration is a FIFO")
        << u"config fifo"_s << u"station.ini is a FIFO (named pipe), not a regular file"_s;
    QTest::newRow("configuration of random bytes")
        << u"config random"_s
        << u"is not a readable ini file: line 2: contains a NUL byte; this is not a text file"_s;
    QTest::newRow("configuration names azsphere, no back end, tool missing")
        << u"config implied real"_s
        << u"selects the real back end, but azsphere was not found at /opt/nowhere/azsphere"_s;
    QTest::newRow("configuration with the back end twice")
        << u"config repeated"_s
        << u"line 3: station/backend is set again (first on line 2); each key may appear only once"_s;
    QTest::newRow("--config without its file") << u"config option"_s << u"--config"_s;
    QTest::newRow("--config of an empty name")
        << u"config empty"_s << u"--config takes a file name"_s;
    QTest::newRow("--operator with a control character")
        << u"operator"_s << u"--operator: contains the control character U+0007"_s;
    QTest::newRow("record of random bytes")
        << u"record random"_s << u"is not a Sphere Station record (it is not a SQLite database)"_s;
}

void tst_Headless::refusesHostileInput()
{
    QFETCH(QString, kind);
    QFETCH(QString, message);
    SimBench bench;
    QProcessEnvironment env = bench.environment();
    env.remove(u"AZSPHERE_SIM_HOME"_s);
    const QString dir = bench.path();
    const auto write = [](const QString &path, const QByteArray &bytes) {
        QFile file(path);
        return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
    };
    QString recipe = QuickRecipe;
    QString record = dir + u"/r.sqlite"_s;
    QStringList extra {u"--simulate"_s, u"1"_s};
    QStringList fifos;
    const QByteArray minimal
        = R"({"format": 1, "name": "NAME", "version": "1", "steps": [{"type": "connect"},
             {"type": "details"}, {"type": "finalize", "params": FINALIZE}]})";
    const QByteArray module1 = R"({"state": "Module1Complete"})";
    if (kind == "recipe fifo"_L1) {
        recipe = dir + u"/r.json"_s;
        QVERIFY(HostileFiles::makeFifo(recipe));
        fifos.append(recipe);
    } else if (kind == "recipe zero"_L1) {
        recipe = u"/dev/zero"_s;
    } else if (kind.startsWith("recipe "_L1)) {
        QByteArray bytes = minimal;
        bytes.replace("FINALIZE",
            kind == "recipe repeated"_L1
                ? R"({"state": "Module1Complete", "state": "DeviceComplete", "confirm_permanent": true})"
                : module1);
        bytes.replace("NAME", kind == "recipe nul"_L1 ? "x\\u0000y" : "x");
        if (kind == "recipe conect"_L1)
            bytes.replace(R"({"type": "connect"})", R"({"type": "conect"})");
        recipe = dir + u"/r.json"_s;
        QVERIFY(write(recipe, bytes));
    } else if (kind.startsWith("config "_L1)) {
        const QString ini = dir + u"/station.ini"_s;
        extra.clear();
        if (kind == "config fifo"_L1) {
            QVERIFY(HostileFiles::makeFifo(ini));
            fifos.append(ini);
        } else if (kind == "config random"_L1) {
            QByteArray random(256, '\0');
            for (qsizetype i = 0; i < random.size(); ++i)
                random[i] = char((i * 97 + 5) % 256);
            QVERIFY(write(ini, random));
        } else if (kind == "config implied real"_L1) {
            QVERIFY(write(ini,
                "[tools]\nazsphere=/opt/nowhere/azsphere\n[fixtures]\nsize=1\n"
                "1\\connectionPath=1211\n"));
        } else if (kind == "config repeated"_L1) {
            QVERIFY(write(ini, "[station]\nbackend=real\nbackend=simulator\n"));
        }
        if (kind == "config option"_L1)
            extra = QStringList {u"--config"_s};
        else if (kind == "config empty"_L1)
            extra = QStringList {u"--simulate"_s, u"1"_s, u"--config"_s, QString()};
        else
            extra = QStringList {u"--config"_s, ini};
    } else if (kind == "operator"_L1) {
        extra += QStringList {u"--operator"_s, u"eve\x07"_s};
    } else if (kind == "record random"_L1) {
        QByteArray random(4096, '\0');
        for (qsizetype i = 0; i < random.size(); ++i)
            random[i] = char((i * 7919 + 13) % 251);
        QVERIFY(write(record, random));
    }
    QStringList arguments {u"--headless"_s};
    arguments += extra;
    if (kind != "config option"_L1) // the option without its value must come last
        arguments += QStringList {u"--record"_s, record, u"--recipe"_s, recipe};
    else
        arguments
            = QStringList {u"--headless"_s, u"--record"_s, record, u"--recipe"_s, recipe} + extra;

    using namespace std::chrono_literals;
    const auto run
        = HostileFiles::returnsWithin([&] { return station(arguments, env); }, fifos, 120s);
    QVERIFY2(run.has_value(), "the station blocked");
    QVERIFY2(run->exitCode == 2, qPrintable(run->out + run->err));
    QVERIFY2(run->err.contains(message), qPrintable(run->err));
    QVERIFY2(run->err.count(message) == 1, qPrintable(u"said more than once:\n"_s + run->err));
}

// Which back end runs, and that the output says so.
void tst_Headless::backendFromConfiguration_data()
{
    QTest::addColumn<QByteArray>("stationLines"); // the [station] section's lines
    QTest::addColumn<QString>("azsphere");        // [tools] azsphere= (SIM: the simulator's)
    QTest::addColumn<bool>("simulateOption");     // --simulate 1
    QTest::addColumn<QString>("backend");         // in the record
    QTest::addColumn<QString>("line");            // in the output

    QTest::newRow("an azsphere path and no back end: real")
        << QByteArray() << u"SIM"_s << false << u"real"_s
        << u"Back end: real (azsphere %1 "_s.arg(SimBench::simBin(u"azsphere"_s));
    QTest::newRow("backend=simulator with an azsphere path: simulated, path not used")
        << QByteArray("backend=simulator\n") << u"/opt/sdk/azsphere"_s << false << u"simulated"_s
        << u"; the configured azsphere /opt/sdk/azsphere is not used"_s;
    QTest::newRow("--simulate overrides backend=real")
        << QByteArray("backend=real\n") << u"/opt/nowhere/azsphere"_s << true << u"simulated"_s
        << u"; --simulate overrides backend=real of the station configuration"_s;
}

void tst_Headless::backendFromConfiguration()
{
    QFETCH(QByteArray, stationLines);
    QFETCH(QString, azsphere);
    QFETCH(bool, simulateOption);
    QFETCH(QString, backend);
    QFETCH(QString, line);
    SimBench bench;
    QVERIFY(bench.create(1));
    QProcessEnvironment env = bench.environment();
    if (backend == "simulated"_L1)
        env.remove(u"AZSPHERE_SIM_HOME"_s); // the station makes and owns its bench
    const QString tool = azsphere == "SIM"_L1 ? SimBench::simBin(u"azsphere"_s) : azsphere;
    const QString ini = bench.path() + u"/station.ini"_s;
    {
        QFile file(ini);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("[station]\n" + stationLines + "operator=cfg\n[tools]\nazsphere=" + tool.toUtf8()
            + "\nrfSettingsTool=" + SimBench::simBin(u"RfSettingsTool"_s).toUtf8()
            + "\nrfToolCli=" + SimBench::simBin(u"RfToolCli"_s).toUtf8()
            + "\n[fixtures]\nsize=1\n1\\connectionPath=1211\n");
    }
    const QString record = bench.path() + u"/configured.sqlite"_s;
    QStringList arguments {
        u"--headless"_s, u"--config"_s, ini, u"--recipe"_s, QuickRecipe, u"--record"_s, record};
    if (simulateOption)
        arguments += QStringList {u"--simulate"_s, u"1"_s};
    const Run run = station(arguments, env);
    QVERIFY2(run.exitCode == 0, qPrintable(run.out + run.err));
    QVERIFY2(run.out.section(u'\n', 0, 0).startsWith(u"Back end: "_s), qPrintable(run.out));
    QVERIFY2(run.out.section(u'\n', 0, 0).contains(line), qPrintable(run.out));
    Inspector inspect(record);
    QCOMPARE(inspect.value(u"SELECT group_concat(DISTINCT backend) FROM runs"_s), backend);
}

QTEST_GUILESS_MAIN(tst_Headless)

#include "tst_headless.moc"

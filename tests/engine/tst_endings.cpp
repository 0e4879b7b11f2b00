#include "simbench.h"
#include "stationprocess.h"

#include <QDir>
#include <QProcess>
#include <QRegularExpression>
#include <QTest>

#include <signal.h>

using namespace Qt::Literals::StringLiterals;

// How a headless station ends when it is told to by a signal (`kill`, a closed terminal or SSH
// session, Ctrl+C): it exits, every run is ABORTED with a cause that names the signal (never "the
// operator"), no tool or UART server is left running, and the bench it made for itself under
// TMPDIR is removed.
class tst_Endings : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void signalEndsHeadlessStation_data();
    void signalEndsHeadlessStation();
    void signalDuringStartUp_data();
    void signalDuringStartUp();
};

void tst_Endings::initTestCase()
{
    QVERIFY2(QFile::exists(SimBench::bin(u"sphere-station"_s)), "sphere-station is not built");
    QVERIFY2(QFile::exists(SimBench::recipesDir() + u"/sim-assets/manifest.json"_s),
        "the simulator assets are not generated");
}

void tst_Endings::signalEndsHeadlessStation_data()
{
    QTest::addColumn<int>("signal");
    QTest::addColumn<QString>("name");
    QTest::newRow("SIGHUP") << int(SIGHUP) << u"SIGHUP"_s;
    QTest::newRow("SIGTERM") << int(SIGTERM) << u"SIGTERM"_s;
    QTest::newRow("SIGINT") << int(SIGINT) << u"SIGINT"_s;
}

void tst_Endings::signalEndsHeadlessStation()
{
    QFETCH(int, signal);
    QFETCH(QString, name);

    // The station makes its own bench (no AZSPHERE_SIM_HOME) in a temporary folder under
    // TMPDIR, here a folder of the test's own. Slow enough (recovery ~6 s) that both runs are
    // mid-way when the signal comes.
    SimBench bench(u"0.05"_s);
    QProcessEnvironment env = bench.environment();
    env.remove(u"AZSPHERE_SIM_HOME"_s);
    const QString tmp = bench.path() + u"/tmp"_s;
    QVERIFY(QDir().mkpath(tmp));
    env.insert(u"TMPDIR"_s, tmp);
    const QString record = bench.recordPath();

    QProcess station;
    station.setProcessEnvironment(env);
    station.start(SimBench::bin(u"sphere-station"_s),
        {u"--headless"_s,
            u"--simulate"_s,
            u"2"_s,
            u"--recipe"_s,
            SimBench::recipesDir() + u"/full.json"_s,
            u"--record"_s,
            record});
    QVERIFY(station.waitForStarted());
    QByteArray out;
    QTRY_VERIFY_WITH_TIMEOUT(
        (out += station.readAllStandardOutput()).count("Record device details") >= 2, 120000);

    // The bench the station made for itself, as its first line names it.
    static const QRegularExpression benchLine(u"bench ([^),\\s]*sphere-bench-[^),\\s]*)"_s);
    const QRegularExpressionMatch match = benchLine.match(QString::fromUtf8(out));
    QVERIFY2(match.hasMatch(), out.constData());
    const QString benchDir = match.captured(1);
    QVERIFY2(benchDir.startsWith(tmp + u'/'), qPrintable(benchDir));
    QVERIFY(QFileInfo(benchDir).isDir());
    const QByteArray onBench = "AZSPHERE_SIM_HOME=" + benchDir.toUtf8();
    QVERIFY(!StationProcess::processesWithEnvironment(onBench).isEmpty()); // UART server, tools

    ::kill(pid_t(station.processId()), signal);
    QVERIFY(station.waitForFinished(30000));
    out += station.readAllStandardOutput();
    const QByteArray err = station.readAllStandardError();
    QVERIFY2(station.exitStatus() == QProcess::NormalExit, err.constData());
    QCOMPARE(station.exitCode(), 1);
    QVERIFY2(out.contains("2 runs: 0 PASS, 0 FAIL, 2 ABORTED"), out.constData());

    // Every run ended ABORTED, and its cause says that the signal ended it.
    const QString cause
        = u"The station was ended by signal %1 (%2) during the run."_s.arg(signal).arg(name);
    QCOMPARE(StationProcess::value(
                 record, u"SELECT group_concat(DISTINCT outcome || ': ' || cause) FROM runs"_s),
        u"ABORTED: "_s + cause);
    QCOMPARE(StationProcess::value(record, u"SELECT count(*) FROM runs"_s), u"2"_s);
    QVERIFY2(!out.contains("operator"), out.constData());
    // The step that was going on says the same.
    QCOMPARE(StationProcess::value(record,
                 u"SELECT group_concat(DISTINCT cause) FROM steps WHERE outcome = 'ABORTED'"_s),
        cause);
    QCOMPARE(
        StationProcess::value(record, u"SELECT count(*) FROM steps WHERE outcome = 'ABORTED'"_s),
        u"2"_s);
    // Stored language-neutral: the source sentence with the signal as its parameters.
    const QString stored = StationProcess::value(record, u"SELECT cause_text FROM runs LIMIT 1"_s);
    QVERIFY2(stored.contains(u"The station was ended by signal %1 (SIG%2) during the run."_s),
        qPrintable(stored));
    QVERIFY2(stored.contains(name.mid(3)), qPrintable(stored));
    // Nothing was changed on a device past its recording (the state stays Blank).
    QCOMPARE(StationProcess::value(
                 record, u"SELECT group_concat(DISTINCT manufacturing_state) FROM runs"_s),
        u"Blank"_s);

    // The tools and the UART server have ended, and the station's own bench is gone.
    QTRY_VERIFY_WITH_TIMEOUT(StationProcess::processesWithEnvironment(onBench).isEmpty(), 10000);
    QVERIFY2(!QFileInfo::exists(benchDir), qPrintable(benchDir));
    QCOMPARE(
        QDir(tmp).entryList({u"sphere-bench-*"_s}, QDir::AllEntries | QDir::Hidden), QStringList());
}

void tst_Endings::signalDuringStartUp_data()
{
    QTest::addColumn<bool>("window");
    QTest::addColumn<int>("signal");
    QTest::newRow("headless, SIGTERM") << false << int(SIGTERM);
    QTest::newRow("headless, SIGHUP") << false << int(SIGHUP);
    QTest::newRow("headless, SIGINT") << false << int(SIGINT);
    QTest::newRow("window, SIGTERM") << true << int(SIGTERM);
    QTest::newRow("window, SIGHUP") << true << int(SIGHUP);
}

// A signal while the station is still making its bench and opening the record (a second or
// two) ends it as cleanly as one during the runs: no tool left, the bench removed.
void tst_Endings::signalDuringStartUp()
{
    QFETCH(bool, window);
    QFETCH(int, signal);
    SimBench bench;
    QProcessEnvironment env = bench.environment();
    env.remove(u"AZSPHERE_SIM_HOME"_s);
    const QString tmp = bench.path() + u"/tmp"_s;
    QVERIFY(QDir().mkpath(tmp));
    env.insert(u"TMPDIR"_s, tmp);
    env.insert(u"QT_QPA_PLATFORM"_s, u"offscreen"_s);
    QStringList arguments {u"--simulate"_s, u"2"_s, u"--record"_s, bench.recordPath()};
    if (!window) {
        arguments += QStringList {
            u"--headless"_s, u"--recipe"_s, SimBench::recipesDir() + u"/quick.json"_s};
    }

    QProcess station;
    station.setProcessEnvironment(env);
    station.start(SimBench::bin(u"sphere-station"_s), arguments);
    QVERIFY(station.waitForStarted());
    // The signal comes as soon as the station has made its bench folder.
    const auto benches = [&tmp] {
        return QDir(tmp).entryList({u"sphere-bench-*"_s}, QDir::AllEntries | QDir::Hidden);
    };
    QTRY_VERIFY_WITH_TIMEOUT(
        !benches().isEmpty() || station.state() == QProcess::NotRunning, 60000);
    QCOMPARE(station.state(), QProcess::Running);
    const QString benchDir = tmp + u'/' + benches().first();
    ::kill(pid_t(station.processId()), signal);
    QVERIFY(station.waitForFinished(60000));
    const QByteArray out = station.readAllStandardOutput();
    const QByteArray output = out + station.readAllStandardError();
    QVERIFY2(station.exitStatus() == QProcess::NormalExit, output.constData());
    QVERIFY2(station.exitCode() != 0, output.constData());
    QVERIFY2(!out.contains(" ABORTED in ") || out.contains("0 runs:"), out.constData());

    const QByteArray onBench = "AZSPHERE_SIM_HOME=" + benchDir.toUtf8();
    QTRY_VERIFY_WITH_TIMEOUT(StationProcess::processesWithEnvironment(onBench).isEmpty(), 10000);
    QCOMPARE(benches(), QStringList());
}

QTEST_GUILESS_MAIN(tst_Endings)

#include "tst_endings.moc"

// `sphere-station probe-tool` (issue #13): every read-only factory command of the configured
// tool against a simulated device, in both dialects; a reply the station cannot read is named
// in the report, and the exit code says whether the station understands the tool.

#include "simbench.h"
#include "stationprocess.h"

#include <QFile>
#include <QTest>

using namespace Qt::Literals::StringLiterals;

class tst_ProbeTool : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void everyCommandUnderstood_data();
    void everyCommandUnderstood();
    void unreadableReplyIsNamed_data();
    void unreadableReplyIsNamed();
    void severalDevicesNeedDevice();
    void missingExtensionIsSaid();
};

namespace {

QString readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
}

// A package for `image-package show`: one of the simulator's deterministic assets.
QString makePackage(const SimBench &bench)
{
    const QString assets = bench.path() + u"/assets"_s;
    if (!bench.sphereSim({u"assets"_s, u"--out"_s, assets}).isSuccess())
        return {};
    return assets + u"/apps/FunctionalTestApp.imagepackage"_s;
}

} // namespace

void tst_ProbeTool::everyCommandUnderstood_data()
{
    QTest::addColumn<QString>("cli");
    QTest::newRow("azsphere") << u"azsphere"_s;
    QTest::newRow("az") << u"az"_s;
}

void tst_ProbeTool::everyCommandUnderstood()
{
    QFETCH(QString, cli);
    SimBench bench;
    QVERIFY(bench.isValid());
    const QString package = makePackage(bench);
    QVERIFY(QFile::exists(package));
    const QString report = bench.path() + u"/report.md"_s;
    const StationProcess::Exit exit = StationProcess::run({u"probe-tool"_s,
                                                              u"--simulate"_s,
                                                              u"1"_s,
                                                              u"--cli"_s,
                                                              cli,
                                                              u"--image-package"_s,
                                                              package,
                                                              u"--out"_s,
                                                              report},
        bench.environment());
    QVERIFY2(exit.exitCode == 0, qPrintable(exit.out + exit.err));
    QVERIFY2(exit.out.contains(u"12 of 12 commands understood"_s), qPrintable(exit.out));
    const QString text = readAll(report);
    QVERIFY(text.contains(u"the station understands this tool"_s));
    QVERIFY(!text.contains(u"NOT understood"_s));
    // Each command as this dialect runs it, with its exit code and raw output.
    if (cli == "az"_L1) {
        QVERIFY(text.contains(u"`az sphere device image list-installed --all --device 1211 "
                              "--output json`"_s));
        QVERIFY(text.contains(u"azure-sphere 1.0.4"_s));
    } else {
        QVERIFY(text.contains(
            u"`azsphere device image list-installed --full --device 1211 --output json`"_s));
    }
    QCOMPARE(text.count(u"stdout:"_s), 12);
}

void tst_ProbeTool::unreadableReplyIsNamed_data()
{
    everyCommandUnderstood_data();
}

// A tool version whose reply the station cannot read: the probe says which command, and fails.
void tst_ProbeTool::unreadableReplyIsNamed()
{
    QFETCH(QString, cli);
    SimBench bench;
    QVERIFY(bench.sphereSim({u"bench"_s, u"create"_s, u"--devices"_s, u"1"_s}).isSuccess());
    QVERIFY(bench
                .sphereSim({u"fault"_s,
                    u"set"_s,
                    u"--device"_s,
                    u"1211"_s,
                    u"garbage"_s,
                    u"--command"_s,
                    u"manufacturing-state show"_s})
                .isSuccess());
    const QString report = bench.path() + u"/report.md"_s;
    const StationProcess::Exit exit = StationProcess::run(
        {u"probe-tool"_s, u"--simulate"_s, u"1"_s, u"--cli"_s, cli, u"--out"_s, report},
        bench.environment());
    QCOMPARE(exit.exitCode, 1);
    const QString text = readAll(report);
    QVERIFY2(text.contains(u"| `device manufacturing-state show` |"_s)
            || text.contains(u"manufacturing-state show"_s),
        qPrintable(text.left(2000)));
    QVERIFY2(text.contains(u"NOT understood: OutputUnparsable"_s), qPrintable(text.left(3000)));
    QVERIFY(text.contains(u"INCOMPLETE or NOT UNDERSTOOD"_s));
}

void tst_ProbeTool::severalDevicesNeedDevice()
{
    SimBench bench;
    const QString report = bench.path() + u"/report.md"_s;
    StationProcess::Exit exit = StationProcess::run(
        {u"probe-tool"_s, u"--simulate"_s, u"2"_s, u"--cli"_s, u"az"_s, u"--out"_s, report},
        bench.environment());
    QCOMPARE(exit.exitCode, 1);
    QVERIFY2(exit.out.contains(u"2 devices are attached; name one with --device"_s),
        qPrintable(exit.out));

    exit = StationProcess::run({u"probe-tool"_s,
                                   u"--simulate"_s,
                                   u"2"_s,
                                   u"--cli"_s,
                                   u"az"_s,
                                   u"--device"_s,
                                   u"1212"_s,
                                   u"--out"_s,
                                   report},
        bench.environment());
    QVERIFY2(exit.exitCode == 0, qPrintable(exit.out + exit.err));
    QVERIFY(readAll(report).contains(u"- Device: `1212`"_s));
}

// az without its azure-sphere extension: the first line says so; nothing else is understood.
void tst_ProbeTool::missingExtensionIsSaid()
{
    SimBench bench;
    QProcessEnvironment environment = bench.environment();
    environment.insert(u"AZSPHERE_SIM_AZ_NO_EXTENSION"_s, u"1"_s);
    const QString report = bench.path() + u"/report.md"_s;
    const StationProcess::Exit exit = StationProcess::run(
        {u"probe-tool"_s, u"--simulate"_s, u"1"_s, u"--cli"_s, u"az"_s, u"--out"_s, report},
        environment);
    QCOMPARE(exit.exitCode, 1);
    QVERIFY2(exit.out.contains(u"ToolExtensionMissing"_s), qPrintable(exit.out));
}

QTEST_GUILESS_MAIN(tst_ProbeTool)
#include "tst_probetool.moc"

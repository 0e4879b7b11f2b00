// Many azsphere processes at once (REFERENCE.md §4: one state file per device, updated under a
// lock): 16 devices driven in parallel, concurrent calls on one device, and commands killed with
// SIGKILL half-way, which must leave every device whole and consistent.

#include "simclitest.h"

#include <QElapsedTimer>
#include <QTest>

#include <memory>
#include <vector>

using namespace SimTest;

namespace {

QStringList words(const QString &text)
{
    return text.split(QLatin1Char(' '), Qt::SkipEmptyParts);
}

struct Finished
{
    int exitCode = -1;
    QString out;
    QString err;
};

// Starts every command at once and waits for all of them.
QList<Finished> runAll(
    const Bench &bench, const QList<QStringList> &commands, int timeoutMs = 120000)
{
    QObject owner;
    std::vector<QProcess *> processes;
    for (const QStringList &args : commands)
        processes.push_back(bench.start(azsphereProgram(), args, &owner));
    QList<Finished> results;
    for (QProcess *p : processes) {
        Finished f;
        if (p->waitForFinished(timeoutMs) && p->exitStatus() == QProcess::NormalExit)
            f.exitCode = p->exitCode();
        else
            p->kill(), p->waitForFinished(5000);
        f.out = QString::fromUtf8(p->readAllStandardOutput());
        f.err = QString::fromUtf8(p->readAllStandardError());
        results.append(f);
    }
    return results;
}

} // namespace

class tst_SimConcurrency : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void sixteenDevicesInParallel();
    void oneDeviceSerializes();
    void killDuringRecover();
    void killDuringRestart();
    void unplugDuringRecover();

private:
    Bench m_assetBench;
    Assets m_assets;
};

void tst_SimConcurrency::initTestCase()
{
    QVERIFY(m_assets.make(m_assetBench));
}

void tst_SimConcurrency::sixteenDevicesInParallel()
{
    Bench bench(QStringLiteral("0.01"));
    QVERIFY(bench.create(16, {QStringLiteral("--os"), QStringLiteral("25.10")}));
    const QString product = m_assets.path(QStringLiteral("apps/ProductApp.imagepackage"));
    QList<QStringList> commands;
    for (int k = 1; k <= 16; ++k) {
        const QString path = QString::number(1210 + k);
        commands.append({QStringLiteral("device"),
            QStringLiteral("sideload"),
            QStringLiteral("deploy"),
            QStringLiteral("-p"),
            product,
            QStringLiteral("-d"),
            path});
        commands.append({QStringLiteral("device"),
            QStringLiteral("wifi"),
            QStringLiteral("add"),
            QStringLiteral("-s"),
            QStringLiteral("NET-A"),
            QStringLiteral("-d"),
            path});
        commands.append({QStringLiteral("device"),
            QStringLiteral("wifi"),
            QStringLiteral("add"),
            QStringLiteral("-s"),
            QStringLiteral("NET-B"),
            QStringLiteral("-d"),
            path});
        commands.append({QStringLiteral("device"),
            QStringLiteral("manufacturing-state"),
            QStringLiteral("update"),
            QStringLiteral("-s"),
            QStringLiteral("Module1Complete"),
            QStringLiteral("-d"),
            path});
    }
    commands.append(words(QStringLiteral("device list-attached -o json")));
    QElapsedTimer timer;
    timer.start();
    const QList<Finished> results = runAll(bench, commands);
    qInfo("16 devices, %d azsphere processes in parallel: %lld ms",
        int(commands.size()),
        timer.elapsed());
    for (int i = 0; i < results.size(); ++i)
        QVERIFY2(results.at(i).exitCode == 0,
            qPrintable(
                commands.at(i).join(QLatin1Char(' ')) + QStringLiteral(": ") + results.at(i).err));
    QCOMPARE(parseJson(results.last().out).array().size(), 16);

    for (int k = 1; k <= 16; ++k) {
        const QString path = QString::number(1210 + k);
        const QJsonObject state = bench.deviceState(k);
        QCOMPARE(state.value(QStringLiteral("manufacturingState")).toString(),
            QStringLiteral("Module1Complete"));
        const QJsonArray apps = parseJson(bench
                                              .az({QStringLiteral("device"),
                                                  QStringLiteral("image"),
                                                  QStringLiteral("list-installed"),
                                                  QStringLiteral("-d"),
                                                  path,
                                                  QStringLiteral("-o"),
                                                  QStringLiteral("json")})
                                              .out)
                                    .array();
        QCOMPARE(apps.size(), 1);
        const QJsonArray wifi = parseJson(bench
                                              .az({QStringLiteral("device"),
                                                  QStringLiteral("wifi"),
                                                  QStringLiteral("list"),
                                                  QStringLiteral("-d"),
                                                  path,
                                                  QStringLiteral("-o"),
                                                  QStringLiteral("json")})
                                              .out)
                                    .array();
        QCOMPARE(wifi.size(), 2);
        QCOMPARE(
            wifi.at(0)[QStringLiteral("id")].toInt() + wifi.at(1)[QStringLiteral("id")].toInt(),
            1); // IDs 0 and 1
    }
}

void tst_SimConcurrency::oneDeviceSerializes()
{
    Bench bench(QStringLiteral("0.01"));
    QVERIFY(bench.create(1));
    QList<QStringList> commands;
    for (int i = 0; i < 12; ++i)
        commands.append({QStringLiteral("device"),
            QStringLiteral("wifi"),
            QStringLiteral("add"),
            QStringLiteral("-s"),
            QStringLiteral("NET-%1").arg(i),
            QStringLiteral("-o"),
            QStringLiteral("json")});
    const QList<Finished> results = runAll(bench, commands);
    QSet<int> ids;
    for (const Finished &f : results) {
        QCOMPARE(f.exitCode, 0);
        ids.insert(parseJson(f.out).object().value(QStringLiteral("id")).toInt());
    }
    QCOMPARE(ids.size(), 12); // every call saw the one before it: no lost update
    QCOMPARE(
        parseJson(bench.az(words(QStringLiteral("device wifi list -o json"))).out).array().size(),
        12);
}

void tst_SimConcurrency::killDuringRecover()
{
    // 120 s of recovery at scale 0.03: about 3.6 s, so the kill lands among the images.
    Bench bench(QStringLiteral("0.03"));
    QVERIFY(bench.create(2));
    QCOMPARE(bench.az(words(QStringLiteral("device wifi add -s SIM-OPEN-AP -d 1211"))).exitCode, 0);
    const QJsonObject before = bench.deviceState(1);
    QObject owner;
    QProcess *recover = bench.start(azsphereProgram(),
        {QStringLiteral("device"),
            QStringLiteral("recover"),
            QStringLiteral("-d"),
            QStringLiteral("1211"),
            QStringLiteral("--images"),
            m_assets.path(QStringLiteral("recovery/26.09"))},
        &owner);
    QString out;
    QTRY_VERIFY_WITH_TIMEOUT((out += QString::fromUtf8(recover->readAllStandardOutput()))
                                 .contains(QStringLiteral("Sent 3 of 16")),
        20000);

    // While it runs the device answers nobody; the other device is unaffected.
    RunResult busy = bench.az(words(QStringLiteral("device show-attached -d 1211")));
    QCOMPARE(busy.exitCode, 1);
    QVERIFY(busy.err.contains(QStringLiteral("The device is not responding.")));
    const QJsonArray during
        = parseJson(bench.az(words(QStringLiteral("device list-attached -o json"))).out).array();
    QCOMPARE(during.at(0)[QStringLiteral("IsResponsive")].toBool(), false);
    QCOMPARE(during.at(1)[QStringLiteral("IsResponsive")].toBool(), true);
    QCOMPARE(bench.az(words(QStringLiteral("device show-attached -d 1212"))).exitCode, 0);

    recover->kill(); // SIGKILL
    QVERIFY(recover->waitForFinished(5000));

    // Killed before the images were all written: the device is exactly as it was, and answers.
    QCOMPARE(bench.deviceState(1), before);
    QCOMPARE(parseJson(bench.az(words(QStringLiteral("device list-attached -o json"))).out)
                 .array()
                 .at(0)[QStringLiteral("IsResponsive")]
                 .toBool(),
        true);
    QCOMPARE(bench.az(words(QStringLiteral("device show-os-version -d 1211 -o json"))).out,
        QStringLiteral("{\n  \"osversion\": \"24.03\"\n}\n"));
    QCOMPARE(parseJson(bench.az(words(QStringLiteral("device wifi list -d 1211 -o json"))).out)
                 .array()
                 .size(),
        1);
    bench.setTimeScale(QStringLiteral("0"));
    QCOMPARE(bench
                 .az({QStringLiteral("device"),
                     QStringLiteral("recover"),
                     QStringLiteral("-d"),
                     QStringLiteral("1211"),
                     QStringLiteral("--images"),
                     m_assets.path(QStringLiteral("recovery/26.09"))})
                 .exitCode,
        0);
    QCOMPARE(bench.az(words(QStringLiteral("device show-os-version -d 1211 -o json"))).out,
        QStringLiteral("{\n  \"osversion\": \"26.09\"\n}\n"));
}

void tst_SimConcurrency::killDuringRestart()
{
    // The reboot belongs to the device: killing the CLI does not stop it.
    Bench bench(QStringLiteral("0.05"));
    QVERIFY(bench.create(1));
    QObject owner;
    QProcess *restart
        = bench.start(azsphereProgram(), words(QStringLiteral("device restart")), &owner);
    QString out;
    QTRY_VERIFY_WITH_TIMEOUT((out += QString::fromUtf8(restart->readAllStandardOutput()))
                                 .contains(QStringLiteral("Restarting device.")),
        10000);
    QTRY_COMPARE_WITH_TIMEOUT(bench.deviceState(1).value(QStringLiteral("busyReason")).toString(),
        QStringLiteral("restart"),
        10000);
    restart->kill();
    QVERIFY(restart->waitForFinished(5000));
    QTRY_COMPARE_WITH_TIMEOUT(
        bench.az(words(QStringLiteral("device show-attached"))).exitCode, 0, 20000);
    QVERIFY(!bench.deviceState(1).isEmpty());
}

void tst_SimConcurrency::unplugDuringRecover()
{
    Bench bench(QStringLiteral("0.03"));
    QVERIFY(bench.create(1));
    const QJsonObject before = bench.deviceState(1);
    QObject owner;
    QProcess *recover = bench.start(azsphereProgram(),
        {QStringLiteral("device"),
            QStringLiteral("recover"),
            QStringLiteral("--images"),
            m_assets.path(QStringLiteral("recovery/25.10"))},
        &owner);
    QString out;
    QTRY_VERIFY_WITH_TIMEOUT((out += QString::fromUtf8(recover->readAllStandardOutput()))
                                 .contains(QStringLiteral("Sent 2 of 16")),
        20000);
    QCOMPARE(bench.sim(words(QStringLiteral("unplug --fixture 1"))).exitCode, 0);
    QVERIFY(recover->waitForFinished(20000));
    QCOMPARE(recover->exitCode(), 1);
    QCOMPARE(QString::fromUtf8(recover->readAllStandardError()),
        QStringLiteral("error: Could not connect to the device; please ensure it is attached.\n"));
    QCOMPARE(bench.deviceState(1), before);
}

QTEST_GUILESS_MAIN(tst_SimConcurrency)
#include "tst_simconcurrency.moc"

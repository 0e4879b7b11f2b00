#include "models/fixturemodel.h"
#include "services/azsphere/devicedata.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace std::chrono_literals;
using Station::FixtureModel;
using Station::FixtureSnapshot;
using Station::Presence;
using Station::RunOutcome;
using Station::StartBlock;
using Station::Text;

namespace {

const QString DeviceId = u"352fe1f59e40ef8a9266415e81af32b5b07d8f2bbd6b5650cef4a70b86c7fcbc"
                         u"70b129a41fbc6d02f8bb4aaabc52cd5740c85427d205e46a166b7e41135eb968"_s;
const QDateTime Now = QDateTime(QDate(2024, 5, 6), QTime(10, 0, 0), Qt::UTC);

FixtureSnapshot present(int fixture)
{
    FixtureSnapshot s;
    s.fixture = fixture;
    s.presence = Presence::Present;
    s.deviceId = DeviceId;
    s.startBlock = StartBlock::None; // as the controller's start rules would say
    return s;
}

FixtureSnapshot running(int fixture, int step, int count, const QString &name)
{
    FixtureSnapshot s = present(fixture);
    s.running = true;
    s.startBlock = StartBlock::Running;
    s.runId = 7;
    s.verdict = RunOutcome::Running;
    s.stepIndex = step;
    s.stepCount = count;
    s.stepName = name;
    s.started = Now.addSecs(-247);
    return s;
}

FixtureSnapshot finished(int fixture, RunOutcome outcome)
{
    FixtureSnapshot s = running(fixture, 5, 13, u"Keystore check"_s);
    s.running = false;
    s.startBlock = StartBlock::None;
    s.verdict = outcome;
    s.finished = Now.addSecs(-7);
    if (outcome == RunOutcome::Pass) {
        s.stepIndex = 13;
    } else {
        s.failedStep = u"Keystore check"_s;
        s.cause
            = Text::raw(u"The device's trusted keystore is older than the image's signing key"_s);
    }
    return s;
}

} // namespace

class tst_FixtureModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void modelTester();
    void roles_data();
    void roles();
    void tileStates_data();
    void tileStates();
    void changedRolesOnly();
    void verdictStaysUntilNextStart(); // (name kept: the model no longer keeps verdicts)
    void clockTicksWhileRunning();
    void setFixtureCountKeepsRows();
    void unknownFixtureIsInserted();
    void shortDeviceId_data();
    void shortDeviceId();
    void elapsedText_data();
    void elapsedText();
};

void tst_FixtureModel::modelTester()
{
    FixtureModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setFixtureCount(8);
    model.updateFixture(running(3, 3, 13, u"Update OS (recover)"_s));
    model.updateFixture(finished(4, RunOutcome::Fail));
    model.updateFixture(present(12)); // inserted at the end
    model.setFixtureCount(4);
    model.resetFixtures({present(2), present(1)});
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.index(0).data(FixtureModel::FixtureRole).toInt(), 1);
}

void tst_FixtureModel::roles_data()
{
    QTest::addColumn<FixtureSnapshot>("snapshot");
    QTest::addColumn<int>("role");
    QTest::addColumn<QVariant>("expected");

    FixtureSnapshot labelled = present(3);
    labelled.label = u"Bench A/3"_s;
    labelled.serialNumber = u"SN-000123"_s;
    const FixtureSnapshot run = running(3, 3, 13, u"Update OS (recover)"_s);
    const FixtureSnapshot fail = finished(3, RunOutcome::Fail);
    const FixtureSnapshot pass = finished(3, RunOutcome::Pass);

    QTest::newRow("fixture") << labelled << int(FixtureModel::FixtureRole) << QVariant(3);
    QTest::newRow("label") << labelled << int(FixtureModel::LabelRole) << QVariant(u"Bench A/3"_s);
    QTest::newRow("title from label")
        << labelled << int(FixtureModel::TitleRole) << QVariant(u"Bench A/3"_s);
    QTest::newRow("title without label")
        << present(3) << int(FixtureModel::TitleRole) << QVariant(u"Fixture 3"_s);
    QTest::newRow("presence") << labelled << int(FixtureModel::PresenceRole)
                              << QVariant::fromValue(Presence::Present);
    QTest::newRow("presence text")
        << labelled << int(FixtureModel::PresenceTextRole) << QVariant(u"Device present"_s);
    QTest::newRow("device id") << labelled << int(FixtureModel::DeviceIdRole) << QVariant(DeviceId);
    QTest::newRow("short device id")
        << labelled << int(FixtureModel::ShortDeviceIdRole) << QVariant(u"352fe1f5…b968"_s);
    QTest::newRow("serial") << labelled << int(FixtureModel::SerialNumberRole)
                            << QVariant(u"SN-000123"_s);
    QTest::newRow("running") << run << int(FixtureModel::RunningRole) << QVariant(true);
    QTest::newRow("idle") << labelled << int(FixtureModel::RunningRole) << QVariant(false);
    QTest::newRow("step name") << run << int(FixtureModel::StepNameRole)
                               << QVariant(u"Update OS (recover)"_s);
    QTest::newRow("step index") << run << int(FixtureModel::StepIndexRole) << QVariant(3);
    QTest::newRow("step count") << run << int(FixtureModel::StepCountRole) << QVariant(13);
    QTest::newRow("step text") << run << int(FixtureModel::StepTextRole)
                               << QVariant(u"Step 3 of 13"_s);
    QTest::newRow("no step text") << labelled << int(FixtureModel::StepTextRole)
                                  << QVariant(QString());
    QTest::newRow("progress running")
        << run << int(FixtureModel::ProgressRole) << QVariant(2.0 / 13.0);
    QTest::newRow("progress pass") << pass << int(FixtureModel::ProgressRole) << QVariant(1.0);
    QTest::newRow("progress fail")
        << fail << int(FixtureModel::ProgressRole) << QVariant(4.0 / 13.0);
    QTest::newRow("progress idle") << labelled << int(FixtureModel::ProgressRole) << QVariant(0.0);
    QTest::newRow("elapsed running")
        << run << int(FixtureModel::ElapsedRole) << QVariant::fromValue(std::chrono::seconds(247));
    QTest::newRow("elapsed finished")
        << fail << int(FixtureModel::ElapsedRole) << QVariant::fromValue(std::chrono::seconds(240));
    QTest::newRow("elapsed text") << run << int(FixtureModel::ElapsedTextRole)
                                  << QVariant(u"4:07"_s);
    QTest::newRow("no elapsed") << labelled << int(FixtureModel::ElapsedTextRole)
                                << QVariant(QString());
    QTest::newRow("verdict none while running") << run << int(FixtureModel::VerdictRole)
                                                << QVariant::fromValue(FixtureModel::Verdict::None);
    QTest::newRow("verdict fail") << fail << int(FixtureModel::VerdictRole)
                                  << QVariant::fromValue(FixtureModel::Verdict::Fail);
    QTest::newRow("verdict text") << fail << int(FixtureModel::VerdictTextRole)
                                  << QVariant(u"FAIL"_s);
    QTest::newRow("cause") << fail << int(FixtureModel::CauseRole)
                           << QVariant(u"The device's trusted keystore is older than the "
                                       u"image's signing key"_s);
    QTest::newRow("failed step") << fail << int(FixtureModel::FailedStepRole)
                                 << QVariant(u"Keystore check"_s);
    QTest::newRow("can start ready")
        << labelled << int(FixtureModel::CanStartRole) << QVariant(true);
    QTest::newRow("can start after pass")
        << pass << int(FixtureModel::CanStartRole) << QVariant(true);
    QTest::newRow("cannot start running")
        << run << int(FixtureModel::CanStartRole) << QVariant(false);
    QTest::newRow("cannot start empty")
        << FixtureSnapshot {} << int(FixtureModel::CanStartRole) << QVariant(false);
    // The model maps the controller's start verdict; it never decides it again.
    FixtureSnapshot noLabel = labelled;
    noLabel.startBlock = StartBlock::LabelMissing;
    noLabel.startBlockText = Text::raw(u"Scan the device's label first."_s);
    QTest::newRow("cannot start without label")
        << noLabel << int(FixtureModel::CanStartRole) << QVariant(false);
    QTest::newRow("hint without label")
        << noLabel << int(FixtureModel::HintRole) << QVariant(u"Scan the device's label first."_s);
    FixtureSnapshot passedBefore = labelled;
    passedBefore.passedRunId = 41;
    passedBefore.startBlock = StartBlock::AlreadyPassed;
    QTest::newRow("start offered when passed")
        << passedBefore << int(FixtureModel::CanStartRole) << QVariant(true);
    QTest::newRow("hint passed") << passedBefore << int(FixtureModel::HintRole)
                                 << QVariant(u"Already passed (run 41)"_s);
    FixtureSnapshot finalized = labelled;
    finalized.finalizedRunId = 40;
    finalized.startBlock = StartBlock::Finalized;
    QTest::newRow("cannot start finalized")
        << finalized << int(FixtureModel::CanStartRole) << QVariant(false);
    QTest::newRow("can stop running") << run << int(FixtureModel::CanStopRole) << QVariant(true);
    QTest::newRow("cannot stop idle")
        << labelled << int(FixtureModel::CanStopRole) << QVariant(false);
    QTest::newRow("hint pass") << pass << int(FixtureModel::HintRole)
                               << QVariant(u"Remove the device"_s);
    QTest::newRow("display") << fail << int(Qt::DisplayRole) << QVariant(u"Fixture 3: FAIL"_s);
}

void tst_FixtureModel::roles()
{
    QFETCH(FixtureSnapshot, snapshot);
    QFETCH(int, role);
    QFETCH(QVariant, expected);

    FixtureModel model;
    model.setClock([] { return Now; });
    model.resetFixtures({snapshot});
    const QVariant actual = model.index(0).data(role);
    if (expected.typeId() == QMetaType::Double)
        QVERIFY2(qFuzzyCompare(actual.toDouble(), expected.toDouble()),
            qPrintable(QString::number(actual.toDouble())));
    else
        QCOMPARE(actual, expected);
}

void tst_FixtureModel::tileStates_data()
{
    QTest::addColumn<FixtureSnapshot>("snapshot");
    QTest::addColumn<FixtureModel::TileState>("state");
    QTest::addColumn<QString>("text");

    FixtureSnapshot empty;
    empty.fixture = 1;
    empty.presence = Presence::Empty;
    FixtureSnapshot unknown;
    unknown.fixture = 1;
    FixtureSnapshot unresponsive = present(1);
    unresponsive.presence = Presence::Unresponsive;

    QTest::newRow("empty") << empty << FixtureModel::TileState::Empty << u"EMPTY"_s;
    QTest::newRow("unknown") << unknown << FixtureModel::TileState::Empty << u"EMPTY"_s;
    QTest::newRow("ready") << present(1) << FixtureModel::TileState::Ready << u"READY"_s;
    QTest::newRow("running") << running(1, 1, 13, u"Connect"_s) << FixtureModel::TileState::Running
                             << u"RUNNING"_s;
    QTest::newRow("pass") << finished(1, RunOutcome::Pass) << FixtureModel::TileState::Pass
                          << u"PASS"_s;
    QTest::newRow("fail") << finished(1, RunOutcome::Fail) << FixtureModel::TileState::Fail
                          << u"FAIL"_s;
    QTest::newRow("aborted") << finished(1, RunOutcome::Aborted) << FixtureModel::TileState::Aborted
                             << u"ABORTED"_s;
    QTest::newRow("interrupted") << finished(1, RunOutcome::Interrupted)
                                 << FixtureModel::TileState::Interrupted << u"INTERRUPTED"_s;
    QTest::newRow("unresponsive") << unresponsive << FixtureModel::TileState::Unresponsive
                                  << u"NO RESPONSE"_s;
    FixtureSnapshot passRemoved = finished(1, RunOutcome::Pass);
    passRemoved.presence = Presence::Empty;
    QTest::newRow("pass stays when removed")
        << passRemoved << FixtureModel::TileState::Pass << u"PASS"_s;
}

void tst_FixtureModel::tileStates()
{
    QFETCH(FixtureSnapshot, snapshot);
    QFETCH(FixtureModel::TileState, state);
    QFETCH(QString, text);

    FixtureModel model;
    model.resetFixtures({snapshot});
    const QModelIndex idx = model.index(0);
    QCOMPARE(idx.data(FixtureModel::TileStateRole).value<FixtureModel::TileState>(), state);
    QCOMPARE(idx.data(FixtureModel::TileStateTextRole).toString(), text);
    QCOMPARE(FixtureModel::tileStateText(state), text);
    QVERIFY(!idx.data(FixtureModel::HintRole).toString().isEmpty()
        || state == FixtureModel::TileState::Running);
}

void tst_FixtureModel::changedRolesOnly()
{
    FixtureModel model;
    model.setClock([] { return Now; });
    model.setFixtureCount(4);
    model.updateFixture(running(2, 3, 13, u"Update OS (recover)"_s));

    QSignalSpy spy(&model, &QAbstractItemModel::dataChanged);
    FixtureSnapshot next = running(2, 4, 13, u"Keystore check"_s);
    model.updateFixture(next);
    QCOMPARE(spy.size(), 1);
    const auto args = spy.takeFirst();
    QCOMPARE(args.at(0).toModelIndex().row(), 1);
    QCOMPARE(args.at(1).toModelIndex().row(), 1);
    const auto roles = args.at(2).value<QList<int>>();
    QVERIFY(roles.contains(FixtureModel::StepNameRole));
    QVERIFY(roles.contains(FixtureModel::StepIndexRole));
    QVERIFY(roles.contains(FixtureModel::StepTextRole));
    QVERIFY(roles.contains(FixtureModel::ProgressRole));
    QVERIFY(!roles.contains(FixtureModel::DeviceIdRole));
    QVERIFY(!roles.contains(FixtureModel::TileStateRole));
    QVERIFY(!roles.contains(FixtureModel::ElapsedRole));
    QVERIFY(!roles.contains(FixtureModel::PresenceRole));

    // The same snapshot again changes nothing and emits nothing.
    model.updateFixture(next);
    QCOMPARE(spy.size(), 0);
}

void tst_FixtureModel::verdictStaysUntilNextStart()
{
    // The station decides how long a verdict stays (StationController: until its device
    // leaves); the model shows exactly the snapshot it gets, keeping nothing of its own.
    FixtureModel model;
    model.setFixtureCount(1);
    model.updateFixture(finished(1, RunOutcome::Fail));
    const QModelIndex idx = model.index(0);
    QCOMPARE(idx.data(FixtureModel::TileStateRole).value<FixtureModel::TileState>(),
        FixtureModel::TileState::Fail);

    // The station reports the device gone, without the verdict: the tile asks for a device.
    FixtureSnapshot removed;
    removed.fixture = 1;
    removed.presence = Presence::Empty;
    model.updateFixture(removed);
    QCOMPARE(idx.data(FixtureModel::TileStateRole).value<FixtureModel::TileState>(),
        FixtureModel::TileState::Empty);
    QCOMPARE(idx.data(FixtureModel::CauseRole).toString(), QString());

    // A new device arrives: ready, no verdict beside it.
    model.updateFixture(present(1));
    QCOMPARE(idx.data(FixtureModel::TileStateRole).value<FixtureModel::TileState>(),
        FixtureModel::TileState::Ready);

    // Started: running.
    FixtureSnapshot next = running(1, 1, 13, u"Connect"_s);
    next.runId = 8;
    next.verdict = std::nullopt;
    model.updateFixture(next);
    QCOMPARE(idx.data(FixtureModel::TileStateRole).value<FixtureModel::TileState>(),
        FixtureModel::TileState::Running);
    QCOMPARE(idx.data(FixtureModel::CauseRole).toString(), QString());
}

void tst_FixtureModel::clockTicksWhileRunning()
{
    FixtureModel model;
    QDateTime now = Now;
    model.setClock([&now] { return now; });
    model.setFixtureCount(3);
    QVERIFY(!model.isTicking());
    model.updateFixture(running(2, 1, 13, u"Connect"_s));
    QVERIFY(model.isTicking());

    QSignalSpy spy(&model, &QAbstractItemModel::dataChanged);
    now = now.addSecs(1);
    QVERIFY(spy.wait(3000));
    const auto args = spy.takeFirst();
    QCOMPARE(args.at(0).toModelIndex().row(), 1);
    const auto roles = args.at(2).value<QList<int>>();
    QVERIFY(roles.contains(FixtureModel::ElapsedTextRole));
    QCOMPARE(model.index(1).data(FixtureModel::ElapsedTextRole).toString(), u"4:08"_s);

    model.updateFixture(finished(2, RunOutcome::Pass));
    QVERIFY(!model.isTicking());
}

void tst_FixtureModel::setFixtureCountKeepsRows()
{
    FixtureModel model;
    model.setFixtureCount(2);
    model.updateFixture(finished(2, RunOutcome::Pass));
    model.setFixtureCount(5);
    QCOMPARE(model.rowCount(), 5);
    QCOMPARE(model.index(1).data(FixtureModel::TileStateRole).value<FixtureModel::TileState>(),
        FixtureModel::TileState::Pass);
    QCOMPARE(model.index(4).data(FixtureModel::FixtureRole).toInt(), 5);
    QCOMPARE(model.rowOfFixture(5), 4);
    model.setFixtureCount(1);
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.rowOfFixture(2), -1);
}

void tst_FixtureModel::unknownFixtureIsInserted()
{
    FixtureModel model;
    model.resetFixtures({present(1), present(5)});
    QSignalSpy spy(&model, &QAbstractItemModel::rowsInserted);
    model.updateFixture(present(3));
    QCOMPARE(spy.size(), 1);
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(model.rowOfFixture(3), 1);
    QCOMPARE(model.rowOfFixture(5), 2);
    QCOMPARE(model.index(2).data(FixtureModel::FixtureRole).toInt(), 5);
}

void tst_FixtureModel::shortDeviceId_data()
{
    QTest::addColumn<QString>("id");
    QTest::addColumn<QString>("expected");
    QTest::newRow("full") << DeviceId << u"352fe1f5…b968"_s;
    QTest::newRow("empty") << QString() << QString();
    QTest::newRow("short stays") << u"0123456789abc"_s << u"0123456789abc"_s;
}

void tst_FixtureModel::shortDeviceId()
{
    QFETCH(QString, id);
    QFETCH(QString, expected);
    QCOMPARE(Station::shortDeviceId(id), expected);
}

void tst_FixtureModel::elapsedText_data()
{
    QTest::addColumn<qint64>("seconds");
    QTest::addColumn<QString>("expected");
    QTest::newRow("zero") << qint64(0) << u"0:00"_s;
    QTest::newRow("seconds") << qint64(9) << u"0:09"_s;
    QTest::newRow("minutes") << qint64(247) << u"4:07"_s;
    QTest::newRow("hours") << qint64(3723) << u"1:02:03"_s;
    QTest::newRow("negative clamps") << qint64(-5) << u"0:00"_s;
}

void tst_FixtureModel::elapsedText()
{
    QFETCH(qint64, seconds);
    QFETCH(QString, expected);
    QCOMPARE(FixtureModel::elapsedText(std::chrono::seconds(seconds)), expected);
}

QTEST_GUILESS_MAIN(tst_FixtureModel)
#include "tst_fixturemodel.moc"

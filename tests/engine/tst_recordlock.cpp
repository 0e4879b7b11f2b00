#include "services/records/recordlock.h"
#include "services/station/station.h"
#include "simbench.h"
#include "stationprocess.h"

#include <QCoreApplication>
#include <QFile>
#include <QSignalSpy>
#include <QSysInfo>
#include <QTest>

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

using namespace Qt::Literals::StringLiterals;
using namespace Station;

// One station process per record, in process: RecordLock itself (who holds it, what is refused
// and why, a lock left by a dead holder), and two StationControllers on one record: the second
// is refused before it touches the file (the first one's live run stays RUNNING), and once the
// first has shut down a new one opens.
class tst_RecordLock : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void secondLockRefusedNamingHolder_data();
    void secondLockRefusedNamingHolder();
    void releasedLockIsTakenAgain();
    void oneLockWhateverTheName_data();
    void oneLockWhateverTheName();
    void staleHolderFileIsNoLock();
    void heldByAnUnknownWriter();
    void unusableLockFileRefused_data();
    void unusableLockFileRefused();
    void secondControllerRefused();

private:
    QString recordPath() const { return m_dir->filePath(u"record.sqlite"_s); }
    std::unique_ptr<QTemporaryDir> m_dir;
};

namespace {

// A run that stays on its sideload (the simulator hangs it) until it is stopped.
const QByteArray HangingRecipe = R"({"format": 1, "name": "hang", "version": "1",
    "auto_keystore": "sim-assets/keystore/TrustedKeystore-v2.imagepackage",
    "steps": [{"type": "connect", "params": {"wait_s": 5}}, {"type": "details"},
              {"type": "sideload", "params": {"packages": ["sim-assets/apps/ProductApp.imagepackage"]}}]})";

QString holderText(qint64 pid, const QString &mode)
{
    return u"process %1 (%2) on %3, since "_s.arg(pid).arg(mode, QSysInfo::machineHostName());
}

} // namespace

void tst_RecordLock::initTestCase()
{
    qRegisterMetaType<Station::FixtureSnapshot>();
    qRegisterMetaType<Station::StepResult>();
    QVERIFY2(QFile::exists(SimBench::recipesDir() + u"/sim-assets/manifest.json"_s),
        "the simulator assets are not generated");
}

void tst_RecordLock::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

void tst_RecordLock::cleanup()
{
    m_dir.reset();
}

void tst_RecordLock::secondLockRefusedNamingHolder_data()
{
    QTest::addColumn<QString>("mode");
    QTest::newRow("window") << u"window"_s;
    QTest::newRow("headless") << u"headless"_s;
}

void tst_RecordLock::secondLockRefusedNamingHolder()
{
    QFETCH(QString, mode);
    QCOMPARE(RecordLock::lockPath(recordPath()), recordPath() + u".lock"_s);
    // A relative record path names the same lock as its absolute form.
    QCOMPARE(RecordLock::lockPath(QDir::current().relativeFilePath(recordPath())),
        recordPath() + u".lock"_s);

    Result<std::unique_ptr<RecordLock>> first = RecordLock::acquire(recordPath(), mode);
    QVERIFY2(first, qPrintable(first ? QString() : first.error().message.english()));
    QVERIFY(QFile::exists(RecordLock::lockPath(recordPath())));
    // The lock file says who holds it.
    QFile file(RecordLock::lockPath(recordPath()));
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray description = file.readAll();
    QVERIFY2(description.contains(
                 QByteArray("pid=" + QByteArray::number(QCoreApplication::applicationPid()))),
        description.constData());
    QVERIFY2(description.contains(QByteArray("mode=" + mode.toUtf8())), description.constData());

    // A second lock on the same record, even in the same process, is refused.
    const Result<std::unique_ptr<RecordLock>> second
        = RecordLock::acquire(recordPath(), u"window"_s);
    QVERIFY(!second);
    QCOMPARE(second.error().code, ErrorCode::RecordInUse);
    const QString message = second.error().message.english();
    QVERIFY2(message.contains(recordPath()), qPrintable(message));
    QVERIFY2(message.contains(holderText(QCoreApplication::applicationPid(), mode)),
        qPrintable(message));
    QVERIFY2(message.contains(u" UTC"_s), qPrintable(message));
    QVERIFY(!second.error().remedy.isEmpty());
    // The holder keeps its lock and its description.
    file.seek(0);
    QCOMPARE(file.readAll(), description);
}

void tst_RecordLock::releasedLockIsTakenAgain()
{
    {
        Result<std::unique_ptr<RecordLock>> first = RecordLock::acquire(recordPath(), u"window"_s);
        QVERIFY(first);
    }
    // The file stays (removing it would race with a station opening it), unlocked.
    QVERIFY(QFile::exists(RecordLock::lockPath(recordPath())));
    Result<std::unique_ptr<RecordLock>> again = RecordLock::acquire(recordPath(), u"headless"_s);
    QVERIFY2(again, qPrintable(again ? QString() : again.error().message.english()));
}

void tst_RecordLock::oneLockWhateverTheName_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<bool>("recordExists");
    QTest::newRow("a symbolic link to the record") << u"file link"_s << true;
    QTest::newRow("a symbolic link to its folder") << u"folder link"_s << true;
    QTest::newRow("a symbolic link to its folder, record not made yet")
        << u"folder link"_s << false;
    QTest::newRow("a path with . and ..") << u"dots"_s << false;
}

// Two names of one record file (a script's path through a link, the window's own path) are one
// record: the second station is refused all the same.
void tst_RecordLock::oneLockWhateverTheName()
{
    QFETCH(QString, kind);
    QFETCH(bool, recordExists);
    const QString folder = m_dir->filePath(u"records"_s);
    QVERIFY(QDir().mkpath(folder));
    const QString record = folder + u"/line.sqlite"_s;
    if (recordExists) {
        QFile file(record);
        QVERIFY(file.open(QIODevice::WriteOnly));
    }
    QString other;
    if (kind == "file link"_L1) {
        other = m_dir->filePath(u"alias.sqlite"_s);
        QVERIFY(QFile::link(record, other));
    } else if (kind == "folder link"_L1) {
        QVERIFY(QFile::link(folder, m_dir->filePath(u"shared"_s)));
        other = m_dir->filePath(u"shared/line.sqlite"_s);
    } else {
        QVERIFY(QDir().mkpath(m_dir->filePath(u"x"_s)));
        other = m_dir->path() + u"/x/../records/./line.sqlite"_s;
    }
    QCOMPARE(RecordLock::lockPath(other), RecordLock::lockPath(record));

    Result<std::unique_ptr<RecordLock>> first = RecordLock::acquire(record, u"window"_s);
    QVERIFY(first);
    const Result<std::unique_ptr<RecordLock>> second = RecordLock::acquire(other, u"headless"_s);
    QVERIFY2(!second, "a second lock on the same record under another name");
    QCOMPARE(second.error().code, ErrorCode::RecordInUse);
}

void tst_RecordLock::staleHolderFileIsNoLock()
{
    // What a station killed with SIGKILL leaves: its description, but no lock (the kernel
    // dropped it with the process).
    QFile stale(RecordLock::lockPath(recordPath()));
    QVERIFY(stale.open(QIODevice::WriteOnly));
    stale.write("pid=999999\nhost=elsewhere\nmode=window\nsince=2026-01-01T00:00:00Z\n"
        + QByteArray(10000, 'x'));
    stale.close();
    Result<std::unique_ptr<RecordLock>> lock = RecordLock::acquire(recordPath(), u"headless"_s);
    QVERIFY2(lock, qPrintable(lock ? QString() : lock.error().message.english()));
    QVERIFY(stale.open(QIODevice::ReadOnly));
    const QByteArray now = stale.readAll();
    QVERIFY2(now.startsWith(QByteArray(
                 "pid=" + QByteArray::number(QCoreApplication::applicationPid()) + '\n')),
        now.constData());
    QVERIFY2(!now.contains("elsewhere") && !now.contains("xxx"), now.constData());
}

void tst_RecordLock::heldByAnUnknownWriter()
{
    // Something else holds the lock without saying who (an empty file): refused all the same.
    const QByteArray path = QFile::encodeName(RecordLock::lockPath(recordPath()));
    const int fd = ::open(path.constData(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
    QVERIFY(fd >= 0);
    QCOMPARE(::flock(fd, LOCK_EX | LOCK_NB), 0);
    const Result<std::unique_ptr<RecordLock>> refused
        = RecordLock::acquire(recordPath(), u"window"_s);
    ::close(fd);
    QVERIFY(!refused);
    QCOMPARE(refused.error().code, ErrorCode::RecordInUse);
    QVERIFY2(refused.error().message.english().contains(u"another process"_s),
        qPrintable(refused.error().message.english()));
}

void tst_RecordLock::unusableLockFileRefused_data()
{
    QTest::addColumn<QString>("kind");
    QTest::newRow("a folder where the lock file goes") << u"folder"_s;
    QTest::newRow("a symbolic link where the lock file goes") << u"symlink"_s;
}

void tst_RecordLock::unusableLockFileRefused()
{
    QFETCH(QString, kind);
    const QString lockPath = RecordLock::lockPath(recordPath());
    const QString target = m_dir->filePath(u"elsewhere"_s);
    if (kind == "folder"_L1) {
        QVERIFY(QDir().mkpath(lockPath));
    } else {
        QFile file(target);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("keep me\n");
        file.close();
        QVERIFY(QFile::link(target, lockPath));
    }
    const Result<std::unique_ptr<RecordLock>> refused
        = RecordLock::acquire(recordPath(), u"window"_s);
    QVERIFY(!refused);
    QCOMPARE(refused.error().code, ErrorCode::RecordUnwritable);
    QVERIFY2(refused.error().message.english().contains(recordPath()),
        qPrintable(refused.error().message.english()));
    QVERIFY(!refused.error().detail.isEmpty());
    if (kind == "symlink"_L1) {
        // The link's target is never written through.
        QFile file(target);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), QByteArray("keep me\n"));
    }
}

void tst_RecordLock::secondControllerRefused()
{
    SimBench bench;
    QVERIFY(bench.create(1));
    QVERIFY(bench
                .sphereSim({u"fault"_s,
                    u"set"_s,
                    u"--device"_s,
                    u"1211"_s,
                    u"hang"_s,
                    u"--command"_s,
                    u"sideload deploy"_s})
                .isSuccess());
    StationOptions options;
    options.fixtures = {bench.fixture(1)};
    options.tools = bench.tools();
    options.recordPath = bench.recordPath();
    options.stationName = u"first"_s;
    options.appVersion = u"test"_s;
    options.presence = false;
    options.processMode = u"headless"_s;

    auto first = std::make_unique<StationController>();
    QVERIFY(first->open(options));
    const Result<Recipe> recipe = SimBench::recipe(HangingRecipe);
    QVERIFY2(recipe, qPrintable(recipe ? QString() : recipe.error().message.english()));
    first->setRecipe(*recipe);
    QVERIFY(first->startFixture(1));
    // The run is on its hanging sideload: a RUNNING run in the record.
    QTRY_COMPARE_WITH_TIMEOUT(first->snapshot(1).stepIndex, 3, 60000);
    QTRY_COMPARE_WITH_TIMEOUT(
        StationProcess::value(bench.recordPath(), u"SELECT count(*) FROM steps"_s), u"2"_s, 10000);
    const QString events
        = StationProcess::value(bench.recordPath(), u"SELECT count(*) FROM events"_s);

    {
        StationOptions secondOptions = options;
        secondOptions.stationName = u"second"_s;
        secondOptions.processMode = u"window"_s;
        StationController second;
        const Result<> refused = second.open(secondOptions);
        QVERIFY(!refused);
        QCOMPARE(refused.error().code, ErrorCode::RecordInUse);
        const QString message = refused.error().message.english();
        QVERIFY2(message.contains(holderText(QCoreApplication::applicationPid(), u"headless"_s)),
            qPrintable(message));
        QVERIFY(!second.isOpen());
        QCOMPARE(second.interruptedRunsClosed(), 0);
        QVERIFY(!second.startFixture(1));
    }
    // The refused station touched nothing: the live run is still RUNNING, no event was added.
    QCOMPARE(
        StationProcess::value(bench.recordPath(), u"SELECT outcome FROM runs"_s), u"RUNNING"_s);
    QCOMPARE(StationProcess::value(bench.recordPath(), u"SELECT count(*) FROM events"_s), events);
    QVERIFY(first->isRunning(1));

    first->shutdown();
    first.reset();
    QCOMPARE(
        StationProcess::value(bench.recordPath(), u"SELECT outcome || ': ' || cause FROM runs"_s),
        u"ABORTED: The station shut down during the run."_s);

    // The first one has shut down: a new station opens the record, with nothing to close.
    StationController third;
    const Result<> opened = third.open(options);
    QVERIFY2(opened, qPrintable(opened ? QString() : opened.error().message.english()));
    QCOMPARE(third.interruptedRunsClosed(), 0);
    third.shutdown();
}

QTEST_GUILESS_MAIN(tst_RecordLock)

#include "tst_recordlock.moc"

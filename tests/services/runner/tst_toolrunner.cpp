#include "services/process/backgroundprocess.h"
#include "services/process/toolrunner.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QRegularExpression>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <chrono>
#include <signal.h>
#include <sys/resource.h>
#include <thread>

using namespace Qt::Literals::StringLiterals;
using namespace std::chrono_literals;
using Station::CancelToken;
using Station::LineSplitter;
using Station::OutputChannel;
using Station::ToolCall;
using Station::ToolOutcome;
using Station::ToolResult;
using Station::ToolRunner;

Q_DECLARE_METATYPE(Station::ToolOutcome)

namespace {

const QString Helper = QStringLiteral(STATION_TOOLHELPER);

ToolCall helperCall(const QStringList &arguments, std::chrono::milliseconds timeout = 20s)
{
    ToolCall call;
    call.program = Helper;
    call.arguments = arguments;
    call.timeout = timeout;
    return call;
}

// A process is gone when /proc no longer has it or it is a zombie waiting for its reaper.
bool isProcessDead(qint64 pid)
{
    QFile stat(u"/proc/%1/stat"_s.arg(pid));
    if (!stat.open(QIODevice::ReadOnly))
        return true;
    const QByteArray text = stat.readAll();
    const qsizetype paren = text.lastIndexOf(')');
    if (paren < 0 || paren + 2 >= text.size())
        return true;
    const char state = text.at(paren + 2);
    return state == 'Z' || state == 'X';
}

qint64 readPid(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return 0;
    return file.readAll().trimmed().toLongLong();
}

QString hostProgram()
{
    return QFileInfo(Helper).dir().filePath(u"runnerhost"_s);
}

// "name value" lines, as runnerhost --peak prints them.
QHash<QString, QString> hostReport(const QByteArray &stdOut)
{
    QHash<QString, QString> values;
    for (const QByteArray &line : stdOut.split('\n')) {
        const QList<QByteArray> words = line.trimmed().split(' ');
        if (words.size() == 2)
            values.insert(QString::fromLatin1(words.at(0)), QString::fromLatin1(words.at(1)));
    }
    return values;
}

struct Lines
{
    QStringList out;
    QStringList err;
    Station::ToolLineHandler handler()
    {
        return [this](OutputChannel channel, const QString &line) {
            (channel == OutputChannel::StdOut ? out : err).append(line);
        };
    }
};

} // namespace

class tst_ToolRunner : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();

    void outcomes_data();
    void outcomes();
    void startFailsInMissingWorkingDirectory();
    void lines_data();
    void lines();
    void truncation_data();
    void truncation();
    void floodStaysBounded_data();
    void floodStaysBounded();
    void floodIsStopped_data();
    void floodIsStopped();
    void longLineIsHandedOverInPieces();
    void lineSplitter_data();
    void lineSplitter();
    void backgroundProcessSplitsLikeRun_data();
    void backgroundProcessSplitsLikeRun();
    void inputIsWrittenThenClosed_data();
    void inputIsWrittenThenClosed();
    void argumentsArePassedVerbatim();
    void toolRunsAtLowerPriority();
    void environmentAndWorkingDirectory();
    void noOutputDeadlineIsResetByOutput();
    void cancelFromAnotherThread();
    void cancelledBeforeStart();
    void sigtermIgnoringChildIsKilledAfterGrace();
    void grandchildIsKilledWithTheGroup();
    void grandchildHoldingThePipesDoesNotHang();
    void hungChildDiesWithTheStation();
    void resultTimesAndCommandLine();
    void commandLine_data();
    void commandLine();
    void outcomeNames();

private:
    QTemporaryDir m_dir;
    QString m_notExecutable;
    QString m_garbageExecutable;
};

void tst_ToolRunner::initTestCase()
{
    QVERIFY2(QFileInfo(Helper).isExecutable(), qPrintable(Helper));
    QVERIFY(m_dir.isValid());

    m_notExecutable = m_dir.filePath(u"not-executable"_s);
    QFile plain(m_notExecutable);
    QVERIFY(plain.open(QIODevice::WriteOnly));
    plain.write("#!/bin/sh\nexit 0\n");
    plain.close();
    QVERIFY(plain.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner));

    // Executable bit set, but neither ELF nor "#!": execve() fails with ENOEXEC.
    m_garbageExecutable = m_dir.filePath(u"garbage"_s);
    QFile garbage(m_garbageExecutable);
    QVERIFY(garbage.open(QIODevice::WriteOnly));
    garbage.write(QByteArray(64, '\x01'));
    garbage.close();
    QVERIFY(garbage.setPermissions(
        QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner));
}

void tst_ToolRunner::init()
{
    // A QProcess destroyed while running warns and blocks: it must never happen.
    QTest::failOnWarning(QRegularExpression(u"Destroyed while process"_s));
    QTest::failOnWarning(QRegularExpression(u"QProcess"_s));
}

void tst_ToolRunner::outcomes_data()
{
    QTest::addColumn<QString>("program"); // "helper" or a named bad program
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<int>("timeoutMs");
    QTest::addColumn<int>("noOutputMs");
    QTest::addColumn<ToolOutcome>("outcome");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("errorContains");
    QTest::addColumn<QByteArray>("stdOut");

    QTest::newRow("succeeded") << u"helper"_s << QStringList {u"lines"_s, u"2"_s} << 20000 << 0
                               << ToolOutcome::Succeeded << 0 << QString()
                               << QByteArray("line 1\nline 2\n");
    QTest::newRow("exit code 3") << u"helper"_s << QStringList {u"exit"_s, u"3"_s} << 20000 << 0
                                 << ToolOutcome::ExitCode << 3 << u"code 3"_s
                                 << QByteArray("exiting 3\n");
    QTest::newRow("exit code 255")
        << u"helper"_s << QStringList {u"exit"_s, u"255"_s} << 20000 << 0 << ToolOutcome::ExitCode
        << 255 << u"code 255"_s << QByteArray("exiting 255\n");
    QTest::newRow("crashed") << u"helper"_s << QStringList {u"crash"_s} << 20000 << 0
                             << ToolOutcome::Crashed << -1 << u"SIGABRT"_s << QByteArray();
    QTest::newRow("total deadline")
        << u"helper"_s << QStringList {u"hang"_s} << 300 << 0 << ToolOutcome::TimedOut << -1
        << u"Timed out after 300 ms"_s << QByteArray("ready\n");
    QTest::newRow("no-output deadline")
        << u"helper"_s << QStringList {u"silent-after"_s, u"2"_s} << 20000 << 300
        << ToolOutcome::TimedOut << -1 << u"No output for 300 ms"_s
        << QByteArray("line 1\nline 2\n");
    QTest::newRow("missing") << u"/nonexistent/dir/toolhelper"_s << QStringList() << 20000 << 0
                             << ToolOutcome::StartFailed << -1 << u"not found"_s << QByteArray();
    QTest::newRow("relative") << u"toolhelper"_s << QStringList() << 20000 << 0
                              << ToolOutcome::StartFailed << -1 << u"not an absolute path"_s
                              << QByteArray();
    QTest::newRow("empty") << QString() << QStringList() << 20000 << 0 << ToolOutcome::StartFailed
                           << -1 << u"No program"_s << QByteArray();
    QTest::newRow("not executable")
        << u"not-executable"_s << QStringList() << 20000 << 0 << ToolOutcome::StartFailed << -1
        << u"not executable"_s << QByteArray();
    QTest::newRow("directory") << u"directory"_s << QStringList() << 20000 << 0
                               << ToolOutcome::StartFailed << -1 << u"directory"_s << QByteArray();
    QTest::newRow("exec format error")
        << u"garbage"_s << QStringList() << 20000 << 0 << ToolOutcome::StartFailed << -1
        << u"Failed to start"_s << QByteArray();
}

void tst_ToolRunner::outcomes()
{
    QFETCH(QString, program);
    QFETCH(QStringList, arguments);
    QFETCH(int, timeoutMs);
    QFETCH(int, noOutputMs);
    QFETCH(ToolOutcome, outcome);
    QFETCH(int, exitCode);
    QFETCH(QString, errorContains);
    QFETCH(QByteArray, stdOut);

    if (program == u"helper")
        program = Helper;
    else if (program == u"not-executable")
        program = m_notExecutable;
    else if (program == u"garbage")
        program = m_garbageExecutable;
    else if (program == u"directory")
        program = m_dir.path();

    ToolCall call = helperCall(arguments, std::chrono::milliseconds(timeoutMs));
    call.program = program;
    call.noOutputTimeout = std::chrono::milliseconds(noOutputMs);
    const ToolResult result = ToolRunner::run(call);

    QCOMPARE(result.outcome, outcome);
    QCOMPARE(result.isSuccess(), outcome == ToolOutcome::Succeeded);
    QCOMPARE(result.exitCode, exitCode);
    QCOMPARE(result.stdOut, stdOut);
    if (errorContains.isEmpty())
        QVERIFY2(result.errorString.isEmpty(), qPrintable(result.errorString));
    else
        QVERIFY2(result.errorString.contains(errorContains, Qt::CaseInsensitive),
            qPrintable(result.errorString));
    if (outcome == ToolOutcome::TimedOut) {
        // Ended by SIGTERM right after the deadline, long before the grace period ran out.
        QVERIFY(result.duration >= std::chrono::milliseconds(noOutputMs ? noOutputMs : timeoutMs));
        QVERIFY2(result.duration < ToolRunner::KillGracePeriod,
            qPrintable(QString::number(result.duration.count())));
    }
}

void tst_ToolRunner::startFailsInMissingWorkingDirectory()
{
    ToolCall call = helperCall({u"pwd"_s});
    call.workingDirectory = m_dir.filePath(u"no/such/dir"_s);
    const ToolResult result = ToolRunner::run(call);
    QCOMPARE(result.outcome, ToolOutcome::StartFailed);
    QVERIFY2(result.errorString.contains(u"Failed to start"_s), qPrintable(result.errorString));
}

void tst_ToolRunner::lines_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QStringList>("outLines");
    QTest::addColumn<QStringList>("errLines");
    QTest::addColumn<QByteArray>("rawOut");

    QTest::newRow("no output") << QStringList {u"lines"_s, u"0"_s} << QStringList() << QStringList()
                               << QByteArray();
    QTest::newRow("stdout lines") << QStringList {u"lines"_s, u"3"_s}
                                  << QStringList {u"line 1"_s, u"line 2"_s, u"line 3"_s}
                                  << QStringList() << QByteArray("line 1\nline 2\nline 3\n");
    QTest::newRow("stderr lines") << QStringList {u"stderr"_s, u"2"_s} << QStringList()
                                  << QStringList {u"err 1"_s, u"err 2"_s} << QByteArray();
    QTest::newRow("both channels")
        << QStringList {u"mixed"_s} << QStringList {u"out 1"_s, u"out 2"_s}
        << QStringList {u"err 1"_s} << QByteArray("out 1\nout 2\n");
    QTest::newRow("crlf") << QStringList {u"crlf"_s}
                          << QStringList {u"alpha"_s, u"beta"_s, QString(), u"gamma"_s}
                          << QStringList() << QByteArray("alpha\r\nbeta\r\n\r\ngamma\n");
    QTest::newRow("partial last line")
        << QStringList {u"partial"_s} << QStringList {u"first"_s, u"second"_s} << QStringList()
        << QByteArray("first\nsecond");
    QTest::newRow("lone cr") << QStringList {u"cr"_s}
                             << QStringList {u"10%"_s, u"20%"_s, u"30%"_s, u"done"_s}
                             << QStringList() << QByteArray("10%\r20%\r\n30%\rdone\n");
    QTest::newRow("split across reads")
        << QStringList {u"split"_s} << QStringList {u"one"_s, u"two"_s} << QStringList()
        << QByteArray("one\r\ntwo\n");
}

void tst_ToolRunner::lines()
{
    QFETCH(QStringList, arguments);
    QFETCH(QStringList, outLines);
    QFETCH(QStringList, errLines);
    QFETCH(QByteArray, rawOut);

    Lines seen;
    const ToolResult result = ToolRunner::run(helperCall(arguments), {}, seen.handler());
    QCOMPARE(result.outcome, ToolOutcome::Succeeded);
    QCOMPARE(seen.out, outLines);
    QCOMPARE(seen.err, errLines);
    QCOMPARE(result.stdOut, rawOut);
}

void tst_ToolRunner::truncation_data()
{
    QTest::addColumn<QString>("channel");
    QTest::addColumn<int>("bytes");

    QTest::newRow("small stdout") << u"out"_s << 64 * 10;
    QTest::newRow("exactly the cap") << u"out"_s << int(ToolRunner::MaxCapturedBytes);
    QTest::newRow("2 MiB stdout") << u"out"_s << 2 * 1024 * 1024;
    QTest::newRow("2 MiB stderr") << u"err"_s << 2 * 1024 * 1024;
}

void tst_ToolRunner::truncation()
{
    QFETCH(QString, channel);
    QFETCH(int, bytes);

    int lineCount = 0;
    const ToolResult result
        = ToolRunner::run(helperCall({u"big"_s, QString::number(bytes), channel}),
            {},
            [&](OutputChannel, const QString &line) {
                if (line.size() == 63)
                    ++lineCount;
            });
    QCOMPARE(result.outcome, ToolOutcome::Succeeded);

    const bool isOut = channel == u"out";
    const QByteArray &captured = isOut ? result.stdOut : result.stdErr;
    const bool truncated = isOut ? result.stdOutTruncated : result.stdErrTruncated;
    const QByteArray &other = isOut ? result.stdErr : result.stdOut;
    QCOMPARE(captured.size(), std::min<qsizetype>(bytes, ToolRunner::MaxCapturedBytes));
    QCOMPARE(truncated, bytes > ToolRunner::MaxCapturedBytes);
    QVERIFY(other.isEmpty());
    QVERIFY(!(isOut ? result.stdErrTruncated : result.stdOutTruncated));
    QVERIFY(captured.startsWith(QByteArray(QByteArray(63, 'x') + '\n')));
    // Past the cap, output is still read to the end and still delivered as lines.
    QCOMPARE(lineCount, bytes / 64);
}

// A tool writing as fast as the pipes take it, on stdout, stderr or both, for 1.5 s: the call
// keeps exactly the first MiB of each stream, flags it, still delivers every line, and the
// station's memory stays within a few MiB. Measured in a fresh process (runnerhost), whose
// VmHWM is the call's peak.
void tst_ToolRunner::floodStaysBounded_data()
{
    QTest::addColumn<QString>("streams");
    QTest::newRow("stdout") << u"out"_s;
    QTest::newRow("stderr") << u"err"_s;
    QTest::newRow("both") << u"both"_s;
}

void tst_ToolRunner::floodStaysBounded()
{
    QFETCH(QString, streams);
    // Two captures of 1 MiB, a partial line each, one read buffer: a few MiB (measured 2.3 to
    // 3.4 MiB). The limit leaves room for the allocator; the capture through QProcess's own
    // buffers grew by 54 to 87 MB here (Qt 6.4.2, 2 cores under load).
    constexpr qint64 MaxGrowthKb = 16 * 1024;

    ToolCall call;
    call.program = hostProgram();
    call.arguments = {u"--peak"_s, Helper, u"flood"_s, u"1500"_s, streams};
    call.timeout = 120s;
    const ToolResult host = ToolRunner::run(call);
    QCOMPARE(host.outcome, ToolOutcome::Succeeded);
    const QHash<QString, QString> report = hostReport(host.stdOut);
    QCOMPARE(report.value(u"outcome"_s), u"Succeeded"_s);

    const bool out = streams != u"err";
    const bool err = streams != u"out";
    const QString cap = QString::number(ToolRunner::MaxCapturedBytes);
    QCOMPARE(report.value(u"stdout_bytes"_s), out ? cap : u"0"_s);
    QCOMPARE(report.value(u"stdout_truncated"_s), out ? u"1"_s : u"0"_s);
    QCOMPARE(report.value(u"stderr_bytes"_s), err ? cap : u"0"_s);
    QCOMPARE(report.value(u"stderr_truncated"_s), err ? u"1"_s : u"0"_s);
    // Every 64-byte line reached the line handler, also past the cap.
    const qint64 lines = report.value(u"lines"_s).toLongLong();
    QVERIFY2(lines * 64 > (int(out) + int(err)) * ToolRunner::MaxCapturedBytes,
        qPrintable(QString::number(lines)));
    QCOMPARE(report.value(u"longest_line"_s), u"63"_s);

    const qint64 before = report.value(u"rss_before"_s).toLongLong();
    const qint64 peak = report.value(u"rss_peak"_s).toLongLong();
    QVERIFY(before > 0);
    QVERIFY2(peak - before < MaxGrowthKb,
        qPrintable(u"RSS grew by %1 kB (from %2 kB)"_s.arg(peak - before).arg(before)));
}

// A flood holds off neither the deadline nor the cancel: each turn of the wait reads at most
// one chunk per stream, then checks them.
void tst_ToolRunner::floodIsStopped_data()
{
    QTest::addColumn<bool>("cancel");
    QTest::addColumn<QString>("streams");
    QTest::newRow("deadline, both") << false << u"both"_s;
    QTest::newRow("deadline, stderr") << false << u"err"_s;
    QTest::newRow("cancel, both") << true << u"both"_s;
    QTest::newRow("cancel, stdout") << true << u"out"_s;
}

void tst_ToolRunner::floodIsStopped()
{
    QFETCH(bool, cancel);
    QFETCH(QString, streams);
    constexpr auto Flood = 60s;

    const CancelToken token;
    std::thread canceller;
    qint64 lines = 0;
    ToolCall call = helperCall(
        {u"flood"_s, QString::number(std::chrono::milliseconds(Flood).count()), streams},
        cancel ? 120s : 500ms);
    const ToolResult result = ToolRunner::run(call, token, [&](OutputChannel, const QString &) {
        if (cancel && ++lines == 50000)
            canceller = std::thread([token] { token.cancel(); });
    });
    if (canceller.joinable())
        canceller.join();

    QCOMPARE(result.outcome, cancel ? ToolOutcome::Cancelled : ToolOutcome::TimedOut);
    // The flood would have run for a minute; SIGTERM ended it long before.
    QVERIFY2(result.duration < Flood / 2, qPrintable(QString::number(result.duration.count())));
    QVERIFY(result.isTruncated());
}

void tst_ToolRunner::longLineIsHandedOverInPieces()
{
    // 3 MiB and 100 bytes without a line end: handed over in pieces of LineSplitter::MaxLineBytes.
    constexpr qsizetype Bytes = 3 * LineSplitter::MaxLineBytes + 100;
    Lines seen;
    const ToolResult result
        = ToolRunner::run(helperCall({u"long-line"_s, QString::number(Bytes)}), {}, seen.handler());
    QCOMPARE(result.outcome, ToolOutcome::Succeeded);
    QVERIFY(result.stdOutTruncated);
    QCOMPARE(result.stdOut.size(), ToolRunner::MaxCapturedBytes);
    QCOMPARE(seen.out.size(), 5);
    for (int i = 0; i < 3; ++i)
        QCOMPARE(seen.out.at(i), QString(LineSplitter::MaxLineBytes, u'y'));
    QCOMPARE(seen.out.at(3), QString(100, u'y'));
    QCOMPARE(seen.out.at(4), u"end"_s);
}

void tst_ToolRunner::lineSplitter_data()
{
    QTest::addColumn<QByteArrayList>("chunks");
    QTest::addColumn<QStringList>("lines"); // after finish()

    QTest::newRow("nothing") << QByteArrayList {} << QStringList {};
    QTest::newRow("lf") << QByteArrayList {"a\nb\n"} << QStringList {u"a"_s, u"b"_s};
    QTest::newRow("crlf") << QByteArrayList {"a\r\nb\r\n"} << QStringList {u"a"_s, u"b"_s};
    QTest::newRow("empty lines") << QByteArrayList {"\n\r\n\r"}
                                 << QStringList {QString(), QString(), QString()};
    QTest::newRow("lone cr") << QByteArrayList {"10%\r20%\r\n30%\rdone\n"}
                             << QStringList {u"10%"_s, u"20%"_s, u"30%"_s, u"done"_s};
    QTest::newRow("crlf split between chunks")
        << QByteArrayList {"one\r", "\ntw", "o\n"} << QStringList {u"one"_s, u"two"_s};
    QTest::newRow("cr at a chunk's end, then text")
        << QByteArrayList {"one\r", "two\n"} << QStringList {u"one"_s, u"two"_s};
    QTest::newRow("cr, then a chunk of one lf")
        << QByteArrayList {"one\r", "\n", "\n"} << QStringList {u"one"_s, QString()};
    QTest::newRow("line across chunks")
        << QByteArrayList {"al", "ph", "a\nbe", "ta"} << QStringList {u"alpha"_s, u"beta"_s};
    QTest::newRow("utf-8 across chunks")
        << QByteArrayList {"gr\xc3", "\xbc\xc3\x9f", "e\n"} << QStringList {u"grüße"_s};

    const qsizetype max = LineSplitter::MaxLineBytes;
    QTest::newRow("exactly the longest line") << QByteArrayList {QByteArray(max, 'x') + "\nnext\n"}
                                              << QStringList {QString(max, u'x'), u"next"_s};
    QTest::newRow("one byte too long") << QByteArrayList {QByteArray(max + 1, 'x') + "\n"}
                                       << QStringList {QString(max, u'x'), u"x"_s};
    QTest::newRow("never-ending line in small chunks")
        << QByteArrayList(3 * 64 + 1, QByteArray(max / 64, 'y'))
        << QStringList {
               QString(max, u'y'), QString(max, u'y'), QString(max, u'y'), QString(max / 64, u'y')};
    QTest::newRow("long line after a partial")
        << QByteArrayList {"ab", QByteArray(2 * max, 'z') + "\r\n"}
        << QStringList {u"ab"_s + QString(max - 2, u'z'), QString(max, u'z'), u"zz"_s};
}

void tst_ToolRunner::lineSplitter()
{
    QFETCH(QByteArrayList, chunks);
    QFETCH(QStringList, lines);

    QStringList seen;
    const LineSplitter::Sink sink = [&seen](const QString &line) { seen.append(line); };
    LineSplitter splitter;
    for (const QByteArray &chunk : chunks)
        splitter.feed(chunk, sink);
    splitter.finish(sink);
    QCOMPARE(seen.size(), lines.size());
    QCOMPARE(seen, lines);
}

// BackgroundProcess splits its output by the same rules as ToolRunner::run (issue #12): a lone
// CR ends a line, a last line without a line end arrives at the exit, long lines come in pieces.
void tst_ToolRunner::backgroundProcessSplitsLikeRun_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::newRow("lines") << QStringList {u"lines"_s, u"3"_s};
    QTest::newRow("crlf") << QStringList {u"crlf"_s};
    QTest::newRow("lone cr") << QStringList {u"cr"_s};
    QTest::newRow("split across reads") << QStringList {u"split"_s};
    QTest::newRow("partial last line") << QStringList {u"partial"_s};
    QTest::newRow("long line") << QStringList {
        u"long-line"_s, QString::number(2 * LineSplitter::MaxLineBytes + 5)};
}

void tst_ToolRunner::backgroundProcessSplitsLikeRun()
{
    QFETCH(QStringList, arguments);

    Lines seen;
    const ToolResult result = ToolRunner::run(helperCall(arguments), {}, seen.handler());
    QCOMPARE(result.outcome, ToolOutcome::Succeeded);
    QVERIFY(!seen.out.isEmpty());

    auto started = ToolRunner::startBackground(helperCall(arguments));
    QVERIFY2(started, qPrintable(started ? QString() : started.error().message));
    std::unique_ptr<Station::BackgroundProcess> process = std::move(*started);
    QSignalSpy exited(process.get(), &Station::BackgroundProcess::exited);
    QVERIFY(exited.wait(20000));
    const QStringList lines = process->outputLines();
    QCOMPARE(lines.size(), seen.out.size());
    QCOMPARE(lines, seen.out);
}

void tst_ToolRunner::inputIsWrittenThenClosed_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::newRow("no input") << QByteArray();
    QTest::newRow("two lines") << QByteArray("hello\nworld\n");
    QTest::newRow("larger than a pipe") << QByteArray(300 * 1024, 'i');
}

void tst_ToolRunner::inputIsWrittenThenClosed()
{
    QFETCH(QByteArray, input);
    ToolCall call = helperCall({u"echo"_s});
    call.input = input;
    // "echo" only ends at end of input: a stdin left open would hang until the deadline.
    const ToolResult result = ToolRunner::run(call);
    QCOMPARE(result.outcome, ToolOutcome::Succeeded);
    QCOMPARE(result.stdOut, input);
}

void tst_ToolRunner::argumentsArePassedVerbatim()
{
    const QStringList arguments {u"with space"_s,
        QString(),
        u"it's"_s,
        u"say \"hi\""_s,
        u"$HOME"_s,
        u"*"_s,
        u"; rm -rf /"_s,
        u"grüße"_s};
    Lines seen;
    const ToolResult result
        = ToolRunner::run(helperCall(QStringList {u"args"_s} + arguments), {}, seen.handler());
    QCOMPARE(result.outcome, ToolOutcome::Succeeded);
    QStringList expected;
    for (const QString &argument : arguments)
        expected.append(u'[' + argument + u']');
    QCOMPARE(seen.out, expected);
}

void tst_ToolRunner::toolRunsAtLowerPriority()
{
    // /proc/<pid>/stat of the tool itself: field 19 (counting from the pid) is its nice value.
    ToolCall call;
    call.program = u"/bin/cat"_s;
    call.arguments = {u"/proc/self/stat"_s};
    const ToolResult result = ToolRunner::run(call);
    QCOMPARE(result.outcome, ToolOutcome::Succeeded);
    const QString stat = QString::fromLatin1(result.stdOut);
    const QStringList fields = stat.mid(stat.lastIndexOf(u')') + 2).split(u' ', Qt::SkipEmptyParts);
    QVERIFY2(fields.size() > 16, qPrintable(stat));
    errno = 0;
    const int station = ::getpriority(PRIO_PROCESS, 0);
    QCOMPARE(errno, 0);
    // fields[0] is field 3 (state): nice is fields[16].
    QCOMPARE(fields.at(16).toInt(), std::min(19, station + ToolRunner::ToolNiceIncrement));
}

void tst_ToolRunner::environmentAndWorkingDirectory()
{
    ToolCall call = helperCall({u"env"_s, u"STATION_TEST_VALUE"_s});
    call.environment.insert(u"STATION_TEST_VALUE"_s, u"forty two"_s);
    QCOMPARE(ToolRunner::run(call).stdOut, QByteArray("forty two\n"));

    call.environment = QProcessEnvironment();
    QCOMPARE(ToolRunner::run(call).stdOut, QByteArray("<unset>\n"));

    ToolCall pwd = helperCall({u"pwd"_s});
    pwd.workingDirectory = m_dir.path();
    const ToolResult result = ToolRunner::run(pwd);
    QCOMPARE(result.outcome, ToolOutcome::Succeeded);
    QCOMPARE(
        QDir(result.stdOutText().trimmed()).canonicalPath(), QDir(m_dir.path()).canonicalPath());
}

void tst_ToolRunner::noOutputDeadlineIsResetByOutput()
{
    // Ten lines 100 ms apart take about a second; each line restarts the 400 ms silence timer.
    ToolCall call = helperCall({u"slow-lines"_s, u"10"_s, u"100"_s});
    call.noOutputTimeout = 400ms;
    Lines seen;
    const ToolResult result = ToolRunner::run(call, {}, seen.handler());
    QCOMPARE(result.outcome, ToolOutcome::Succeeded);
    QCOMPARE(seen.out.size(), 10);
    QVERIFY(result.duration > 400ms);
}

void tst_ToolRunner::cancelFromAnotherThread()
{
    const CancelToken token;
    std::thread canceller;
    std::atomic<std::chrono::steady_clock::time_point> cancelledAt {};
    const ToolResult result = ToolRunner::run(
        helperCall({u"hang"_s}, 60s), token, [&](OutputChannel, const QString &line) {
            if (line == u"ready" && !canceller.joinable()) {
                canceller = std::thread([token, &cancelledAt] {
                    cancelledAt = std::chrono::steady_clock::now();
                    token.cancel();
                });
            }
        });
    const auto returnedAt = std::chrono::steady_clock::now();
    QVERIFY(canceller.joinable());
    canceller.join();

    QCOMPARE(result.outcome, ToolOutcome::Cancelled);
    QVERIFY2(result.errorString.contains(u"Cancelled"_s), qPrintable(result.errorString));
    QCOMPARE(result.stdOut, QByteArray("ready\n"));
    const auto latency
        = std::chrono::duration_cast<std::chrono::milliseconds>(returnedAt - cancelledAt.load());
    QVERIFY2(latency < 1000ms, qPrintable(QString::number(latency.count())));
}

void tst_ToolRunner::cancelledBeforeStart()
{
    const CancelToken token;
    token.cancel();
    const QString marker = m_dir.filePath(u"must-not-exist"_s);
    const ToolResult result
        = ToolRunner::run(helperCall({u"grandchild"_s, marker, u"exit"_s}), token);
    QCOMPARE(result.outcome, ToolOutcome::Cancelled);
    QVERIFY(!QFile::exists(marker)); // nothing was started
}

void tst_ToolRunner::sigtermIgnoringChildIsKilledAfterGrace()
{
    const ToolResult result = ToolRunner::run(helperCall({u"ignore-term"_s}, 200ms));
    QCOMPARE(result.outcome, ToolOutcome::TimedOut);
    QCOMPARE(result.stdOut, QByteArray("ready\n"));
    QVERIFY2(result.errorString.contains(u"SIGKILL"_s), qPrintable(result.errorString));
    QVERIFY(result.duration >= ToolRunner::KillGracePeriod);
    QVERIFY(result.duration < ToolRunner::KillGracePeriod + 5s);
}

void tst_ToolRunner::grandchildIsKilledWithTheGroup()
{
    const QString pidFile = m_dir.filePath(u"grandchild-hang.pid"_s);
    const ToolResult result
        = ToolRunner::run(helperCall({u"grandchild"_s, pidFile, u"hang"_s}, 500ms));
    QCOMPARE(result.outcome, ToolOutcome::TimedOut);
    QVERIFY(result.duration < ToolRunner::KillGracePeriod);
    const qint64 grandchild = readPid(pidFile);
    QVERIFY(grandchild > 0);
    QTRY_VERIFY_WITH_TIMEOUT(isProcessDead(grandchild), 5000);
}

void tst_ToolRunner::grandchildHoldingThePipesDoesNotHang()
{
    // The child exits at once; its grandchild keeps stdout/stderr open for 60 s.
    const QString pidFile = m_dir.filePath(u"grandchild-exit.pid"_s);
    const ToolResult result
        = ToolRunner::run(helperCall({u"grandchild"_s, pidFile, u"exit"_s}, 30s));
    const qint64 grandchild = readPid(pidFile);
    if (grandchild > 0)
        ::kill(static_cast<pid_t>(grandchild), SIGKILL);
    QCOMPARE(result.outcome, ToolOutcome::Succeeded);
    QVERIFY(grandchild > 0);
    QVERIFY2(result.duration < 10s, qPrintable(QString::number(result.duration.count())));
}

// A station killed with kill -9 runs none of the kill ladder: the hung tool it was waiting for
// must die with it, not keep the device busy. The stand-in station makes the call on a worker
// thread, as a fixture worker does (the death signal follows the forking thread).
void tst_ToolRunner::hungChildDiesWithTheStation()
{
    const QString host = hostProgram();
    QVERIFY2(QFileInfo(host).isExecutable(), qPrintable(host));
    const QString pidFile = m_dir.filePath(u"station-killed.pid"_s);
    QProcess station;
    station.setProgram(host);
    station.setArguments({Helper, u"hang-pid"_s, pidFile});
    station.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    station.start();
    QVERIFY2(station.waitForStarted(), qPrintable(station.errorString()));
    const auto reap = qScopeGuard([&station] {
        if (station.state() != QProcess::NotRunning) {
            station.kill();
            station.waitForFinished();
        }
    });
    QTRY_VERIFY_WITH_TIMEOUT(readPid(pidFile) > 0, 10000);
    const qint64 child = readPid(pidFile);
    // Never leave a hung helper behind, also when the check below fails.
    const auto sweep = qScopeGuard([child] {
        if (!isProcessDead(child))
            ::kill(static_cast<pid_t>(child), SIGKILL);
    });
    QVERIFY(!isProcessDead(child));

    QCOMPARE(::kill(static_cast<pid_t>(station.processId()), SIGKILL), 0);
    QVERIFY(station.waitForFinished(10000));
    QCOMPARE(station.exitStatus(), QProcess::CrashExit);
    // The child is in its own process group, so only the death signal can have reached it.
    QTRY_VERIFY_WITH_TIMEOUT(isProcessDead(child), 5000);
}

void tst_ToolRunner::resultTimesAndCommandLine()
{
    const QDateTime before = QDateTime::currentDateTimeUtc();
    const ToolResult result = ToolRunner::run(helperCall({u"lines"_s, u"1"_s}));
    const QDateTime after = QDateTime::currentDateTimeUtc();
    QCOMPARE(result.started.timeSpec(), Qt::UTC);
    QCOMPARE(result.finished.timeSpec(), Qt::UTC);
    QVERIFY(before <= result.started);
    QVERIFY(result.started <= result.finished);
    QVERIFY(result.finished <= after);
    QVERIFY(result.duration >= 0ms);
    QVERIFY(result.duration.count() <= before.msecsTo(after));
    QCOMPARE(result.program, Helper);
    QCOMPARE(result.arguments, (QStringList {u"lines"_s, u"1"_s}));
    QCOMPARE(result.commandLine, ToolRunner::commandLine(Helper, {u"lines"_s, u"1"_s}));
}

void tst_ToolRunner::commandLine_data()
{
    QTest::addColumn<QString>("program");
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("expected");

    const QString az = u"/opt/azurespheresdk/Tools_v2/azsphere"_s;
    QTest::newRow("no arguments") << az << QStringList() << az;
    QTest::newRow("plain") << az
                           << QStringList {u"device"_s,
                                  u"show-attached"_s,
                                  u"--device"_s,
                                  u"1243"_s,
                                  u"--output"_s,
                                  u"json"_s}
                           << az + u" device show-attached --device 1243 --output json"_s;
    QTest::newRow("safe punctuation")
        << az << QStringList {u"--device=192.168.35.2"_s, u"a/b.c:d,e@f%g+h_i"_s}
        << az + u" --device=192.168.35.2 a/b.c:d,e@f%g+h_i"_s;
    QTest::newRow("space") << az << QStringList {u"C:/My Images/app.imagepackage"_s}
                           << az + u" 'C:/My Images/app.imagepackage'"_s;
    QTest::newRow("empty argument")
        << az << QStringList {u"--name"_s, QString()} << az + u" --name ''"_s;
    QTest::newRow("single quote") << az << QStringList {u"it's"_s} << az + u" 'it'\\''s'"_s;
    QTest::newRow("double quotes")
        << az << QStringList {u"say \"hi\""_s} << az + u" 'say \"hi\"'"_s;
    QTest::newRow("shell characters")
        << az << QStringList {u"$HOME"_s, u"a;b"_s, u"*"_s, u"x|y"_s, u"~"_s}
        << az + u" '$HOME' 'a;b' '*' 'x|y' '~'"_s;
    QTest::newRow("newline") << az << QStringList {u"a\nb"_s} << az + u" 'a\nb'"_s;
    QTest::newRow("non-ascii") << az << QStringList {u"grüße"_s} << az + u" 'grüße'"_s;
    QTest::newRow("program with space")
        << u"/opt/my tools/RfToolCli"_s << QStringList {u"--device"_s, u"1"_s}
        << u"'/opt/my tools/RfToolCli' --device 1"_s;
}

void tst_ToolRunner::commandLine()
{
    QFETCH(QString, program);
    QFETCH(QStringList, arguments);
    QFETCH(QString, expected);
    QCOMPARE(ToolRunner::commandLine(program, arguments), expected);
}

void tst_ToolRunner::outcomeNames()
{
    const QList<QPair<ToolOutcome, QString>> names {
        {ToolOutcome::Succeeded, u"Succeeded"_s},
        {ToolOutcome::ExitCode, u"ExitCode"_s},
        {ToolOutcome::Crashed, u"Crashed"_s},
        {ToolOutcome::StartFailed, u"StartFailed"_s},
        {ToolOutcome::TimedOut, u"TimedOut"_s},
        {ToolOutcome::Cancelled, u"Cancelled"_s},
    };
    for (const auto &[outcome, name] : names) {
        QCOMPARE(Station::toolOutcomeName(outcome), name);
        QCOMPARE(Station::toolOutcomeFromName(name), std::optional<ToolOutcome>(outcome));
    }
    QCOMPARE(Station::toolOutcomeFromName(u"Bogus"_s), std::nullopt);
}

QTEST_GUILESS_MAIN(tst_ToolRunner)

#include "tst_toolrunner.moc"

#include "services/process/backgroundprocess.h"
#include "services/process/toolrunner.h"

#include <QRegularExpression>
#include <QStandardPaths>
#include <QTest>

#include <signal.h>

using namespace Qt::Literals::StringLiterals;
using namespace std::chrono_literals;
using namespace Station;

class tst_BackgroundProcess : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void refusesMissingProgram_data();
    void refusesMissingProgram();
    void stopsGroupOnDestruction();
    void waitForLine_data();
    void waitForLine();

private:
    ToolCall call(const QString &program, const QStringList &arguments) const;
    QString m_sleep;
    QString m_echo;
};

ToolCall tst_BackgroundProcess::call(const QString &program, const QStringList &arguments) const
{
    ToolCall c;
    c.program = program;
    c.arguments = arguments;
    return c;
}

void tst_BackgroundProcess::initTestCase()
{
    QTest::failOnWarning(QRegularExpression(u"Destroyed while process"_s));
    m_sleep = QStandardPaths::findExecutable(u"sleep"_s);
    m_echo = QStandardPaths::findExecutable(u"echo"_s);
    QVERIFY(!m_sleep.isEmpty());
    QVERIFY(!m_echo.isEmpty());
}

void tst_BackgroundProcess::refusesMissingProgram_data()
{
    QTest::addColumn<QString>("program");
    QTest::newRow("relative") << u"sleep"_s;
    QTest::newRow("absent") << u"/nonexistent/sphere-sim"_s;
    QTest::newRow("directory") << u"/tmp"_s;
}

void tst_BackgroundProcess::refusesMissingProgram()
{
    QFETCH(QString, program);
    auto started = ToolRunner::startBackground(call(program, {u"1"_s}));
    QVERIFY(!started);
    QCOMPARE(started.error().code, ErrorCode::ToolNotFound);
}

void tst_BackgroundProcess::stopsGroupOnDestruction()
{
    auto started = ToolRunner::startBackground(call(m_sleep, {u"30"_s}));
    QVERIFY2(started, qPrintable(started ? QString() : started.error().message));
    std::unique_ptr<BackgroundProcess> process = std::move(*started);
    QVERIFY(process->isRunning());
    const qint64 pid = process->processId();
    QVERIFY(pid > 0);
    // Its own process group: the group id is its pid.
    QCOMPARE(::getpgid(static_cast<pid_t>(pid)), static_cast<pid_t>(pid));
    QVERIFY(process->commandLine().endsWith(u"sleep 30"_s));
    process.reset();
    QCOMPARE(::kill(static_cast<pid_t>(pid), 0), -1);
}

void tst_BackgroundProcess::waitForLine_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("pattern");
    QTest::addColumn<bool>("found");
    QTest::newRow("match") << QStringList {u"UART 1211 /dev/pts/7"_s} << u"^UART 1211 "_s << true;
    QTest::newRow("exits-first") << QStringList {u"other"_s} << u"^UART"_s << false;
}

void tst_BackgroundProcess::waitForLine()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, pattern);
    QFETCH(bool, found);
    auto started = ToolRunner::startBackground(call(m_echo, arguments));
    QVERIFY(started);
    const Result<QString> line = (*started)->waitForLine(QRegularExpression(pattern), 5s);
    QCOMPARE(line.has_value(), found);
    if (found)
        QCOMPARE(*line, arguments.join(u' '));
    else
        QCOMPARE(line.error().code, ErrorCode::ToolFailed);
}

QTEST_GUILESS_MAIN(tst_BackgroundProcess)

#include "tst_backgroundprocess.moc"

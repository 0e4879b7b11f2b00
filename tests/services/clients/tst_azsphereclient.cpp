#include "services/azsphere/azsphereclient.h"

#include <QFileInfo>
#include <QTest>

#include <optional>

using namespace Qt::Literals::StringLiterals;
using namespace Station;

namespace {

const QString Tool = u"/opt/azsphere/azsphere"_s;
const QByteArray DeviceIdHex
    = "62dfbf427437a0058a51eefa7e27e4654827a6d3241a821cf46a9222d1bfbad0a7f8473da39f09856e60dec1"
      "ccc2eeb7516f3c8380e8a8adcb6d1b7275fc675d";

// Plays the tool: records each call and answers with a canned result, feeding its stdout lines
// through the line handler as ToolRunner does.
class FakeTool
{
public:
    struct Answer
    {
        int exitCode = 0;
        QByteArray stdOut;
        QByteArray stdErr;
        ToolOutcome outcome = ToolOutcome::Succeeded;
        bool stdOutTruncated = false; // as ToolRunner flags a stream cut at MaxCapturedBytes
        bool stdErrTruncated = false;
    };

    QList<ToolCall> calls;
    QList<Answer> answers;

    AzsphereClient::Runner runner()
    {
        return [this](const ToolCall &call, const CancelToken &, const ToolLineHandler &onLine) {
            calls.append(call);
            const Answer answer = answers.isEmpty() ? Answer {} : answers.takeFirst();
            if (onLine) {
                for (const QByteArray &line : answer.stdOut.split('\n')) {
                    if (!line.isEmpty())
                        onLine(OutputChannel::StdOut, QString::fromUtf8(line));
                }
            }
            ToolResult result;
            result.outcome = answer.outcome == ToolOutcome::Succeeded && answer.exitCode != 0
                ? ToolOutcome::ExitCode
                : answer.outcome;
            result.exitCode = answer.exitCode;
            result.program = call.program;
            result.arguments = call.arguments;
            result.commandLine = ToolRunner::commandLine(call.program, call.arguments);
            result.stdOut = answer.stdOut;
            result.stdErr = answer.stdErr;
            result.stdOutTruncated = answer.stdOutTruncated;
            result.stdErrTruncated = answer.stdErrTruncated;
            return result;
        };
    }

    void answer(const QByteArray &stdOut, const QByteArray &stdErr = {}, int exitCode = 0)
    {
        answers.append(Answer {exitCode, stdOut, stdErr});
    }
};

// What a typed call returned, whatever its type.
struct CallOutcome
{
    bool ok = false;
    Error error;
    ToolResult tool;
};

template <typename T> CallOutcome outcomeOf(const ToolReply<T> &reply)
{
    return {reply.isSuccess(), reply.isSuccess() ? Error {} : reply.error(), reply.tool};
}

// Makes the named call of the client with the arguments the tests use.
std::optional<CallOutcome> invoke(AzsphereClient &client, const QString &call)
{
    const QString device = u"1211"_s;
    if (call == "listAttached"_L1)
        return outcomeOf(client.listAttached());
    if (call == "showAttached"_L1)
        return outcomeOf(client.showAttached(device));
    if (call == "rescanAttached"_L1)
        return outcomeOf(client.rescanAttached());
    if (call == "recover"_L1)
        return outcomeOf(client.recover(device, u"/os/26.09"_s, u"/caps/dev.cap"_s));
    if (call == "sideloadDeploy"_L1)
        return outcomeOf(client.sideloadDeploy(device, u"/img/app.imagepackage"_s, true));
    if (call == "sideloadDelete"_L1)
        return outcomeOf(client.sideloadDelete(device, u"2f074b0f-d99d-4692-82d9-ef93a7d6463c"_s));
    if (call == "sideloadDeleteAllExcept"_L1)
        return outcomeOf(client.sideloadDeleteAllExcept(device,
            {u"aaaaaaaa-0000-0000-0000-000000000001"_s,
                u"aaaaaaaa-0000-0000-0000-000000000002"_s}));
    if (call == "imageListInstalled"_L1)
        return outcomeOf(client.imageListInstalled(device, true));
    if (call == "manufacturingStateShow"_L1)
        return outcomeOf(client.manufacturingStateShow(device));
    if (call == "manufacturingStateUpdate"_L1)
        return outcomeOf(
            client.manufacturingStateUpdate(device, ManufacturingState::DeviceComplete));
    if (call == "capabilityShowAttached"_L1)
        return outcomeOf(client.capabilityShowAttached(device));
    if (call == "wifiAdd"_L1)
        return outcomeOf(client.wifiAdd(device, u"SIM-OPEN-AP"_s, {}, u"line3"_s, true));
    if (call == "wifiList"_L1)
        return outcomeOf(client.wifiList(device));
    if (call == "wifiShowStatus"_L1)
        return outcomeOf(client.wifiShowStatus(device));
    if (call == "wifiForget"_L1)
        return outcomeOf(client.wifiForget(device, 3));
    if (call == "showOsVersion"_L1)
        return outcomeOf(client.showOsVersion(device));
    if (call == "restart"_L1)
        return outcomeOf(client.restart(device));
    if (call == "showVersion"_L1)
        return outcomeOf(client.showVersion());
    if (call == "imagePackageShow"_L1)
        return outcomeOf(client.imagePackageShow(u"/img/app.imagepackage"_s));
    return std::nullopt;
}

// Blank lines up to `size` bytes in all: JSON and line parsers skip them.
QByteArray padTo(const QByteArray &head, qsizetype size)
{
    QByteArray out = head;
    while (out.size() < size)
        out += QByteArray(std::min<qsizetype>(63, size - out.size() - 1), ' ') + '\n';
    out.truncate(size);
    return out;
}

void verifyTooLarge(const Error &error, const QString &stream)
{
    QCOMPARE(errorCodeName(error.code), u"OutputTooLarge"_s);
    QVERIFY2(error.message.english().contains(u"1 MiB"_s), qPrintable(error.message));
    QVERIFY2(!error.remedy.isEmpty(), "no remedy");
    QVERIFY2(error.detail.startsWith(
                 u"%1 cut at %2 bytes"_s.arg(stream).arg(ToolRunner::MaxCapturedBytes)),
        qPrintable(error.detail.left(200)));
}

} // namespace

class tst_AzsphereClient : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void commandLines_data();
    void commandLines();
    void azActionsSucceedByExitCode_data();
    void azActionsSucceedByExitCode();
    void azExitCodesAndTags_data();
    void azExitCodesAndTags();
    void azVersionAndMissingExtension();
    void azRecoverProgressFromWarnings();
    void azLegacyStatusLinesOnStdout();
    void emptyDeviceIsRefused();
    void dataCommandFailureIsClassified();
    void garbageWithExitZeroIsNeverAPass();
    void recoverProgressAndTimeouts();
    void recoverWithoutSuccessLine();
    void deployImageNotTrustedIsRefined();
    void actionMissingLineWithKnownMessage();
    void wifiAddMasksPsk();
    void lineHandlerSeesOutput();
    void manufacturingStateUpdateRefusesBlank();
    void truncatedReplyIsNeverAPass_data();
    void truncatedReplyIsNeverAPass();
    void truncatedReplyFromTheRealRunner_data();
    void truncatedReplyFromTheRealRunner();

private:
    FakeTool m_tool;
    std::unique_ptr<AzsphereClient> m_client;
};

void tst_AzsphereClient::init()
{
    m_tool = FakeTool {};
    m_client = std::make_unique<AzsphereClient>(ToolDialect::Azsphere, Tool, QProcessEnvironment());
    m_client->setRunner(m_tool.runner());
}

void tst_AzsphereClient::commandLines_data()
{
    QTest::addColumn<QString>("call");
    QTest::addColumn<QStringList>("arguments");

    // REFERENCE.md 1.1 "What the station passes": --device everywhere a device is meant,
    // --output json on data commands, no --output on action commands.
    QTest::newRow("list-attached")
        << u"listAttached"_s
        << QStringList {u"device"_s, u"list-attached"_s, u"--output"_s, u"json"_s};
    QTest::newRow("show-attached")
        << u"showAttached"_s
        << QStringList {
               u"device"_s, u"show-attached"_s, u"--device"_s, u"1211"_s, u"--output"_s, u"json"_s};
    QTest::newRow("rescan-attached")
        << u"rescanAttached"_s
        << QStringList {u"device"_s, u"rescan-attached"_s, u"--output"_s, u"json"_s};
    QTest::newRow("recover") << u"recover"_s
                             << QStringList {u"device"_s,
                                    u"recover"_s,
                                    u"--images"_s,
                                    u"/os/26.09"_s,
                                    u"--capability"_s,
                                    u"/caps/dev.cap"_s,
                                    u"--device"_s,
                                    u"1211"_s};
    QTest::newRow("deploy") << u"sideloadDeploy"_s
                            << QStringList {u"device"_s,
                                   u"sideload"_s,
                                   u"deploy"_s,
                                   u"--image-package"_s,
                                   u"/img/app.imagepackage"_s,
                                   u"--manual-start"_s,
                                   u"--device"_s,
                                   u"1211"_s};
    QTest::newRow("delete") << u"sideloadDelete"_s
                            << QStringList {u"device"_s,
                                   u"sideload"_s,
                                   u"delete"_s,
                                   u"--component-id"_s,
                                   u"2f074b0f-d99d-4692-82d9-ef93a7d6463c"_s,
                                   u"--device"_s,
                                   u"1211"_s};
    QTest::newRow("delete all except") << u"sideloadDeleteAllExcept"_s
                                       << QStringList {u"device"_s,
                                              u"sideload"_s,
                                              u"delete"_s,
                                              u"--except-component-ids"_s,
                                              u"aaaaaaaa-0000-0000-0000-000000000001"_s,
                                              u"aaaaaaaa-0000-0000-0000-000000000002"_s,
                                              u"--device"_s,
                                              u"1211"_s};
    QTest::newRow("list-installed --full") << u"imageListInstalled"_s
                                           << QStringList {u"device"_s,
                                                  u"image"_s,
                                                  u"list-installed"_s,
                                                  u"--full"_s,
                                                  u"--device"_s,
                                                  u"1211"_s,
                                                  u"--output"_s,
                                                  u"json"_s};
    QTest::newRow("mfg show") << u"manufacturingStateShow"_s
                              << QStringList {u"device"_s,
                                     u"manufacturing-state"_s,
                                     u"show"_s,
                                     u"--device"_s,
                                     u"1211"_s,
                                     u"--output"_s,
                                     u"json"_s};
    QTest::newRow("mfg update") << u"manufacturingStateUpdate"_s
                                << QStringList {u"device"_s,
                                       u"manufacturing-state"_s,
                                       u"update"_s,
                                       u"--state"_s,
                                       u"DeviceComplete"_s,
                                       u"--device"_s,
                                       u"1211"_s};
    QTest::newRow("capabilities") << u"capabilityShowAttached"_s
                                  << QStringList {u"device"_s,
                                         u"capability"_s,
                                         u"show-attached"_s,
                                         u"--device"_s,
                                         u"1211"_s,
                                         u"--output"_s,
                                         u"json"_s};
    QTest::newRow("wifi add open") << u"wifiAdd"_s
                                   << QStringList {u"device"_s,
                                          u"wifi"_s,
                                          u"add"_s,
                                          u"--ssid"_s,
                                          u"SIM-OPEN-AP"_s,
                                          u"--config-name"_s,
                                          u"line3"_s,
                                          u"--targeted-scan"_s,
                                          u"--device"_s,
                                          u"1211"_s,
                                          u"--output"_s,
                                          u"json"_s};
    QTest::newRow("wifi list") << u"wifiList"_s
                               << QStringList {u"device"_s,
                                      u"wifi"_s,
                                      u"list"_s,
                                      u"--device"_s,
                                      u"1211"_s,
                                      u"--output"_s,
                                      u"json"_s};
    QTest::newRow("wifi show-status") << u"wifiShowStatus"_s
                                      << QStringList {u"device"_s,
                                             u"wifi"_s,
                                             u"show-status"_s,
                                             u"--device"_s,
                                             u"1211"_s,
                                             u"--output"_s,
                                             u"json"_s};
    QTest::newRow("wifi forget")
        << u"wifiForget"_s
        << QStringList {
               u"device"_s, u"wifi"_s, u"forget"_s, u"--id"_s, u"3"_s, u"--device"_s, u"1211"_s};
    QTest::newRow("os version") << u"showOsVersion"_s
                                << QStringList {u"device"_s,
                                       u"show-os-version"_s,
                                       u"--device"_s,
                                       u"1211"_s,
                                       u"--output"_s,
                                       u"json"_s};
    QTest::newRow("restart") << u"restart"_s
                             << QStringList {u"device"_s, u"restart"_s, u"--device"_s, u"1211"_s};
    QTest::newRow("show-version") << u"showVersion"_s
                                  << QStringList {u"show-version"_s, u"--output"_s, u"json"_s};
    QTest::newRow("image-package show") << u"imagePackageShow"_s
                                        << QStringList {u"image-package"_s,
                                               u"show"_s,
                                               u"--image-package"_s,
                                               u"/img/app.imagepackage"_s,
                                               u"--output"_s,
                                               u"json"_s};
}

void tst_AzsphereClient::commandLines()
{
    QFETCH(QString, call);
    QFETCH(QStringList, arguments);

    QVERIFY2(invoke(*m_client, call), "unknown call");

    QCOMPARE(m_tool.calls.size(), 1);
    QCOMPARE(m_tool.calls.first().program, Tool);
    QCOMPARE(m_tool.calls.first().arguments, arguments);
    QVERIFY(m_tool.calls.first().timeout > std::chrono::milliseconds(0));

    // The same call in the az sphere dialect: `az sphere ...`, az's option names, and JSON
    // asked for on every command (REFERENCE-az 1.2, 4.2).
    FakeTool az;
    AzsphereClient azClient(ToolDialect::Az, u"/usr/bin/az"_s, QProcessEnvironment());
    azClient.setRunner(az.runner());
    if (call == "showVersion"_L1)
        az.answer(R"({"azure-cli": "2.75.0", "extensions": {"azure-sphere": "1.0.4"}})");
    QVERIFY(invoke(azClient, call));
    QStringList expected {u"sphere"_s};
    for (const QString &argument : arguments) {
        expected << (argument == "--full"_L1    ? u"--all"_s
                : argument == "show-version"_L1 ? u"show-sdk-version"_s
                                                : argument);
    }
    if (!expected.contains(u"--output"_s))
        expected << u"--output"_s << u"json"_s;
    QCOMPARE(az.calls.last().program, u"/usr/bin/az"_s);
    QCOMPARE(az.calls.last().arguments, expected);
    if (call == "showVersion"_L1) {
        QCOMPARE(az.calls.size(), 2);
        QCOMPARE(az.calls.first().arguments, QStringList({u"version"_s, u"--output"_s, u"json"_s}));
    } else {
        QCOMPARE(az.calls.size(), 1);
    }
    // az runs without colour and never installs an extension on its own.
    const QProcessEnvironment environment = az.calls.last().environment;
    QCOMPARE(environment.value(u"AZURE_CORE_NO_COLOR"_s), u"true"_s);
    QCOMPARE(environment.value(u"AZURE_EXTENSION_USE_DYNAMIC_INSTALL"_s), u"no"_s);
}

void tst_AzsphereClient::azActionsSucceedByExitCode_data()
{
    QTest::addColumn<QString>("call");
    for (const char *call : {"recover",
             "sideloadDeploy",
             "sideloadDelete",
             "sideloadDeleteAllExcept",
             "manufacturingStateUpdate",
             "wifiForget",
             "restart"})
        QTest::newRow(call) << QString::fromLatin1(call);
}

// No public source shows what az sphere's action commands print: exit 0 with nothing on
// stdout is a success, exit 1 with `ERROR: <device message>` is classified by the message.
void tst_AzsphereClient::azActionsSucceedByExitCode()
{
    QFETCH(QString, call);
    FakeTool az;
    AzsphereClient client(ToolDialect::Az, u"/usr/bin/az"_s, QProcessEnvironment());
    client.setRunner(az.runner());
    az.answer({}, "WARNING: Preview version of extension is disabled by default.\n");
    std::optional<CallOutcome> outcome = invoke(client, call);
    QVERIFY(outcome);
    QVERIFY2(outcome->ok, qPrintable(outcome->error.message));

    az.answer({},
        "ERROR: The device is not responding. The device may be unresponsive if it cannot "
        "authenticate the image.\n",
        1);
    outcome = invoke(client, call);
    QVERIFY(outcome && !outcome->ok);
    QCOMPARE(errorCodeName(outcome->error.code), u"DeviceNotResponding"_s);

    // Asked for JSON, az prints none or one JSON document. Text on stdout is read as
    // azsphere's status lines: garbage with exit 0 proves nothing happened (the state update
    // prints nothing in either tool and is confirmed by reading the state back).
    az.answer("Qx7 lorem ipsum\nzz 42 k\n");
    outcome = invoke(client, call);
    QVERIFY(outcome);
    if (call == "manufacturingStateUpdate"_L1) {
        QVERIFY(outcome->ok);
    } else {
        QVERIFY(!outcome->ok);
        QCOMPARE(errorCodeName(outcome->error.code), u"OutputUnparsable"_s);
    }
    az.answer("{\n  \"result\": \"ok\"\n}\n");
    outcome = invoke(client, call);
    QVERIFY(outcome && outcome->ok);
}

// az printing azsphere's status lines on stdout (one of the forms the contract leaves open).
void tst_AzsphereClient::azLegacyStatusLinesOnStdout()
{
    FakeTool az;
    AzsphereClient client(ToolDialect::Az, u"/usr/bin/az"_s, QProcessEnvironment());
    client.setRunner(az.runner());
    az.answer("Sending 16 images. (5562148 bytes to send)\nSent 16 of 16 images. (0 of 5562148 "
              "bytes remaining)\nDevice recovered successfully.\n");
    const auto recovered = client.recover(u"1211"_s, u"/os"_s);
    QVERIFY(recovered.isSuccess());
    QCOMPARE(recovered.value->imagesSent, 16);
    az.answer("Component '2f074b0f-d99d-4692-82d9-ef93a7d6463c' deleted.\n");
    const auto deleted
        = client.sideloadDelete(u"1211"_s, u"2f074b0f-d99d-4692-82d9-ef93a7d6463c"_s);
    QVERIFY(deleted.isSuccess());
    QCOMPARE(deleted.value->size(), 1);
}

void tst_AzsphereClient::azExitCodesAndTags_data()
{
    QTest::addColumn<QByteArray>("stdErr");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("code");
    const QByteArray trailer = "\nExamples from AI knowledge base:\nhttps://aka.ms/cli_ref\nRead "
                               "more about the command in reference docs\n";
    QTest::newRow("parser: unrecognized")
        << QByteArray("ERROR: unrecognized arguments: --full\n" + trailer) << 2 << u"ToolUsage"_s;
    QTest::newRow("parser: bad choice") << QByteArray(
        "ERROR: az sphere device manufacturing-state update: 'Blank' is not a "
        "valid value for '--state'. Allowed values: DeviceComplete, "
        "Module1Complete.\n"
        + trailer) << 2 << u"ToolUsage"_s;
    QTest::newRow("no extension") << QByteArray(
        "ERROR: 'sphere' is misspelled or not recognized by the system.\n" + trailer)
                                  << 2 << u"ToolExtensionMissing"_s;
    QTest::newRow("missing cloud resource")
        << QByteArray("ERROR: (ResourceNotFound) The Resource 'Microsoft.AzureSphere/catalogs/"
                      "x' under resource group 'rg' was not found.\n")
        << 3 << u"CloudResourceMissing"_s;
    QTest::newRow("device message behind ERROR:") << QByteArray(
        "ERROR: Could not connect to the device. Check that the device is "
        "attached and responsive.\n") << 1 << u"DeviceNotConnected"_s;
    QTest::newRow("a warning is not the error")
        << QByteArray("WARNING: The device is not responding.\nERROR: Unexpected thing.\n") << 1
        << u"ToolFailed"_s;
}

void tst_AzsphereClient::azExitCodesAndTags()
{
    QFETCH(QByteArray, stdErr);
    QFETCH(int, exitCode);
    QFETCH(QString, code);
    FakeTool az;
    AzsphereClient client(ToolDialect::Az, u"/usr/bin/az"_s, QProcessEnvironment());
    client.setRunner(az.runner());
    az.answer({}, stdErr, exitCode);
    const auto reply = client.manufacturingStateShow(u"1211"_s);
    QVERIFY(!reply.isSuccess());
    QCOMPARE(errorCodeName(reply.error().code), code);
}

void tst_AzsphereClient::azVersionAndMissingExtension()
{
    FakeTool az;
    AzsphereClient client(ToolDialect::Az, u"/usr/bin/az"_s, QProcessEnvironment());
    client.setRunner(az.runner());
    az.answer(
        R"({"azure-cli": "2.75.0", "azure-cli-core": "2.75.0", "extensions": {"azure-sphere": "1.0.4"}})");
    az.answer(R"({"version": "25.10.0.1"})");
    auto reply = client.showVersion();
    QVERIFY2(reply.isSuccess(), qPrintable(reply.isSuccess() ? QString() : reply.error().detail));
    QCOMPARE(*reply.value, u"azure-cli 2.75.0, azure-sphere 1.0.4, SDK 25.10.0.1"_s);

    // az itself runs, but without the extension: said so, and nothing else is called.
    az.calls.clear();
    az.answer(R"({"azure-cli": "2.45.0", "extensions": {}})");
    reply = client.showVersion();
    QVERIFY(!reply.isSuccess());
    QCOMPARE(errorCodeName(reply.error().code), u"ToolExtensionMissing"_s);
    QVERIFY(!reply.error().remedy.english().isEmpty());
    QCOMPARE(az.calls.size(), 1);

    // The legacy azsphere configured as az: another tool, and said so.
    az.answer({}, "azsphere: 'version' is not in the 'azsphere' command group.\n", 2);
    reply = client.showVersion();
    QVERIFY(!reply.isSuccess());
    QVERIFY2(reply.error().message.english().contains(u"is not the az sphere tool"_s),
        qPrintable(reply.error().message.english()));
}

void tst_AzsphereClient::azRecoverProgressFromWarnings()
{
    FakeTool az;
    AzsphereClient client(ToolDialect::Az, u"/usr/bin/az"_s, QProcessEnvironment());
    client.setRunner(az.runner());
    az.answer({},
        "WARNING: Downloading recovery images...\nWARNING: Sending 16 images. (5562148 bytes to "
        "send)\nWARNING: Sent 1 of 16 images. (5531016 of 5562148 bytes remaining)\nWARNING: "
        "Device recovered successfully.\n");
    const auto reply = client.recover(u"1211"_s, u"/os"_s);
    QVERIFY(reply.isSuccess());
    QCOMPARE(reply.value->imagesSent, 1);
    QCOMPARE(reply.value->imageCount, 16);
}

void tst_AzsphereClient::emptyDeviceIsRefused()
{
    const auto reply = m_client->manufacturingStateShow({});
    QVERIFY(!reply.isSuccess());
    QCOMPARE(reply.error().code, ErrorCode::InvalidArgument);
    QVERIFY(m_tool.calls.isEmpty());
    QCOMPARE(reply.tool.outcome, ToolOutcome::StartFailed);
    QVERIFY(reply.tool.commandLine.contains(u"manufacturing-state"_s));

    QVERIFY(!m_client->restart({}).isSuccess());
    QVERIFY(!m_client->recover({}, u"/os"_s).isSuccess());
    QVERIFY(!m_client->wifiList({}).isSuccess());
    QVERIFY(m_tool.calls.isEmpty());
}

void tst_AzsphereClient::dataCommandFailureIsClassified()
{
    m_tool.answer({},
        "WARNING: The device with IP '192.168.35.2' is selected from parameter '1211'\n"
        "error: Could not connect to the device; please ensure it is attached.\n",
        1);
    const auto reply = m_client->imageListInstalled(u"1211"_s, true);
    QVERIFY(!reply.isSuccess());
    QCOMPARE(reply.error().code, ErrorCode::DeviceNotConnected);
    QCOMPARE(reply.tool.exitCode, 1);
    QVERIFY(reply.error().detail.contains(u"Could not connect"_s));

    ToolResult hung;
    m_tool.answers.append(FakeTool::Answer {-1, {}, {}, ToolOutcome::TimedOut});
    const auto timedOut = m_client->showOsVersion(u"1211"_s);
    QCOMPARE(timedOut.error().code, ErrorCode::ToolTimedOut);
}

void tst_AzsphereClient::garbageWithExitZeroIsNeverAPass()
{
    m_tool.answer("q#8 \x01garbage Device is busy\n");
    const auto reply = m_client->manufacturingStateShow(u"1211"_s);
    QVERIFY(!reply.isSuccess());
    QCOMPARE(reply.error().code, ErrorCode::OutputUnparsable);
    QVERIFY(reply.error().detail.contains(u"garbage"_s));

    m_tool.answer(R"({"manufacturingState": "Module1Complete"})");
    const auto good = m_client->manufacturingStateShow(u"1211"_s);
    QVERIFY(good.isSuccess());
    QCOMPARE(*good.value, ManufacturingState::Module1Complete);
}

void tst_AzsphereClient::recoverProgressAndTimeouts()
{
    m_tool.answer("Starting device recovery. Please note that this may take up to 10 minutes.\n"
                  "Board found. Sending recovery bootloader.\n"
                  "Erasing flash.\n"
                  "Sending 2 images. (300 bytes to send)\n"
                  "Sent 1 of 2 images. (100 of 300 bytes remaining)\n"
                  "Sent 2 of 2 images. (0 of 300 bytes remaining)\n"
                  "Finished writing images; rebooting board.\n"
                  "Device ID: "
        + DeviceIdHex + "\nDevice recovered successfully.\n");
    QList<RecoverProgress> seen;
    const auto reply = m_client->recover(
        u"192.168.35.2"_s, u"/os/26.09"_s, {}, [&seen](const RecoverProgress &p) {
            seen.append(p);
        });
    QVERIFY(reply.isSuccess());
    QCOMPARE(reply.value->deviceId, QString::fromLatin1(DeviceIdHex));
    QCOMPARE(seen.size(), 3);
    QCOMPARE(seen.at(0).imagesSent, 0);
    QCOMPARE(seen.at(1).imagesSent, 1);
    QCOMPARE(seen.at(2).imagesSent, 2);
    QCOMPARE(seen.at(2).imageCount, 2);
    QCOMPARE(seen.at(2).bytesRemaining, 0);

    const ToolCall &call = m_tool.calls.first();
    QVERIFY(!call.arguments.contains(u"--output"_s));
    QCOMPARE(call.timeout, std::chrono::milliseconds(std::chrono::minutes(15)));
    QVERIFY(call.noOutputTimeout > std::chrono::milliseconds(0));
    QVERIFY(call.noOutputTimeout < call.timeout);
}

void tst_AzsphereClient::recoverWithoutSuccessLine()
{
    m_tool.answer("Starting device recovery. Please note that this may take up to 10 minutes.\n");
    const auto reply = m_client->recover(u"1211"_s, u"/os"_s);
    QVERIFY(!reply.isSuccess());
    QCOMPARE(reply.error().code, ErrorCode::OutputUnparsable);

    m_tool.answer("Finished writing images; rebooting board.\n",
        "error: Timed out waiting for boot after recovery.\n",
        1);
    QCOMPARE(m_client->recover(u"1211"_s, u"/os"_s).error().code, ErrorCode::RecoveryRebootFailed);
}

void tst_AzsphereClient::deployImageNotTrustedIsRefined()
{
    // The package file does not exist here, so the client keeps both causes.
    m_tool.answer("Deploying '/nope/app.imagepackage' to the attached device.\n",
        "error: Could not deploy application to device: Image not trusted by device; "
        "check if application development capability is enabled ('azsphere device "
        "enable-development').\n",
        1);
    const auto reply = m_client->sideloadDeploy(u"1211"_s, u"/nope/app.imagepackage"_s);
    QCOMPARE(reply.error().code, ErrorCode::ImageNotTrusted);
    QVERIFY(reply.error().message.english().startsWith(u"(a)"_s));

    m_tool.answer("Deploying '/x.imagepackage' to the attached device.\n"
                  "Image package '/x.imagepackage' has been deployed to the attached device.\n");
    const auto ok = m_client->sideloadDeploy(u"1211"_s, u"/x.imagepackage"_s);
    QVERIFY(ok.isSuccess());
    QVERIFY(ok.value->startedAutomatically);
    QVERIFY(!m_tool.calls.last().arguments.contains(u"--manual-start"_s));
}

void tst_AzsphereClient::actionMissingLineWithKnownMessage()
{
    // Exit 0, no success line, but a known message on stderr: the catalogue row wins.
    m_tool.answer("Restarting device.\n", "error: Device is busy and refused request.\n", 0);
    const auto reply = m_client->restart(u"1211"_s);
    QCOMPARE(reply.error().code, ErrorCode::DeviceBusy);

    m_tool.answer("Restarting device.\nDevice restarted successfully.\n");
    QVERIFY(m_client->restart(u"1211"_s).isSuccess());
    QCOMPARE(m_tool.calls.last().timeout, m_client->timeouts().restart);

    m_tool.answer("Successfully removed network\n",
        "WARNING: This command has been deprecated and will be removed in a future "
        "release. Use 'azsphere device wifi forget' instead.\n");
    QVERIFY(m_client->wifiForget(u"1211"_s, 0).isSuccess());
    m_tool.answer({}, "error: Network not found.\n", 1);
    QCOMPARE(m_client->wifiForget(u"1211"_s, 9).error().code, ErrorCode::WifiConfig);
}

void tst_AzsphereClient::wifiAddMasksPsk()
{
    m_tool.answer(
        R"({"configName": null, "configState": "enabled", "connectionState": "disconnected", "id": 0, "securityState": "psk", "ssid": "SIM-FACTORY-AP", "targetedScan": false})");
    const auto reply = m_client->wifiAdd(u"1211"_s, u"SIM-FACTORY-AP"_s, u"simulated-psk-1234"_s);
    QVERIFY(reply.isSuccess());
    QCOMPARE(reply.value->ssid, u"SIM-FACTORY-AP"_s);
    // The tool got the key; the record does not.
    QVERIFY(m_tool.calls.first().arguments.contains(u"simulated-psk-1234"_s));
    QVERIFY(!reply.tool.commandLine.contains(u"simulated-psk-1234"_s));
    QVERIFY(!reply.tool.arguments.contains(u"simulated-psk-1234"_s));
    QVERIFY(reply.tool.commandLine.contains(u"--psk"_s));
}

void tst_AzsphereClient::lineHandlerSeesOutput()
{
    QStringList lines;
    AzsphereClient client(ToolDialect::Azsphere,
        Tool,
        QProcessEnvironment(),
        {},
        [&lines](OutputChannel, const QString &l) { lines.append(l); });
    client.setRunner(m_tool.runner());
    m_tool.answer("Erasing flash.\nDevice recovered successfully.\n");
    QVERIFY(client.recover(u"1211"_s, u"/os"_s).isSuccess());
    QCOMPARE(lines, QStringList({u"Erasing flash."_s, u"Device recovered successfully."_s}));
}

void tst_AzsphereClient::manufacturingStateUpdateRefusesBlank()
{
    const auto reply = m_client->manufacturingStateUpdate(u"1211"_s, ManufacturingState::Blank);
    QCOMPARE(reply.error().code, ErrorCode::InvalidArgument);
    QVERIFY(m_tool.calls.isEmpty());

    m_tool.answer({},
        "error: You do not have permission to perform this operation on this "
        "device. Permission denied; application development capability may be "
        "required ('azsphere device enable-development').\n",
        1);
    QCOMPARE(m_client->manufacturingStateUpdate(u"1211"_s, ManufacturingState::DeviceComplete)
                 .error()
                 .code,
        ErrorCode::PermissionDenied);
}

// Issue #10: a reply longer than the capture limit (valid JSON or a success line, padding, then
// the error past the cap) gave PASS, and DeviceComplete. Every call must fail it with
// OutputTooLarge, whichever stream was cut, although the same kept bytes uncut would pass.
void tst_AzsphereClient::truncatedReplyIsNeverAPass_data()
{
    QTest::addColumn<QString>("call");
    QTest::addColumn<QByteArray>("head"); // a complete, passing reply

    const QByteArray attached = R"({"ConnectionPath": "1211", "DeviceId": ")" + DeviceIdHex
        + R"(", "IpAddress": "192.168.35.2"})";
    const QByteArray network
        = R"({"configName": "line3", "configState": "enabled", "connectionState": "disconnected", "id": 0, "securityState": "open", "ssid": "SIM-OPEN-AP", "targetedScan": true})";
    QTest::newRow("list-attached")
        << u"listAttached"_s
        << QByteArray("[" + attached.chopped(1) + R"(, "IsResponsive": true}])");
    QTest::newRow("show-attached") << u"showAttached"_s << attached;
    QTest::newRow("rescan-attached") << u"rescanAttached"_s << QByteArray(R"({"Count": 1})");
    QTest::newRow("recover") << u"recover"_s
                             << QByteArray("Finished writing images; rebooting board.\n"
                                           "Device ID: "
                                    + DeviceIdHex + "\nDevice recovered successfully.\n");
    QTest::newRow("deploy")
        << u"sideloadDeploy"_s
        << QByteArray("Deploying '/img/app.imagepackage' to the attached device.\n"
                      "Image package '/img/app.imagepackage' has been deployed to the attached "
                      "device.\n");
    QTest::newRow("delete") << u"sideloadDelete"_s
                            << QByteArray(
                                   "Component '2f074b0f-d99d-4692-82d9-ef93a7d6463c' deleted.\n");
    QTest::newRow("delete all except") << u"sideloadDeleteAllExcept"_s << QByteArray();
    QTest::newRow("list-installed") << u"imageListInstalled"_s << QByteArray("[]");
    QTest::newRow("mfg show") << u"manufacturingStateShow"_s
                              << QByteArray(R"({"manufacturingState": "Blank"})");
    // Success prints nothing: the padding alone must not read as "updated".
    QTest::newRow("mfg update to DeviceComplete") << u"manufacturingStateUpdate"_s << QByteArray();
    QTest::newRow("capabilities") << u"capabilityShowAttached"_s
                                  << QByteArray(R"(["EnableRfTestMode"])");
    QTest::newRow("wifi add") << u"wifiAdd"_s << network;
    QTest::newRow("wifi list") << u"wifiList"_s << QByteArray("[" + network + "]");
    QTest::newRow("wifi show-status")
        << u"wifiShowStatus"_s
        << QByteArray(
               R"({"configState": "enabled", "connectionState": "connected", "id": 0, "ssid": "SIM-OPEN-AP", "securityState": "open"})");
    QTest::newRow("wifi forget") << u"wifiForget"_s << QByteArray("Successfully removed network\n");
    QTest::newRow("os version") << u"showOsVersion"_s << QByteArray(R"({"osversion": "26.09"})");
    QTest::newRow("restart") << u"restart"_s
                             << QByteArray("Restarting device.\nDevice restarted successfully.\n");
    QTest::newRow("show-version") << u"showVersion"_s
                                  << QByteArray(R"({"Azure Sphere SDK": "25.10.0.1"})");
    QTest::newRow("image-package show")
        << u"imagePackageShow"_s
        << QByteArray(
               R"({"ABIDepends": [], "Debug": {"BuildDateUtc": "2020-09-23T18:14:54Z", "ImageName": "AzureBusybox"}, "Identity": {"ComponentId": "61ae5c57-98cd-4a0a-8b60-9509505c7617", "ImageId": "eef5d367-ae2c-42eb-861f-8f2c453133df", "ImageType": "Applications"}, "Signature": {"CertThumbprint": "a8d5cc6958f48710140d7a26160fc1cfc31f5df0", "SigningType": "ECDsa256"}, "TemporaryImage": {"RemoveImageAtBoot": false, "UnderDevelopment": true}})");
}

void tst_AzsphereClient::truncatedReplyIsNeverAPass()
{
    QFETCH(QString, call);
    QFETCH(QByteArray, head);
    const QByteArray kept = padTo(head, ToolRunner::MaxCapturedBytes);

    // The kept bytes themselves are a passing reply...
    m_tool.answers.append(FakeTool::Answer {0, kept, {}});
    const std::optional<CallOutcome> whole = invoke(*m_client, call);
    QVERIFY(whole);
    QVERIFY2(whole->ok,
        qPrintable(whole->error.message.english() + u' ' + whole->error.detail.left(300)));

    // ... but not when they are only the first MiB of a longer stdout,
    m_tool.answers.append(FakeTool::Answer {0, kept, {}, ToolOutcome::Succeeded, true, false});
    const std::optional<CallOutcome> cutOut = invoke(*m_client, call);
    QVERIFY(!cutOut->ok);
    verifyTooLarge(cutOut->error, u"stdout"_s);
    QVERIFY2(cutOut->error.detail.contains(QString::fromUtf8(head.trimmed().left(40))),
        qPrintable(cutOut->error.detail.left(120)));
    QVERIFY(cutOut->tool.stdOutTruncated);

    // ... or when stderr was cut (its end may hold the error).
    m_tool.answers.append(FakeTool::Answer {0,
        head,
        padTo("WARNING: ", ToolRunner::MaxCapturedBytes),
        ToolOutcome::Succeeded,
        false,
        true});
    const std::optional<CallOutcome> cutErr = invoke(*m_client, call);
    QVERIFY(!cutErr->ok);
    verifyTooLarge(cutErr->error, u"stderr"_s);

    // A non-zero exit with a cut reply is OutputTooLarge too: its known message may be a decoy.
    m_tool.answers.append(FakeTool::Answer {1,
        padTo("error: Device is busy and refused request.\n", ToolRunner::MaxCapturedBytes),
        {},
        ToolOutcome::Succeeded,
        true,
        false});
    const std::optional<CallOutcome> failed = invoke(*m_client, call);
    QVERIFY(!failed->ok);
    verifyTooLarge(failed->error, u"stdout"_s);
}

// The same through the real ToolRunner: the tool prints a passing head, 2 MiB of padding, then
// the error that says what really happened. The call fails, with the kept MiB as raw text.
void tst_AzsphereClient::truncatedReplyFromTheRealRunner_data()
{
    QTest::addColumn<QString>("call");
    QTest::addColumn<QByteArray>("head");
    QTest::newRow("show-attached") << u"showAttached"_s
                                   << QByteArray(R"({"ConnectionPath": "1211", "DeviceId": ")"
                                          + DeviceIdHex + R"(", "IpAddress": "192.168.35.2"})");
    QTest::newRow("mfg update to DeviceComplete") << u"manufacturingStateUpdate"_s << QByteArray();
    QTest::newRow("restart") << u"restart"_s
                             << QByteArray("Restarting device.\nDevice restarted successfully.\n");
}

void tst_AzsphereClient::truncatedReplyFromTheRealRunner()
{
    QFETCH(QString, call);
    QFETCH(QByteArray, head);
    const QString helper = QStringLiteral(STATION_TOOLHELPER);
    QVERIFY2(QFileInfo(helper).isExecutable(), qPrintable(helper));

    AzsphereClient client(ToolDialect::Azsphere, Tool, QProcessEnvironment::systemEnvironment());
    client.setRunner(
        [&](const ToolCall &toolCall, const CancelToken &cancel, const ToolLineHandler &onLine) {
            ToolCall played = toolCall; // the client's call, played by toolhelper
            played.program = helper;
            played.arguments = {u"padded"_s,
                QString::fromUtf8(head),
                QString::number(2 * ToolRunner::MaxCapturedBytes),
                u"error: Could not connect to the device; please ensure it is attached.\n"_s};
            return ToolRunner::run(played, cancel, onLine);
        });
    const std::optional<CallOutcome> outcome = invoke(client, call);
    QVERIFY(outcome);
    QCOMPARE(outcome->tool.outcome, ToolOutcome::Succeeded);
    QVERIFY(outcome->tool.stdOutTruncated);
    QCOMPARE(outcome->tool.stdOut.size(), ToolRunner::MaxCapturedBytes);
    QVERIFY(!outcome->ok);
    verifyTooLarge(outcome->error, u"stdout"_s);
    QVERIFY(!outcome->error.detail.contains(u"Could not connect"_s)); // past the cap
}

QTEST_APPLESS_MAIN(tst_AzsphereClient)

#include "tst_azsphereclient.moc"

#include "services/steps/readytoshipstep.h"

#include "services/azsphere/azsphereclient.h"
#include "services/azsphere/readycheck.h"
#include "services/base/tr.h"
#include "services/steps/stephelpers.h"

#include <QJsonArray>

using namespace Qt::Literals::StringLiterals;

namespace Station {

namespace {

QStringList strings(const QJsonArray &array)
{
    QStringList list;
    for (const QJsonValue &value : array)
        list.append(value.toString());
    return list;
}

} // namespace

StepResult ReadyToShipStep::run(StepContext &context)
{
    const QJsonObject &params = context.params();
    RunFacts &facts = context.facts();
    facts.readyToShipPassed = false;
    AzsphereClient &client = context.azsphere();
    const QString device = context.deviceSelector();

    ReadyCheckInput input;
    input.expectedState = manufacturingStateFromName(params.value(u"expected_state"_s).toString())
                              .value_or(ManufacturingState::DeviceComplete);
    input.expectedOsVersions = strings(params.value(u"os"_s).toArray());
    input.expectedImageIds = strings(params.value(u"images"_s).toArray());
    Result<OsVersions> versions = OsVersions::load(params.value(u"os_versions_file"_s).toString());
    if (!versions)
        return context.fail(versions.error());
    input.osVersions = *versions;

    // The checks describe the device recorded at `details`, or nothing: a pass here is what
    // lets the finalize guard through.
    if (Result<> same = StepHelpers::confirmIdentity(context,
            Tr::tr("before the ready-to-ship "
                   "checks"));
        !same)
        return context.fail(same.error());

    ToolReply<ManufacturingState> state = client.manufacturingStateShow(device);
    if (!state.isSuccess())
        return context.fail(state.error());
    input.deviceState = *state.value;
    ToolReply<QStringList> capabilities = client.capabilityShowAttached(device);
    if (!capabilities.isSuccess())
        return context.fail(capabilities.error());
    input.capabilities = *capabilities.value;
    // A DeviceComplete device refuses these; device_ready.py skips their checks there.
    if (input.deviceState != ManufacturingState::DeviceComplete) {
        ToolReply<QList<InstalledComponent>> installed = client.imageListInstalled(device, true);
        if (!installed.isSuccess())
            return context.fail(installed.error());
        input.components = *installed.value;
        ToolReply<QList<WifiNetwork>> wifi = client.wifiList(device);
        if (!wifi.isSuccess())
            return context.fail(wifi.error());
        input.wifiNetworks = *wifi.value;
    }

    const ReadyCheckReport report = ReadyCheck::evaluate(input);
    CommandRecord checks;
    checks.commandLine = u"ready-to-ship checks (device_ready.py)"_s;
    checks.outcome = report.passed ? ToolOutcome::Succeeded : ToolOutcome::ExitCode;
    checks.exitCode = report.passed ? 0 : 1;
    checks.stdOut = report.text() + u'\n';
    checks.started = checks.finished = QDateTime::currentDateTimeUtc();
    context.addCommand(checks);
    for (const QString &line : report.lines)
        context.outputLine(line);
    QVariantMap verdicts;
    for (const ReadyCheckItem &item : report.checks)
        verdicts.insert(ReadyCheck::checkName(item.kind), ReadyCheck::verdictName(item.verdict));
    context.setData(u"checks"_s, verdicts);
    if (!report.osVersion.isEmpty()) {
        context.setData(u"osVersion"_s, report.osVersion);
        facts.osVersion = report.osVersion;
    }
    facts.manufacturingState = manufacturingStateName(input.deviceState);
    facts.deviceInfoChanged = true;

    if (!report.passed)
        return context.fail(report.failure());
    facts.readyToShipPassed = true;
    return context.pass();
}

} // namespace Station

#include "services/steps/readytoshipstep.h"

#include "services/azsphere/azsphereclient.h"
#include "services/azsphere/readycheck.h"
#include "services/base/tr.h"
#include "services/steps/stephelpers.h"

#include <QJsonArray>

using namespace Qt::Literals::StringLiterals;

namespace Station {

std::shared_ptr<const StepParams> ReadyToShipParams::read(StepParamsInput &input)
{
    using JsonReader::Need;
    const JsonReader::ObjectReader &p = input.params;
    JsonReader::Problems &problems = p.problems();
    StepFacts &facts = input.facts;
    auto params = std::make_shared<ReadyToShipParams>();
    facts.state = p.choice(u"expected_state"_s,
                       {u"Blank"_s, u"Module1Complete"_s, u"DeviceComplete"_s},
                       Need::Required)
                      .value_or(QString());
    if (const std::optional<QJsonArray> os = p.array(u"os"_s, Need::Required, 1)) {
        const QString path = p.pathOf(u"os"_s);
        for (qsizetype i = 0; i < os->size(); ++i) {
            const QJsonValue name = os->at(i);
            if (!name.isString() || name.toString().isEmpty()) {
                problems.add(JsonReader::element(path, i), Tr::tr("must be an OS version name"));
                continue;
            }
            input.loader.checkOsVersionName(name.toString(), JsonReader::element(path, i));
            facts.readyOs.append(name.toString());
        }
    }
    facts.expectSideloaded = p.boolean(u"expect_sideloaded"_s).value_or(false);
    if (!p.has(u"images"_s) && !facts.expectSideloaded) {
        p.report(u"images"_s,
            Tr::tr("is required (a list, possibly empty), unless \"expect_sideloaded\" is "
                   "true"));
    }
    if (const std::optional<QJsonArray> images = p.array(u"images"_s, Need::Optional)) {
        const QString path = p.pathOf(u"images"_s);
        for (qsizetype i = 0; i < images->size(); ++i) {
            const QJsonValue entry = images->at(i);
            const QString entryPath = JsonReader::element(path, i);
            if (entry.isString() && JsonReader::isGuid(entry.toString())) {
                facts.readyImages.append(entry.toString().toLower());
            } else if (entry.isObject()) {
                const JsonReader::ObjectReader ref(
                    problems, entry.toObject(), entryPath, {u"package"_s});
                if (ref.present(u"package"_s, Need::Required)) {
                    if (const std::optional<PackageFacts> package
                        = input.loader.readPackage(ref.value(u"package"_s),
                            ref.pathOf(u"package"_s),
                            ApplicationImageType,
                            Signing::Allowed)) {
                        facts.readyImages.append(package->imageId);
                    }
                }
                ref.checkUnknownKeys();
            } else {
                problems.add(
                    entryPath, Tr::tr("must be an image ID (GUID) or {\"package\": <file>}"));
            }
        }
    }
    params->expectedState = facts.state;
    params->os = facts.readyOs;
    params->images = facts.readyImages;
    // "expect_sideloaded": also the applications the recipe leaves installed at this point.
    if (facts.expectSideloaded) {
        for (const QString &image : input.loader.installedImageIds()) {
            if (!params->images.contains(image))
                params->images.append(image);
        }
    }
    params->expectSideloaded = facts.expectSideloaded;
    params->osVersions = input.loader.osVersions();
    return params;
}

StepResult ReadyToShipStep::run(StepContext &context)
{
    const ReadyToShipParams &params = context.params<ReadyToShipParams>();
    RunFacts &facts = context.facts();
    facts.readyToShipPassed = false;
    AzsphereClient &client = context.azsphere();
    const QString device = context.deviceSelector();

    ReadyCheckInput input;
    input.expectedState = manufacturingStateFromName(params.expectedState)
                              .value_or(ManufacturingState::DeviceComplete);
    input.expectedOsVersions = params.os;
    input.expectedImageIds = params.images;
    input.osVersions = params.osVersions;

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

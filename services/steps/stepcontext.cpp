#include "services/azsphere/azsphereclient.h"
#include "services/base/tr.h"
#include "services/rf/rftoolclient.h"
#include "services/steps/step.h"
#include "services/steps/stephelpers.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <algorithm>

using namespace Qt::Literals::StringLiterals;

namespace Station {

namespace {

// A tool call started with less than this left of the step's time would only fail noisily;
// it is refused as a timeout instead.
constexpr std::chrono::milliseconds MinimumCallTime = 50ms;

} // namespace

StepContext::StepContext(const FixtureConfig &fixture,
    const ToolSetup &tools,
    const Recipe &recipe,
    const RecipeStep &step,
    RunFacts &facts,
    const CancelToken &cancel)
    : m_fixture(fixture)
    , m_tools(tools)
    , m_recipe(recipe)
    , m_step(step)
    , m_facts(facts)
    , m_cancel(cancel)
    , m_deadline(step.timeout.count() > 0 ? QDeadlineTimer(step.timeout)
                                          : QDeadlineTimer(QDeadlineTimer::Forever))
{
    m_result.name = step.name;
    m_result.type = step.type;
}

StepContext::~StepContext() = default;

QString StepContext::deviceSelector() const
{
    if (!m_facts.deviceId.isEmpty())
        return m_facts.deviceId;
    return portSelector();
}

QString StepContext::portSelector() const
{
    // Once `connect` has found the device, name it as the tool reported it: by connection path,
    // or by IP address where the tool reports none (the real Linux SDK), even if the fixture is
    // configured with an FTDI location for presence.
    if (m_facts.deviceLocated)
        return m_facts.connectionPath.isEmpty() ? m_facts.ipAddress : m_facts.connectionPath;
    return m_fixture.deviceSelector();
}

void StepContext::restartDeadline()
{
    m_deadline = m_step.timeout.count() > 0 ? QDeadlineTimer(m_step.timeout)
                                            : QDeadlineTimer(QDeadlineTimer::Forever);
}

std::chrono::milliseconds StepContext::remaining() const
{
    if (m_deadline.isForever())
        return std::chrono::hours(24);
    return std::chrono::milliseconds(std::max<qint64>(0, m_deadline.remainingTime()));
}

std::chrono::milliseconds StepContext::callTimeout(std::chrono::milliseconds usual) const
{
    return std::min(usual, remaining());
}

ToolResult StepContext::runTool(
    const ToolCall &call, const CancelToken &cancel, const ToolLineHandler &onLine)
{
    ToolResult result;
    const std::chrono::milliseconds left = remaining();
    if (left < MinimumCallTime) {
        // The step's time is used up: record the call that was not made, as a timeout.
        result.outcome = ToolOutcome::TimedOut;
        result.program = call.program;
        result.arguments = call.arguments;
        result.commandLine = ToolRunner::commandLine(call.program, call.arguments);
        result.started = result.finished = QDateTime::currentDateTimeUtc();
        result.errorString = u"Not started: the step's timeout had passed."_s;
    } else {
        ToolCall capped = call;
        capped.timeout = std::min(call.timeout, left);
        result = ToolRunner::run(capped, cancel, onLine);
    }
    addCommand(result);
    return result;
}

AzsphereClient &StepContext::azsphere()
{
    if (!m_azsphere) {
        m_azsphere = std::make_unique<AzsphereClient>(m_tools.dialect,
            m_tools.azsphere,
            m_tools.sphereToolEnvironment(u"fixture-%1"_s.arg(m_fixture.number)),
            m_cancel,
            lineHandler());
        m_azsphere->setRunner(
            [this](const ToolCall &call, const CancelToken &cancel, const ToolLineHandler &onLine) {
                return runTool(call, cancel, onLine);
            });
    }
    return *m_azsphere;
}

RfToolClient &StepContext::rfTools()
{
    if (!m_rfTools) {
        m_rfTools = std::make_unique<RfToolClient>(m_tools.rfSettingsTool,
            m_tools.rfToolCli,
            m_tools.environment,
            m_cancel,
            lineHandler());
        m_rfTools->setRunner(
            [this](const ToolCall &call, const CancelToken &cancel, const ToolLineHandler &onLine) {
                return runTool(call, cancel, onLine);
            });
    }
    return *m_rfTools;
}

QString StepContext::masked(const QString &text) const
{
    QString out = text;
    for (const QString &secret : m_secrets) {
        if (!secret.isEmpty())
            out.replace(secret, u"********"_s);
    }
    return out;
}

Text StepContext::masked(const Text &text) const
{
    // A secret inside a text (a tool echoing the key) must leave neither rendering nor the stored
    // source. It is looked for in the storage as JSON writes it (a '"' or '\\' in a key is
    // escaped there), and masked in the arguments that hold it, so the text keeps its
    // translation. Where that cannot be done (the secret spans the sentence and an argument),
    // the masked English is kept, untranslated: the smaller harm.
    const QString english = text.english();
    QString storage = text.toStorage();
    bool found = false;
    for (const QString &secret : m_secrets) {
        if (secret.isEmpty())
            continue;
        QString escaped
            = QString::fromUtf8(QJsonDocument(QJsonArray {secret}).toJson(QJsonDocument::Compact));
        escaped = escaped.mid(2, escaped.size() - 4); // ["..."]
        found = found || english.contains(secret) || storage.contains(escaped);
        storage.replace(escaped, u"********"_s);
    }
    if (!found)
        return text;
    const QString maskedEnglish = masked(english);
    if (!storage.isEmpty()) {
        const Text rebuilt = Text::fromStorage(maskedEnglish, storage);
        const QString rendered = rebuilt.english();
        const bool clean = std::none_of(
            m_secrets.cbegin(), m_secrets.cend(), [&rendered](const QString &secret) {
                return !secret.isEmpty() && rendered.contains(secret);
            });
        if (clean)
            return rebuilt;
    }
    return Text::raw(maskedEnglish);
}

void StepContext::addSecret(const QString &secret)
{
    if (!secret.isEmpty() && !m_secrets.contains(secret))
        m_secrets.append(secret);
}

void StepContext::addCommand(const ToolResult &tool)
{
    addCommand(CommandRecord::fromToolResult(tool));
}

void StepContext::addCommand(const CommandRecord &command)
{
    CommandRecord kept = command;
    kept.commandLine = masked(kept.commandLine);
    kept.stdOut = masked(kept.stdOut);
    kept.stdErr = masked(kept.stdErr);
    m_result.commands.append(kept);
}

void StepContext::addMeasurement(const Measurement &measurement)
{
    m_result.measurements.append(measurement);
}

void StepContext::setData(const QString &key, const QVariant &value)
{
    m_result.data.insert(key, value);
}

void StepContext::addNote(const Text &note)
{
    if (m_result.note.isEmpty())
        m_result.note = note;
    else
        m_result.note = Text::raw(u"%1; %2"_s).arg(m_result.note, note);
}

void StepContext::reportProgress(double fraction, const QString &text)
{
    if (m_onProgress)
        m_onProgress(StepProgress {fraction, text});
}

Result<> StepContext::recordIntent(const QString &kind, const QString &detail)
{
    if (!m_onIntent)
        return {};
    return m_onIntent(kind, detail);
}

void StepContext::outputLine(const QString &line)
{
    if (!m_onLine || m_linesShown > MaxLiveLines)
        return;
    // Each line crosses to the GUI thread as a queued signal: a tool that floods its output
    // would grow the GUI's event queue without bound. The record keeps the capture (1 MiB).
    if (++m_linesShown > MaxLiveLines) {
        m_onLine(Tr::tr("… more output; the live view stops here (the command's output is "
                        "kept in the record up to 1 MiB)")
                     .translated());
        return;
    }
    m_onLine(masked(line));
}

ToolLineHandler StepContext::lineHandler()
{
    return [this](OutputChannel, const QString &line) { outputLine(line); };
}

StepResult StepContext::pass()
{
    m_result.outcome = StepOutcome::Passed;
    m_result.errorCode = ErrorCode::None;
    m_result.cause = {};
    m_result.remedy = {};
    return m_result;
}

StepResult StepContext::skip(const Text &note)
{
    addNote(note);
    m_result.outcome = StepOutcome::Skipped;
    m_result.errorCode = ErrorCode::None;
    m_result.cause = {};
    m_result.remedy = {};
    return m_result;
}

StepResult StepContext::fail(const Error &given)
{
    const bool aborted = given.code == ErrorCode::Cancelled || isCancelled();
    Error error = given;
    // A command addressed to the recorded device ID found no such device: say whether the
    // fixture now holds another device (a swap, which the ID kept from being changed) or none.
    if (!aborted && error.code == ErrorCode::DeviceNotConnected && !m_facts.deviceId.isEmpty()) {
        if (Result<> same = StepHelpers::confirmIdentity(*this, Tr::tr("after the command failed"));
            !same) {
            Error refined = same.error();
            if (refined.code == ErrorCode::DeviceSwapped) {
                refined.message = Tr::tr("%1 The command was addressed to %2, so nothing was "
                                         "done to the device now in the fixture.")
                                      .arg(refined.message)
                                      .arg(shortDeviceId(m_facts.deviceId));
            }
            refined.detail
                = error.detail.isEmpty() ? refined.detail : refined.detail + u"\n"_s + error.detail;
            error = refined;
        }
    }
    m_result.outcome = aborted ? StepOutcome::Aborted : StepOutcome::Failed;
    m_result.errorCode = aborted ? ErrorCode::Cancelled : error.code;
    m_result.cause = aborted ? stopCause(m_cancel) : masked(error.message);
    m_result.remedy = aborted ? Text() : masked(error.remedy);
    if (!error.detail.isEmpty())
        m_result.data.insert(u"errorDetail"_s, masked(error.detail));
    return m_result;
}

StepResult StepContext::fail(
    ErrorCode code, const Text &cause, const QString &detail, const Text &remedy)
{
    return fail(Error::make(code, cause, detail, remedy));
}

} // namespace Station

#pragma once

#include "services/base/canceltoken.h"
#include "services/base/result.h"
#include "services/config/stationconfig.h"
#include "services/process/toolrunner.h"
#include "services/recipe/recipe.h"
#include "services/recipe/steptype.h"
#include "services/run/runtypes.h"
#include "services/steps/runfacts.h"
#include "services/steps/toolsetup.h"

#include <QDeadlineTimer>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>
#include <QVariant>

#include <chrono>
#include <functional>
#include <memory>

namespace Station {

class AzsphereClient;
class RfToolClient;
class UartSession;

struct StepProgress
{
    double fraction = -1.0; // 0..1, or -1 when unknown
    QString text;
};

// Everything a step may use while it runs, on the fixture's worker thread: the fixture, the
// recipe, typed clients for the tools, the run's facts, the cancel token, the step's deadline,
// and the result being built (every command, measurement and fact is kept, across attempts).
class StepContext
{
public:
    using ProgressHandler = std::function<void(const StepProgress &)>;
    using LineHandler = std::function<void(const QString &)>;
    // Commits an audit event to the record before the step does something irreversible.
    using IntentHandler = std::function<Result<>(const QString &kind, const QString &detail)>;

    StepContext(const FixtureConfig &fixture,
        const ToolSetup &tools,
        const Recipe &recipe,
        const RecipeStep &step,
        RunFacts &facts,
        const CancelToken &cancel);
    ~StepContext();
    Q_DISABLE_COPY_MOVE(StepContext)

    const FixtureConfig &fixture() const { return m_fixture; }
    const ToolSetup &tools() const { return m_tools; }
    const Recipe &recipe() const { return m_recipe; }
    const RecipeStep &step() const { return m_step; }
    // The step's typed parameters, as the loader read them (the params struct its step class
    // declares, e.g. context.params<UartTestParams>()); the struct's defaults when it has none.
    template <typename P> const P &params() const
    {
        static const P none;
        const P *typed = dynamic_cast<const P *>(m_step.params.get());
        return typed ? *typed : none;
    }
    RunFacts &facts() { return m_facts; }
    const RunFacts &facts() const { return m_facts; }
    const CancelToken &cancel() const { return m_cancel; }
    bool isCancelled() const { return m_cancel.isCancelled(); }

    // The `--device` argument of azsphere commands. Once `details` has recorded the device ID,
    // it is that ID (DESIGN.md "Identity"): a different device in the fixture then makes every
    // command fail instead of changing an untested device. Before that, the fixture's port.
    QString deviceSelector() const;
    // The fixture's port: its connection path, or the device's IP address when the tool reports
    // no connection path (the real Linux SDK). For `connect`, `details`, the identity checks,
    // and the RF tools, whose selection by device ID is not documented.
    QString portSelector() const;

    // Clients for this step, created on the calling (worker) thread. Every tool call they make
    // goes through runTool(): capped to the step's remaining time and recorded in the result.
    AzsphereClient &azsphere();
    RfToolClient &rfTools();
    ToolResult runTool(
        const ToolCall &call, const CancelToken &cancel, const ToolLineHandler &onLine);

    // Text (a Wi-Fi key) that must never reach the record, the log or the live view.
    void addSecret(const QString &secret);
    QString masked(const QString &text) const;
    Text masked(const Text &text) const;

    // The step's deadline (per attempt) and what is left of it. A tool call gets the smaller of
    // its usual timeout and the time left, so a step never outlives its recipe timeout.
    void restartDeadline();
    std::chrono::milliseconds remaining() const;
    std::chrono::milliseconds callTimeout(std::chrono::milliseconds usual) const;
    bool hasExpired() const { return m_deadline.hasExpired(); }

    // Recording.
    void addCommand(const ToolResult &tool);
    void addCommand(const CommandRecord &command);
    void addMeasurement(const Measurement &measurement);
    void setData(const QString &key, const QVariant &value);
    void addNote(const Text &note);
    void reportProgress(double fraction, const QString &text);
    void outputLine(const QString &line);
    // Forwards a tool's output lines to the live view.
    ToolLineHandler lineHandler();

    void setProgressHandler(ProgressHandler handler) { m_onProgress = std::move(handler); }
    void setLineHandler(LineHandler handler) { m_onLine = std::move(handler); }
    void setIntentHandler(IntentHandler handler) { m_onIntent = std::move(handler); }
    // Records, and waits until the record holds, that the step is about to make an irreversible
    // change. Without a handler (a step run outside a fixture worker) there is nothing to record.
    [[nodiscard]] Result<> recordIntent(const QString &kind, const QString &detail);

    // Verdicts: each returns a copy of the result with the outcome (and cause) set.
    StepResult pass();
    StepResult skip(const Text &note);
    StepResult fail(const Error &error);
    StepResult fail(
        ErrorCode code, const Text &cause, const QString &detail = {}, const Text &remedy = {});

    StepResult &result() { return m_result; }

private:
    const FixtureConfig &m_fixture;
    const ToolSetup &m_tools;
    const Recipe &m_recipe;
    const RecipeStep &m_step;
    RunFacts &m_facts;
    CancelToken m_cancel;
    QDeadlineTimer m_deadline;
    StepResult m_result;
    QStringList m_secrets;
    // Lines a step may send to the live view (about 1 MiB of ordinary tool output).
    static constexpr int MaxLiveLines = 20000;
    int m_linesShown = 0;
    ProgressHandler m_onProgress;
    LineHandler m_onLine;
    IntentHandler m_onIntent;
    std::unique_ptr<AzsphereClient> m_azsphere;
    std::unique_ptr<RfToolClient> m_rfTools;
};

// One recipe step type. A step is plain top-to-bottom code on the fixture's worker thread: call
// the clients, check each Result, record, decide. One small subclass per type.
class Step
{
public:
    virtual ~Step() = default;

    // One attempt. Retries and the per-attempt deadline are handled by runStep().
    virtual StepResult run(StepContext &context) = 0;

    // False for failures no retry can fix (the finalize guard, an e-fuse already programmed).
    virtual bool isRetryable(const StepResult &result) const;
};

// The step class for a recipe step type, or nullptr for an unknown type (the step registry,
// services/steps/steptypes.cpp).
std::unique_ptr<Step> createStep(const QString &type);

// Runs one recipe step: up to 1 + retries attempts, each with the step's timeout, keeping the
// commands of every attempt. Stops retrying on cancel. `seq` is the 1-based step position.
StepResult runStep(StepContext &context, int seq);

} // namespace Station

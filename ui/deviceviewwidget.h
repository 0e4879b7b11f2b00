#pragma once

#include "services/records/recordquery.h"
#include "services/run/runtypes.h"
#include "services/station/fixturesnapshot.h"

#include <QPointer>
#include <QTimeZone>
#include <QUuid>
#include <QWidget>

class QFrame;
class QGridLayout;
class QLabel;
class QPlainTextEdit;
class QPushButton;
class QSplitter;
class QTableView;

namespace Station {

class CommandListModel;
class ElidingField;
class MeasurementModel;
class OutputView;
class PlantReader;
class RunHistoryModel;
class StepListModel;

// The technician's view of one device's run: why it failed, without opening a log. Shows the
// run header, the failing step's cause and remedy, every step, and for the selected step its
// exact command lines, tool outcome, raw stdout/stderr and measurements, plus the device's
// other runs. Reads the record through a RecordQuery on the GUI thread, and follows a running
// device through the Station's stepStarted/stepFinished/outputLine signals. With a plant, the
// device's runs at every station (read by a PlantReader off the GUI thread), and another
// station's run from the plant's record. GUI thread.
class DeviceViewWidget final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DeviceViewWidget)

public:
    explicit DeviceViewWidget(QWidget *parent = nullptr);
    ~DeviceViewWidget() override;

    // Not owned; must outlive this widget or be reset first.
    void setRecordQuery(const Station::RecordQuery *query);
    void setTimeZone(const QTimeZone &zone);
    // The plant's reader (not owned; nullptr: this station's record only) and this station's
    // plant station ID (its own runs open from the local record).
    void setPlantReader(Station::PlantReader *reader, const QString &ownStationId);

    // Shows a run of another station from the plant's record: asks the plant and shows the run
    // when the answer comes (plantRunShown), or the reason it cannot.
    void showPlantRun(const QString &stationId, const QUuid &runUuid);
    // The plant station whose run is shown; empty for a run of this station's record.
    QString shownStationId() const { return m_shownStation; }
    // A read of the plant (a run, or the device's runs at every station) is under way.
    bool isReadingPlant() const { return m_detailRequest != 0 || m_historyRequest != 0; }

    // Shows a recorded run (and the device's other runs), selecting the failed step. False,
    // with the reason shown in the view, when the record cannot be read.
    bool showRun(qint64 runId);
    // Shows the run now going on in `fixture` (runId: its record row, 0 if not recorded yet) and
    // follows it through the slots below until the run finishes.
    void showLive(int fixture, qint64 runId);
    void clear();

    qint64 runId() const { return m_runId; }
    // The fixture followed live, 0 when none.
    int liveFixture() const { return m_liveFixture; }
    // seq of the selected step, 0 when none.
    int selectedStepSeq() const;
    void selectStep(int seq);
    QString errorString() const { return m_error; }
    // The keyboard focus to the steps table (the arrow keys walk the steps).
    void focusSteps();

public Q_SLOTS:
    // Live updates for the followed run: a step that starts (outcome Running) or finishes
    // replaces the row with the same seq; output lines belong to the running step.
    void appendStepResult(const Station::StepResult &step);
    void appendOutputLine(const QString &line);

    // The same, for Station's signals of every fixture; other fixtures are ignored.
    void onStepStarted(int fixture, const Station::StepResult &step);
    void onStepFinished(int fixture, const Station::StepResult &step);
    void onOutputLine(int fixture, const QString &line);
    // Reloads the finished run from the record.
    void onRunFinished(int fixture, const Station::FixtureSnapshot &snapshot);

Q_SIGNALS:
    // The run the view now shows (after showRun, or a click in the device's run list).
    void runShown(qint64 runId);
    // A run of another station is shown (after showPlantRun).
    void plantRunShown(const QString &stationId, qint64 runId);
    // The device's run list has its runs at every station.
    void plantHistoryShown();

private:
    void buildHeader();
    void buildCausePanel();
    QWidget *buildStepsPane();
    QWidget *buildDetailPane();

    void showHeader();
    void showCause();
    void showHistory();
    void applyDetail(const Station::RunDetail &detail, qint64 runId, const QString &stationId);
    void showHistoryRuns(const QList<Station::RunRow> &runs);
    void openHistoryRow(int row);
    void showStep(int row);
    void showCommand(int row);
    void showLiveOutput();
    void showError(const QString &message);
    bool isShowingLiveRun() const;
    void selectStepRow(int row);
    void copyToClipboard(const QString &text);

    const Station::RecordQuery *m_query = nullptr;
    QPointer<Station::PlantReader> m_plant;
    QString m_ownStation;
    QString m_shownStation;
    QList<Station::RunRow> m_localHistory;
    quint64 m_detailRequest = 0;
    quint64 m_historyRequest = 0;
    QTimeZone m_zone = QTimeZone::systemTimeZone();
    Station::RunInfo m_run;
    qint64 m_runId = 0;
    int m_liveFixture = 0;
    qint64 m_liveRunId = 0;
    int m_liveSeq = 0;
    QList<Station::StepResult> m_liveSteps;
    QStringList m_liveLines;
    bool m_follow = true;
    bool m_selecting = false;
    QString m_error;

    StepListModel *m_steps = nullptr;
    CommandListModel *m_commands = nullptr;
    MeasurementModel *m_measurements = nullptr;
    RunHistoryModel *m_history = nullptr;

    QFrame *m_header = nullptr;
    QFrame *m_badge = nullptr;
    QLabel *m_badgeIcon = nullptr;
    QLabel *m_badgeText = nullptr;
    ElidingField *m_deviceId = nullptr;
    QPushButton *m_copyDevice = nullptr;
    QGridLayout *m_fields = nullptr;
    QList<ElidingField *> m_fieldValues;

    QFrame *m_causePanel = nullptr;
    QLabel *m_causeTitle = nullptr;
    QLabel *m_causeText = nullptr;
    QLabel *m_remedyText = nullptr;
    QLabel *m_causeCode = nullptr;

    QTableView *m_stepsView = nullptr;
    QLabel *m_historyTitle = nullptr;
    QTableView *m_historyView = nullptr;

    QLabel *m_stepTitle = nullptr;
    QLabel *m_stepFacts = nullptr;
    QLabel *m_stepCause = nullptr;
    QLabel *m_commandsTitle = nullptr;
    QTableView *m_commandsView = nullptr;
    QPlainTextEdit *m_commandLine = nullptr;
    QPushButton *m_copyCommand = nullptr;
    QPushButton *m_copyAllCommands = nullptr;
    QLabel *m_toolOutcome = nullptr;
    QWidget *m_measurementsBox = nullptr;
    QTableView *m_measurementsView = nullptr;
    QSplitter *m_outputs = nullptr;
    OutputView *m_stdout = nullptr;
    OutputView *m_stderr = nullptr;
};

} // namespace Station

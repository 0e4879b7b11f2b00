#pragma once

#include "services/azsphere/devicedata.h"
#include "services/base/canceltoken.h"
#include "services/config/stationconfig.h"

#include <QDialog>
#include <QFutureWatcher>
#include <QProcessEnvironment>
#include <QThreadPool>

class QButtonGroup;
class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QDoubleSpinBox;
class QFrame;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QRadioButton;
class QSpinBox;
class QTableView;
class QTableWidget;

namespace Station {

class FixtureConfigModel;

// What a tool check on the worker thread found (azsphere show-version, list-attached).
struct SettingsToolCheck
{
    bool ok = false;
    QString text;   // the version, or the translated error
    QString detail; // the command line and raw output, for the tooltip
    QList<Station::AttachedDevice> devices;
};

// The station configuration editor: back end and tool paths (azsphere checked by running its
// show-version), files and folders, operator and station, timeouts, the fixture map (with
// "Detect attached" filling connection paths from azsphere device list-attached, hands-free), the
// plant database's connections, sign-in (the idle time and the badge pattern, with a field to
// try a scan against it) and the UI language. Shows StationConfig::problems() as the fields
// change and saves only a valid configuration. Tool calls run through ToolRunner on a pool of
// its own, never on the GUI thread. GUI thread.
class SettingsDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SettingsDialog)

public:
    explicit SettingsDialog(QWidget *parent = nullptr);
    // Stops a running tool check and waits for it.
    ~SettingsDialog() override;

    // Reads the file into the fields; a file that does not exist gives the defaults. False,
    // with the reason shown, when it cannot be read.
    // Shows the configuration in path and saves to path. While path does not exist, shows
    // defaultsPath's (the system-wide default) if that exists, else the built-in defaults.
    bool load(const QString &path, const QString &defaultsPath = {});
    QString path() const { return m_path; }
    void setConfig(const Station::StationConfig &config);
    // The configuration the fields describe now.
    Station::StationConfig config() const;
    // StationConfig::problems() of config(), in English (the panel shows them translated).
    QStringList problems() const;

    // Where azsphere is looked for when no path is set (the simulator's folder), and the
    // environment tool checks run in (e.g. the simulator bench's AZSPHERE_SIM_HOME); the
    // configuration's own tool variables go on top.
    void setToolSearchPaths(const QStringList &paths);
    void setToolEnvironment(const QProcessEnvironment &environment);

    // "" (the system's), "en", "de" or "zh_CN".
    void setLanguage(const QString &language);
    QString language() const;
    // The language kept in the user's settings ("ui/language", read at start-up).
    static QString savedLanguage();

    // Validates, then writes path() and the language. False, with the problems shown, when the
    // configuration is not valid or the file cannot be written.
    bool save();
    bool isChecking() const;

public Q_SLOTS:
    void accept() override;
    // Runs `azsphere show-version` on a worker thread; ends with azsphereChecked.
    void checkAzsphere();
    // Runs `azsphere device list-attached --output json` on a worker thread and fills the
    // fixtures' connection paths (IP addresses where a device reports none); ends with
    // detectFinished.
    void detectAttached();

Q_SIGNALS:
    void saved(const Station::StationConfig &config);
    void languageChosen(const QString &language);
    // `text`: the version azsphere reports when `ok` (the status shows "Azure Sphere SDK
    // <version>"), else the error the status shows.
    void azsphereChecked(bool ok, const QString &text);
    void detectFinished(bool ok, int found, int filled);

private:
    QWidget *buildStationTab();
    QWidget *buildToolsTab();
    QWidget *buildTimeoutsTab();
    QWidget *buildFixturesTab();
    QWidget *buildPlantTab();
    QWidget *buildSignInTab();
    void updateBadgeTry();
    QWidget *buildHandsFreeBox(QWidget *parent);
    QWidget *pathRow(QLineEdit *edit, int kind);
    void updateProblems();
    void updateBackend();
    void updatePlantStationPlaceholder();
    void runCheck(bool detect);
    void onCheckDone();
    void applyAttached(const QList<Station::AttachedDevice> &devices);
    void showStatus(QLabel *label, bool ok, const QString &text, const QString &detail);
    // Whether a program lives in the simulator's folder (setToolSearchPaths).
    bool isSimulatorTool(const QString &program) const;

    QString m_path;
    Station::StationConfig m_config; // as loaded: keeps what the dialog does not show
    QStringList m_searchPaths;
    QProcessEnvironment m_environment = QProcessEnvironment::systemEnvironment();
    QThreadPool m_pool;
    Station::CancelToken m_cancel;
    QFutureWatcher<Station::SettingsToolCheck> *m_watcher = nullptr;
    bool m_watcherDetects = false;

    FixtureConfigModel *m_fixtures = nullptr;

    QRadioButton *m_simulator = nullptr;
    QRadioButton *m_real = nullptr;
    QComboBox *m_cli = nullptr; // azsphere or az sphere
    QLineEdit *m_azsphere = nullptr;
    QLineEdit *m_az = nullptr;
    QPushButton *m_check = nullptr;
    QLabel *m_azsphereStatus = nullptr;
    QLineEdit *m_rfSettingsTool = nullptr;
    QLineEdit *m_rfToolCli = nullptr;
    QPlainTextEdit *m_toolEnvironment = nullptr;
    QWidget *m_realTools = nullptr;

    QLineEdit *m_stationName = nullptr;
    QLineEdit *m_operatorName = nullptr;
    QComboBox *m_language = nullptr;
    QLineEdit *m_recipeFolder = nullptr;
    QLineEdit *m_recordFile = nullptr;
    QLineEdit *m_logFolder = nullptr;

    QSpinBox *m_defaultTimeout = nullptr;
    QTableWidget *m_stepTimeouts = nullptr;
    QComboBox *m_baudRate = nullptr;
    QLineEdit *m_uartPattern = nullptr;

    QLineEdit *m_plantConnection = nullptr;
    QLineEdit *m_plantStationId = nullptr;
    QLineEdit *m_plantReadConnection = nullptr;

    QSpinBox *m_idleMinutes = nullptr;
    QLineEdit *m_badgePattern = nullptr;
    QLineEdit *m_badgeTry = nullptr;
    QLabel *m_badgeTryResult = nullptr;

    QTableView *m_fixtureView = nullptr;
    QPushButton *m_detect = nullptr;
    QLabel *m_detectStatus = nullptr;

    QCheckBox *m_handsFree = nullptr;
    QDoubleSpinBox *m_handsFreeSettle = nullptr; // seconds

    QFrame *m_problemsPanel = nullptr;
    QLabel *m_problems = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
};

} // namespace Station

Q_DECLARE_METATYPE(Station::SettingsToolCheck)

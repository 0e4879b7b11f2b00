#pragma once

#include "services/auth/accounts.h"
#include "services/base/text.h"
#include "ui/messagearea.h"
#include "ui/signindialog.h"
#include "ui/usersdialog.h"

#include <QFutureWatcher>
#include <QHash>
#include <QKeySequence>
#include <QMainWindow>
#include <QMap>
#include <QPointer>
#include <QSet>
#include <QTimer>
#include <QUuid>

#include <chrono>
#include <functional>
#include <memory>

class QAction;
class QLabel;
class QLineEdit;
class QPushButton;
class QTabWidget;
class QToolButton;

namespace Station {
namespace Plant {
class Relay;
}

class AccountService;
class AnalyticsPage;
class DeviceViewWidget;
class ElidedLabel;
class FixtureGridWidget;
class PlantReader;
class FixtureModel;
class RecipeBadge;
class RecipeLoadBar;
class RecipeLoadTask;
class RecordErrorBanner;
class RecordQuery;
class RecordsPage;
class SerialScanFilter;
class SignInDialog;
class StartGateModel;
class StationController;
class StationStatusBar;
class YieldPage;
struct FixtureSnapshot;
struct Recipe;

// The operator station's window: the recipe and the line's actions in the toolbar, the fixture
// grid with the label scan and a message strip (Line page), the record and yield pages, the
// device view, and a status bar. It passes on what people ask for to the StationController and
// shows what the controller reports; it keeps no fixture state of its own. GUI thread.
class MainWindow final : public QMainWindow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)

public:
    struct Options
    {
        QString backendText;  // status bar: "Simulator, 8 devices" or "azsphere /opt/... 25.10"
        QString recipeFolder; // where Open recipe… starts
        QString configPath;   // the station configuration the settings dialog edits
        // Shown by the settings dialog while configPath does not exist: the system-wide
        // default (empty with --config).
        QString configDefaultsPath;
        QString plantConnection; // the analytics page's Plant source (the read login)
        // The plant views (docs/plant-views.md): the read login's conninfo ("[plant]
        // readConnection"; empty: no plant) and this station's plant station ID.
        QString plantReadConnection;
        QString plantStationId;
        // Sign-in (docs/roles.md): signed-in users are signed out after this long without a key
        // or a click (0: never), and a scan matching badgePattern (a regular expression; empty:
        // none) is a badge even while someone is signed in.
        int idleMinutes = 15;
        QString badgePattern;
    };

    // Asked once when a recipe that makes devices permanent is loaded; false keeps it out.
    using PermanentConfirmation = std::function<bool(const Station::Recipe &recipe)>;
    // Asked on close while runs are active; false keeps the window open.
    using CloseConfirmation = std::function<bool(int runningFixtures)>;
    // Asked before a device that already passed the loaded recipe runs again; `why` names its
    // earlier run. False leaves it alone.
    using AgainConfirmation = std::function<bool(const QString &why)>;

    MainWindow(StationController &station, const Options &options, QWidget *parent = nullptr);
    ~MainWindow() override;

    // Starts loading and checking a recipe off the GUI thread (its files can be hundreds of MB
    // to read and hash), with its progress and Cancel in the status bar; when it is loaded, it is
    // set (for a permanent recipe, after one confirmation) unless a fixture has started
    // meanwhile. recipeLoadFinished tells the outcome. On any refusal the previous recipe stays
    // and the reason is posted. Returns whether the load started: not while a fixture runs or
    // another recipe loads.
    // User: whoever is signed in asks (they need the load-recipe permission). Station: the
    // station restores its recipe at start-up (no sign-in needed; a permanent recipe still
    // needs its approval).
    enum class LoadBy { User, Station };
    bool openRecipe(const QString &path, LoadBy by = LoadBy::User);
    // Shows the delivery to the plant database in the status bar (a station without a plant
    // never calls it); its button lists the rows the plant refused and retries them.
    void setRelay(Station::Plant::Relay *relay);
    bool isLoadingRecipe() const;
    // Stops a recipe load that is going on; the previous recipe stays.
    void cancelRecipeLoad();
    void setPermanentConfirmation(PermanentConfirmation confirm);
    void setCloseConfirmation(CloseConfirmation confirm);
    void setAgainConfirmation(AgainConfirmation confirm) { m_confirmAgain = std::move(confirm); }

    void startFixture(int fixture);
    void startAll();
    void stopFixture(int fixture);
    void stopAll();
    // SIGINT, SIGTERM or SIGHUP: stop every run with the signal as its cause and close.
    void endBySignal(int signal);
    // Binds a scanned label to scanTarget(); a refusal is posted. Returns whether it was bound.
    bool bindScannedLabel(const QString &label);
    // The fixture a label scanned now would go to: the selected one, else the first with a
    // device present, idle and without a label (fixtures showing no verdict first); 0: none.
    int scanTarget() const;
    // Why the recipe refuses this label (its label_pattern), empty when it takes it.
    QString labelRefusal(const QString &label) const;

    // Fixtures that need someone: FAIL, NO RESPONSE or INTERRUPTED, in fixture order.
    QList<int> troubledFixtures() const;
    // Selects (and scrolls to) the next (or previous) troubled fixture after the selected one;
    // returns it, 0 when there is none.
    int jumpToTrouble(bool forward = true);
    // A fixture number typed on the Line page, waiting for its next digit (0: none).
    int pendingFixtureNumber() const { return m_pendingNumber; }

    // One row of the keyboard help: the keys as shown, and what they do.
    struct KeyHelp
    {
        QString keys;
        QString action;
    };
    QList<KeyHelp> keyboardHelp() const;
    void showKeyboardHelp();
    // Sign-in (docs/roles.md). The dialog, with `badge` filled in when a scan opened it; while
    // it is open every scan goes to its badge field. At the first start (no admin) it asks for
    // the first admin instead.
    void openSignIn(const QString &badge = {});
    // Signs the user out (`why`: "user", "idle", "switch"); runs they started go on.
    void signOut(const QString &why);
    // Reads the users' badges again (see m_badgeKeys); knowsBadge() answers from that copy.
    void refreshBadges();
    bool knowsBadge(const QString &scan) const;
    // Users… (admins): the station's users and a form to add or change one.
    void openUsers();
    SignInDialog *signInDialog() const { return m_signInDialog; }
    AccountService *accountService() const { return m_accounts.get(); }
    // Test seam: the idle time before an automatic sign-out.
    void setIdleTimeout(std::chrono::milliseconds timeout);
    // Whether the signed-in user may do `permission`; a refusal is posted, naming the roles.
    bool permitted(Auth::Permission permission);

    // Warns (log and status bar) when the screen font lacks characters of the UI language.
    void checkFont();

    // The device view, following the fixture's run live while it runs, else its last run.
    void openDevice(int fixture);
    // The device view on a recorded run (from the records page).
    void openRun(qint64 runId);
    // The device view on a run of the plant's record: this station's own from its record,
    // another station's from the plant.
    void openPlantRun(const QString &stationId, const QUuid &runUuid, qint64 runId);
    // The plant views' reader; nullptr when no plant is configured.
    PlantReader *plantReader() const { return m_plantReader; }

    enum class Page { Line, Records, Yield, Analytics, Device };
    void showPage(Page page);
    Page currentPage() const;

    // The window's parts, for the tests and the screenshot tool.
    FixtureModel *fixtureModel() const { return m_model; }
    StartGateModel *gateModel() const { return m_gate; }
    FixtureGridWidget *grid() const { return m_grid; }
    MessageArea *messageArea() const { return m_messages; }
    RecordErrorBanner *recordBanner() const { return m_banner; }
    RecipeBadge *recipeBadge() const { return m_recipeBadge; }
    StationStatusBar *stationStatusBar() const { return m_statusBar; }
    QLineEdit *scanField() const { return m_scanField; }
    QToolButton *userButton() const { return m_userButton; }
    QAction *signInAction() const { return m_signIn; }
    QAction *signOutAction() const { return m_signOut; }
    QAction *usersAction() const { return m_users; }
    UsersDialog *usersDialog() const { return m_usersDialog; }
    QLabel *shiftLabel() const { return m_shift; }
    QAction *startAllAction() const { return m_startAll; }
    QAction *stopAllAction() const { return m_stopAll; }
    QAction *openRecipeAction() const { return m_openRecipe; }
    QAction *settingsAction() const { return m_settings; }
    QAction *startSelectedAction() const { return m_startSelected; }
    QAction *stopSelectedAction() const { return m_stopSelected; }
    QAction *nextTroubleAction() const { return m_nextTrouble; }
    QAction *keyboardHelpAction() const { return m_keyboardHelp; }
    QAction *backToLineAction() const { return m_backToLine; }
    ElidedLabel *attentionLabel() const { return m_attention; }
    SerialScanFilter *scanFilter() const { return m_scanFilter; }
    DeviceViewWidget *deviceView() const { return m_deviceView; }
    RecordsPage *recordsPage() const { return m_recordsPage; }
    YieldPage *yieldPage() const { return m_yieldPage; }
    AnalyticsPage *analyticsPage() const { return m_analyticsPage; }
    RecipeLoadBar *recipeLoadBar() const { return m_recipeLoadBar; }

Q_SIGNALS:
    // A load that openRecipe started has ended: `loaded` when its recipe is now the station's.
    void recipeLoadFinished(bool loaded);

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void createActions();
    void createToolBar();
    QWidget *createLinePage();
    void createDevicePage();
    void createRecordsPage();
    void setUpPlant();
    void onPageChanged();
    QStringList recipeNames() const;
    bool ensureRecordQuery();
    void showDeviceTab(const QString &title);
    void updateWindowTitle();
    void updateRecipe();
    void updateStartGate();
    void updateShift();
    void updateScanTarget();
    void onScanned(const QString &scan);
    void onSignedIn(const Station::Auth::User &user);
    void updateUser();
    void onIdle();
    bool eventFilter(QObject *watched, QEvent *event) override;
    void auditSettings(const QMap<QString, QString> &before, const QString &path);
    void onScanFieldReturn();
    void onIncompleteScan(const QString &text);
    void onDigit(int digit);
    void startTypedFixture();
    void onFixtureChanged(const Station::FixtureSnapshot &snapshot);
    void updateAttention();
    void startSelected();
    void stopSelected();
    QAction *addKeyAction(const QString &text,
        const QString &toolTip,
        const QKeySequence &key,
        std::function<void()> slot);
    void onRecordError(const Station::Text &message);
    void onRecordRecovered();
    void onRunFinished(int fixture);
    void onAllFinished();
    void onDeviceSwapped(int fixture, const QString &previousId, const QString &newId);
    void chooseRecipe();
    void onRecipeLoaded();
    bool refuseWhileLoading(const QString &name);
    bool applyRecipe(const Station::Recipe &recipe, const QString &name);
    void openSettings();
    QString fixtureTitle(int fixture) const;
    bool isScanCaptureActive() const;
    bool digitsStartFixtures() const;
    QString namedList(const QStringList &titles) const;
    void post(MessageArea::Severity severity, const QString &text);

    StationController &m_station;
    Options m_options;
    PermanentConfirmation m_confirmPermanent;
    CloseConfirmation m_confirmClose;
    AgainConfirmation m_confirmAgain;

    FixtureModel *m_model = nullptr;
    StartGateModel *m_gate = nullptr;
    FixtureGridWidget *m_grid = nullptr;
    MessageArea *m_messages = nullptr;
    RecordErrorBanner *m_banner = nullptr;
    RecipeBadge *m_recipeBadge = nullptr;
    RecipeLoadTask *m_recipeLoad = nullptr;
    RecipeLoadBar *m_recipeLoadBar = nullptr;
    StationStatusBar *m_statusBar = nullptr;
    Plant::Relay *m_relay = nullptr;
    QTabWidget *m_pages = nullptr;
    QWidget *m_linePage = nullptr;
    RecordsPage *m_recordsPage = nullptr;
    PlantReader *m_plantReader = nullptr; // child; its thread ends when the window goes
    YieldPage *m_yieldPage = nullptr;
    QWidget *m_recordsTab = nullptr; // the pages' scroll areas in m_pages
    QWidget *m_yieldTab = nullptr;
    AnalyticsPage *m_analyticsPage = nullptr;
    QWidget *m_analyticsTab = nullptr;
    QWidget *m_deviceTab = nullptr;
    DeviceViewWidget *m_deviceView = nullptr;
    std::unique_ptr<RecordQuery> m_query; // the GUI thread's read-only view of the record
    QLineEdit *m_scanField = nullptr;
    QLabel *m_scanTarget = nullptr;
    QToolButton *m_userButton = nullptr;
    QAction *m_signIn = nullptr;
    QAction *m_signOut = nullptr;
    QAction *m_users = nullptr;
    QPointer<UsersDialog> m_usersDialog;
    std::unique_ptr<AccountService> m_accounts;
    QPointer<SignInDialog> m_signInDialog;
    LoadBy m_recipeLoadBy = LoadBy::User; // who asked for the recipe load going on
    QTimer m_idleTimer;
    // The badges the station knows (Auth::badgeKey of each user's badge): a scan that is one of
    // them opens the sign-in even without a badge pattern, so a badge never becomes a device
    // label. Refreshed at start, after a sign-in, after Users… and every minute (plant copies).
    QSet<QString> m_badgeKeys;
    QFutureWatcher<Result<QList<UserRow>>> *m_badgeWatcher = nullptr;
    bool m_badgeRefreshAgain = false;
    QTimer m_badgeRefresh;
    QHash<int, QString> m_runStartedBy; // fixture -> the login that started its run
    QLabel *m_shift = nullptr;
    QAction *m_openRecipe = nullptr;
    QAction *m_startAll = nullptr;
    QAction *m_stopAll = nullptr;
    QAction *m_settings = nullptr;
    QAction *m_startSelected = nullptr;
    QAction *m_stopSelected = nullptr;
    QAction *m_nextTrouble = nullptr;
    QAction *m_previousTrouble = nullptr;
    QAction *m_keyboardHelp = nullptr;
    QAction *m_backToLine = nullptr;
    QList<QAction *> m_pageActions;
    ElidedLabel *m_attention = nullptr;
    QPushButton *m_attentionButton = nullptr;
    SerialScanFilter *m_scanFilter = nullptr;
    QHash<int, int> m_tileStates; // fixture -> FixtureModel::TileState last seen, for messages
    int m_pendingNumber = 0;
    QTimer m_numberTimer;
    QTimer m_shiftTimer;
    bool m_recordBroken = false;
    QSet<int> m_batch; // fixtures started since the line last fell idle
    bool m_shutDown = false;
};

} // namespace Station

// Sign-in and roles in the real window (docs/roles.md), tried as each role would: the first admin
// at the first start; a badge scanned like a keyboard-wedge scanner (Shift for capitals) and a
// PIN; what an operator, a technician, quality and an engineer may and may not do, each refusal
// naming the roles that may; a recipe that makes devices permanent approved once, by its SHA-256;
// the automatic sign-out after idle time, never while the user's run goes on; and the audit
// trail holding it all.

#include "models/fixturemodel.h"
#include "services/auth/accounts.h"
#include "services/auth/credentials.h"
#include "services/records/audittrail.h"
#include "services/records/recordstore.h"
#include "services/station/accountservice.h"
#include "services/station/station.h"
#include "simulatedline.h"
#include "tests/helpers/wedgescanner.h"
#include "tests/helpers/windowrecipe.h"
#include "ui/fixturegridwidget.h"
#include "ui/fixturetileview.h"
#include "ui/mainwindow.h"
#include "ui/messagearea.h"
#include "ui/permanentrecipedialog.h"
#include "ui/recordspage.h"
#include "ui/serialscanfilter.h"
#include "ui/signindialog.h"
#include "ui/usersdialog.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QStandardPaths>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QToolButton>
#include <QtTest>

using namespace Qt::Literals::StringLiterals;
using namespace Station;
using TileState = FixtureModel::TileState;

namespace {

constexpr int RunTimeout = 60000;

} // namespace

class tst_SignIn : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void firstStartCreatesTheAdmin();
    void badgeScannedWithShiftSignsIn();
    void knownBadgeIsNeverALabel();
    void eachRoleMayWhatTheMatrixSays();
    void rerunOfFailedDeviceNeedsTechnician();
    void permanentRecipeIsApprovedOnce();
    void idleSignOutWaitsForTheUsersRun();
    void adminManagesUsersInTheWindow();
    void plantAccountIsOnlyUnlockedHere();

private:
    struct Line
    {
        std::unique_ptr<SimulatedLine> sim;
        std::unique_ptr<MainWindow> window;
    };
    std::unique_ptr<Line> makeLine(int fixtures, const QString &timeScale = u"0"_s);
    // Users made directly in the record (as `sphere-station user add` would).
    void addUsers(const QString &recordPath);
    bool signIn(MainWindow &w, const QString &login, const QString &password);
    QStringList auditActions(const QString &recordPath, int last = 200);
    static TileState tileState(const MainWindow &w, int fixture)
    {
        return w.fixtureModel()
            ->indexOfFixture(fixture)
            .data(FixtureModel::TileStateRole)
            .value<TileState>();
    }

    std::unique_ptr<QTemporaryDir> m_settingsDir;
};

void tst_SignIn::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void tst_SignIn::init()
{
    m_settingsDir = std::make_unique<QTemporaryDir>();
    QSettings::setDefaultFormat(QSettings::IniFormat);
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_settingsDir->path());
}

void tst_SignIn::cleanup()
{
    m_settingsDir.reset();
}

std::unique_ptr<tst_SignIn::Line> tst_SignIn::makeLine(int fixtures, const QString &timeScale)
{
    auto line = std::make_unique<Line>();
    SimulatedLine::Options options;
    options.fixtures = fixtures;
    options.timeScale = timeScale;
    options.operatorName.clear();
    line->sim = std::make_unique<SimulatedLine>(options);
    if (Result<> opened = line->sim->open(); !opened)
        return nullptr;
    line->sim->station().setRequireSignIn(true);
    MainWindow::Options windowOptions;
    windowOptions.backendText = u"Simulator"_s;
    windowOptions.recipeFolder = SimulatedLine::recipe({});
    windowOptions.configPath = line->sim->directory() + u"/station.ini"_s;
    line->window = std::make_unique<MainWindow>(line->sim->station(), windowOptions);
    line->window->setPermanentConfirmation([](const Recipe &) { return true; });
    line->window->setCloseConfirmation([](int) { return true; });
    line->window->setAgainConfirmation([](const QString &) { return true; });
    line->window->resize(1280, 800);
    line->window->show();
    QApplication::setActiveWindow(line->window.get());
    if (!QTest::qWaitForWindowActive(line->window.get()))
        return nullptr;
    line->window->grid()->view()->setFocus();
    const MainWindow &window = *line->window;
    if (!QTest::qWaitFor(
            [&window, fixtures] {
                for (int f = 1; f <= fixtures; ++f) {
                    if (tileState(window, f) != TileState::Ready)
                        return false;
                }
                return true;
            },
            RunTimeout))
        return nullptr;
    return line;
}

void tst_SignIn::addUsers(const QString &recordPath)
{
    RecordStore record;
    QVERIFY(record.open(recordPath));
    Auth::Accounts accounts(record, u"test"_s);
    Auth::UserChange admin;
    admin.login = u"root"_s;
    admin.password = u"root-password"_s;
    auto root = accounts.createFirstAdmin(admin, u"test"_s);
    QVERIFY(root);
    const QList<std::tuple<QString, Auth::Role, QString>> users {
        {u"ana"_s, Auth::Role::Operator, u"SPH-Badge-42"_s},
        {u"tom"_s, Auth::Role::Technician, {}},
        {u"quinn"_s, Auth::Role::Quality, {}},
        {u"eve"_s, Auth::Role::Engineer, {}},
    };
    for (const auto &[login, role, badge] : users) {
        Auth::UserChange user;
        user.login = login;
        user.displayName = login.toUpper();
        user.role = role;
        user.password = login + u"-password"_s;
        if (!badge.isEmpty()) {
            user.badge = badge;
            user.pin = u"4711"_s;
        }
        QVERIFY(accounts.saveUser(*root, user));
    }
}

bool tst_SignIn::signIn(MainWindow &w, const QString &login, const QString &password)
{
    w.openSignIn();
    QPointer<SignInDialog> dialog = w.signInDialog();
    if (!dialog)
        return false;
    dialog->findChild<QTabWidget *>()->setCurrentIndex(1);
    dialog->loginField()->setText(login);
    dialog->passwordField()->setText(password);
    dialog->accept();
    // The check runs off the GUI thread; the dialog closes when it passed.
    return QTest::qWaitFor(
               [&dialog] { return dialog.isNull() || !dialog->errorText().isEmpty(); }, 10000)
        && dialog.isNull();
}

QStringList tst_SignIn::auditActions(const QString &recordPath, int last)
{
    QStringList actions;
    const auto entries = Audit::lastEntries(recordPath, last);
    if (!entries)
        return actions;
    for (const Audit::Entry &e : *entries)
        actions << u"%1 %2 %3"_s.arg(e.user.isEmpty() ? u"-"_s : e.user, e.action, e.target);
    return actions;
}

void tst_SignIn::firstStartCreatesTheAdmin()
{
    auto line = makeLine(1);
    QVERIFY(line);
    MainWindow &w = *line->window;
    QVERIFY(w.userButton()->text().contains(u"Sign in"_s));
    w.openSignIn();
    SignInDialog *dialog = w.signInDialog();
    QVERIFY(dialog);
    QVERIFY(dialog->repeatField()); // the first admin's form
    QTest::keyClicks(dialog->loginField(), u"root"_s);
    QTest::keyClicks(dialog->nameField(), u"Rita Root"_s);
    QTest::keyClicks(dialog->passwordField(), u"short"_s);
    QTest::keyClicks(dialog->repeatField(), u"short"_s);
    dialog->accept();
    QVERIFY(dialog->errorText().contains(u"8"_s)); // too short, said at once
    dialog->passwordField()->setText(u"long enough 1"_s);
    dialog->repeatField()->setText(u"long enough 1"_s);
    dialog->accept();
    QTRY_VERIFY(!w.signInDialog());
    QVERIFY(line->sim->station().user());
    QCOMPARE(line->sim->station().user()->role, Auth::Role::Admin);
    QVERIFY2(w.userButton()->text().contains(u"Rita Root"_s), qPrintable(w.userButton()->text()));
    QVERIFY(auditActions(line->sim->recordPath()).contains(u"root user-add root"_s));
    // Made and signed in with one form: the sign-in is in the trail too.
    QTRY_VERIFY(auditActions(line->sim->recordPath()).contains(u"root sign-in root"_s));
}

void tst_SignIn::badgeScannedWithShiftSignsIn()
{
    auto line = makeLine(2);
    QVERIFY(line);
    MainWindow &w = *line->window;
    addUsers(line->sim->recordPath());
    QVERIFY(openRecipeAndWait(w, SimulatedLine::recipe(u"quick.json"_s)) == false);
    // Nobody signed in: the tiles say so, and a scan anywhere is a badge.
    QVERIFY(!line->sim->station().startFixture(1));
    QVERIFY(w.fixtureModel()
                ->indexOfFixture(1)
                .data(FixtureModel::HintRole)
                .toString()
                .contains(u"Sign in"_s));
    w.grid()->view()->setFocus();
    scanLikeWedge(u"SPH-Badge-42"_s);
    QTRY_VERIFY(w.signInDialog());
    SignInDialog *dialog = w.signInDialog();
    QCOMPARE(dialog->badgeField()->text(), u"SPH-Badge-42"_s); // exactly, capitals and all
    QTRY_COMPARE(QApplication::focusWidget(), dialog->pinField());
    // A wrong PIN first: refused in the dialog, PIN cleared.
    QTest::keyClicks(dialog->pinField(), u"1111"_s, Qt::NoModifier, 120);
    QTRY_COMPARE(dialog->pinField()->text(), u"1111"_s);
    QTest::keyClick(dialog->pinField(), Qt::Key_Return);
    QTRY_VERIFY(!dialog->errorText().isEmpty());
    QVERIFY(dialog->pinField()->text().isEmpty());
    // The refusal's line does not squeeze the fields (seen under Xvfb before the dialog grew).
    QTRY_VERIFY(dialog->findChild<QLabel *>(u"signInError"_s)->isVisible());
    for (const QLineEdit *field : {dialog->badgeField(), dialog->pinField()}) {
        QVERIFY2(field->height() >= field->minimumSizeHint().height(),
            qPrintable(u"%1 < %2"_s.arg(field->height()).arg(field->minimumSizeHint().height())));
    }
    QTest::keyClicks(dialog->pinField(), u"4711"_s, Qt::NoModifier, 120);
    QTRY_COMPARE(dialog->pinField()->text(), u"4711"_s);
    QTest::keyClick(dialog->pinField(), Qt::Key_Return);
    QTRY_VERIFY(!w.signInDialog());
    QCOMPARE(line->sim->station().user()->login, u"ana"_s);
    QVERIFY(w.userButton()->text().contains(u"ANA"_s));

    QVERIFY(w.signOutAction()->isEnabled());
    const QStringList actions = auditActions(line->sim->recordPath());
    QVERIFY(actions.contains(u"- sign-in-refused ana"_s));
    QVERIFY(actions.contains(u"ana sign-in ana"_s));
}

// Without a badge pattern, a scan while someone is signed in is a device label, unless it is a
// badge the station knows: then it opens the sign-in (the next user of a shift change).
void tst_SignIn::knownBadgeIsNeverALabel()
{
    auto line = makeLine(2);
    QVERIFY(line);
    MainWindow &w = *line->window;
    addUsers(line->sim->recordPath());
    w.refreshBadges();
    QVERIFY(signIn(w, u"tom"_s, u"tom-password"_s));
    QVERIFY(openRecipeAndWait(w, SimulatedLine::recipe(u"quick.json"_s)));
    QTRY_VERIFY(w.knowsBadge(u"SPH-Badge-42"_s));
    QApplication::setActiveWindow(&w);
    QTRY_VERIFY(w.isActiveWindow());
    w.grid()->view()->setFocus();
    scanLikeWedge(u"SPH-Badge-42"_s);
    QTRY_VERIFY(w.signInDialog());
    QCOMPARE(w.signInDialog()->badgeField()->text(), u"SPH-Badge-42"_s);
    QTRY_COMPARE(QApplication::focusWidget(), w.signInDialog()->pinField());
    w.signInDialog()->pinField()->setText(u"4711"_s);
    w.signInDialog()->accept();
    QTRY_VERIFY(!w.signInDialog());
    QCOMPARE(line->sim->station().user()->login, u"ana"_s);
    // Not bound to a fixture as a label.
    for (const FixtureSnapshot &snapshot : line->sim->station().snapshots())
        QVERIFY2(snapshot.serialNumber != u"SPH-Badge-42"_s, qPrintable(snapshot.serialNumber));
    // The switch is in the trail (written on the accounts' thread).
    QTRY_VERIFY(auditActions(line->sim->recordPath()).contains(u"tom sign-out tom"_s));
    QVERIFY(auditActions(line->sim->recordPath()).contains(u"ana sign-in ana"_s));
    // An unknown scan is still a label for the next fixture.
    QApplication::setActiveWindow(&w);
    QTRY_VERIFY(w.isActiveWindow());
    w.grid()->view()->setFocus();
    scanLikeWedge(u"SPH-24-00077"_s);
    QTRY_VERIFY([&line] {
        const QList<FixtureSnapshot> snapshots = line->sim->station().snapshots();
        return std::any_of(snapshots.cbegin(), snapshots.cend(), [](const FixtureSnapshot &s) {
            return s.serialNumber == u"SPH-24-00077"_s;
        });
    }());
    QVERIFY(!w.signInDialog());
}

void tst_SignIn::eachRoleMayWhatTheMatrixSays()
{
    auto line = makeLine(2);
    QVERIFY(line);
    MainWindow &w = *line->window;
    StationController &station = line->sim->station();
    addUsers(line->sim->recordPath());
    const QString record = line->sim->recordPath();

    // Operator: may not load a recipe; the refusal names who may.
    QVERIFY(signIn(w, u"ana"_s, u"ana-password"_s));
    QCOMPARE(station.user()->role, Auth::Role::Operator);
    QVERIFY(!openRecipeAndWait(w, SimulatedLine::recipe(u"quick.json"_s)));
    QVERIFY2(w.messageArea()->latestText().contains(u"Technician, Engineer, Admin"_s),
        qPrintable(w.messageArea()->latestText()));
    w.settingsAction()->trigger();
    QVERIFY(w.messageArea()->latestText().contains(u"Engineer, Admin"_s));
    QVERIFY(!w.findChild<QDialog *>(u"settingsDialog"_s));

    // Technician loads it; the operator then starts and the run names her.
    QVERIFY(signIn(w, u"tom"_s, u"tom-password"_s));
    QCOMPARE(station.user()->login, u"tom"_s);
    QVERIFY(openRecipeAndWait(w, SimulatedLine::recipe(u"quick.json"_s)));
    QVERIFY(signIn(w, u"ana"_s, u"ana-password"_s));
    w.startFixture(1);
    QTRY_COMPARE_WITH_TIMEOUT(tileState(w, 1), TileState::Pass, RunTimeout);

    // Quality: may not start, may export.
    QVERIFY(signIn(w, u"quinn"_s, u"quinn-password"_s));
    QVERIFY(!station.startFixture(2));
    w.startFixture(2);
    QVERIFY2(w.messageArea()->latestText().contains(u"you are signed in as Quality"_s),
        qPrintable(w.messageArea()->latestText()));
    w.showPage(MainWindow::Page::Records);
    const QString csv = line->sim->directory() + u"/export.csv"_s;
    QSignalSpy exported(w.recordsPage(), &RecordsPage::exportFinished);
    QVERIFY(w.recordsPage()->startExport(csv, false));
    QTRY_COMPARE_WITH_TIMEOUT(exported.size(), 1, RunTimeout);
    QTRY_VERIFY(w.messageArea()->latestText().contains(u"made at audit entry #"_s));

    // Engineer: the settings open.
    QVERIFY(signIn(w, u"eve"_s, u"eve-password"_s));
    w.settingsAction()->trigger();
    QTRY_VERIFY(w.findChild<QDialog *>());

    const QStringList actions = auditActions(record);
    QVERIFY(
        actions.contains(u"tom recipe-load "_s) || !actions.filter(u"tom recipe-load"_s).isEmpty());
    QVERIFY(!actions.filter(u"ana run-start"_s).isEmpty());
    QVERIFY(!actions.filter(u"quinn export"_s).isEmpty());
    QVERIFY(!actions.filter(u"tom sign-out tom"_s).isEmpty()); // switched
    // What each was refused is in the trail too, with the permission or the device.
    QVERIFY(actions.contains(u"ana not-allowed load-recipe"_s));
    QVERIFY(actions.contains(u"ana not-allowed change-settings"_s));
    QVERIFY(!actions.filter(u"quinn start-refused"_s).isEmpty());
    // The run row names its operator as a signed-in user.
    station.shutdown();
    RecordStore store;
    QVERIFY(store.open(record));
    QVERIFY(Audit::verifyFile(record)->ok());
}

void tst_SignIn::rerunOfFailedDeviceNeedsTechnician()
{
    auto line = makeLine(1);
    QVERIFY(line);
    MainWindow &w = *line->window;
    StationController &station = line->sim->station();
    addUsers(line->sim->recordPath());
    QVERIFY(signIn(w, u"tom"_s, u"tom-password"_s));
    QVERIFY(openRecipeAndWait(w, SimulatedLine::recipe(u"quick.json"_s)));
    QVERIFY(signIn(w, u"ana"_s, u"ana-password"_s));
    QVERIFY(line->sim->setFault(1, {u"insufficient-space"_s}));
    w.startFixture(1);
    QTRY_COMPARE_WITH_TIMEOUT(tileState(w, 1), TileState::Fail, RunTimeout);
    QVERIFY(
        line->sim->sphereSim({u"fault"_s, u"clear"_s, u"--device"_s, SimulatedLine::devicePath(1)})
            .isSuccess());
    // The operator may not retest it until it passes.
    const Result<> again = station.startFixture(1);
    QVERIFY(!again);
    QVERIFY2(again.error().message.english().contains(u"failed this recipe"_s),
        qPrintable(again.error().message.english()));
    QVERIFY(again.error().message.english().contains(u"Technician"_s));
    // The technician may.
    QVERIFY(signIn(w, u"tom"_s, u"tom-password"_s));
    w.startFixture(1);
    QTRY_COMPARE_WITH_TIMEOUT(tileState(w, 1), TileState::Pass, RunTimeout);
}

void tst_SignIn::permanentRecipeIsApprovedOnce()
{
    auto line = makeLine(1);
    QVERIFY(line);
    MainWindow &w = *line->window;
    addUsers(line->sim->recordPath());
    // The station's own choice at start, nobody signed in: said plainly, not as an alarm.
    QVERIFY(!openRecipeAndWait(w,
        SimulatedLine::recipe(u"full.json"_s),
        std::chrono::seconds(120),
        MainWindow::LoadBy::Station));
    QVERIFY2(w.messageArea()->latestText().contains(u"not approved yet"_s),
        qPrintable(w.messageArea()->latestText()));
    QCOMPARE(w.messageArea()->messages().constFirst().severity, MessageArea::Severity::Info);
    // A technician may load recipes, but not approve one that makes devices permanent.
    QVERIFY(signIn(w, u"tom"_s, u"tom-password"_s));
    QVERIFY(!openRecipeAndWait(w, SimulatedLine::recipe(u"full.json"_s)));
    QVERIFY2(w.messageArea()->latestText().contains(u"not approved"_s),
        qPrintable(w.messageArea()->latestText()));
    // An engineer approves it, with a reason, in the approval form, and loads it.
    QVERIFY(signIn(w, u"eve"_s, u"eve-password"_s));
    // The form is modal (its own event loop): answered from a timer that looks for it.
    QTimer answer;
    answer.setInterval(20);
    connect(&answer, &QTimer::timeout, this, [&answer] {
        auto *dialog = qobject_cast<PermanentRecipeDialog *>(QApplication::activeModalWidget());
        if (!dialog)
            return;
        answer.stop();
        auto *reason = dialog->findChild<QLineEdit *>(u"approvalReason"_s);
        QVERIFY(reason);
        // Typed at a person's pace (keys faster than that are taken for a scanner's).
        QTest::keyClicks(reason, u"CR-2026-117"_s, Qt::NoModifier, 100);
        QTRY_COMPARE(reason->text(), u"CR-2026-117"_s);
        dialog->accept();
    });
    answer.start();
    QVERIFY2(openRecipeAndWait(w, SimulatedLine::recipe(u"full.json"_s)),
        qPrintable(w.messageArea()->latestText()));
    // Now approved: the technician loads it.
    QVERIFY(signIn(w, u"tom"_s, u"tom-password"_s));
    QVERIFY(openRecipeAndWait(w, SimulatedLine::recipe(u"full.json"_s)));
    const QStringList actions = auditActions(line->sim->recordPath());
    QCOMPARE(actions.filter(u"recipe-approve"_s).size(), 1);
    QVERIFY(!actions.filter(u"eve recipe-approve"_s).isEmpty());
}

void tst_SignIn::idleSignOutWaitsForTheUsersRun()
{
    // A run of several seconds (quick.json at 0.2), so it outlasts the idle time for sure.
    auto line = makeLine(1, u"0.2"_s);
    QVERIFY(line);
    MainWindow &w = *line->window;
    StationController &station = line->sim->station();
    addUsers(line->sim->recordPath());
    QVERIFY(signIn(w, u"tom"_s, u"tom-password"_s));
    QVERIFY(openRecipeAndWait(w, SimulatedLine::recipe(u"quick.json"_s)));
    w.startFixture(1);
    QTRY_VERIFY(station.isRunning(1));
    w.setIdleTimeout(std::chrono::milliseconds(300));
    // Idle for longer than that, but their run goes on: still signed in while it runs.
    QElapsedTimer idle;
    idle.start();
    QVERIFY(QTest::qWaitFor(
        [&] { return !station.isRunning(1) || idle.elapsed() > 1000; }, RunTimeout));
    QVERIFY2(station.isRunning(1), "the run ended before the idle time had passed three times");
    QVERIFY(station.user());
    QTRY_COMPARE_WITH_TIMEOUT(tileState(w, 1), TileState::Pass, RunTimeout);
    QTRY_VERIFY_WITH_TIMEOUT(!station.user(), 5000);
    // Said in the message strip (other messages, such as the run's end, may come after it).
    const QList<MessageArea::Message> &messages = w.messageArea()->messages();
    QVERIFY(std::any_of(messages.cbegin(), messages.cend(), [](const MessageArea::Message &m) {
        return m.text.contains(u"signed out"_s);
    }));
    QVERIFY(!auditActions(line->sim->recordPath()).filter(u"tom sign-out tom"_s).isEmpty());
}

void tst_SignIn::adminManagesUsersInTheWindow()
{
    auto line = makeLine(1);
    QVERIFY(line);
    MainWindow &w = *line->window;
    addUsers(line->sim->recordPath());
    // An engineer may not.
    QVERIFY(signIn(w, u"eve"_s, u"eve-password"_s));
    w.usersAction()->trigger();
    QVERIFY(!w.usersDialog());
    QVERIFY(w.messageArea()->latestText().contains(u"Admin"_s));
    // The admin adds a technician with a badge scanned into the form.
    QVERIFY(signIn(w, u"root"_s, u"root-password"_s));
    w.usersAction()->trigger();
    QTRY_VERIFY(w.usersDialog());
    UsersDialog *dialog = w.usersDialog();
    QTRY_COMPARE(dialog->table()->rowCount(), 5);
    dialog->findChild<QLineEdit *>(u"userLogin"_s)->setText(u"tia"_s);
    dialog->findChild<QLineEdit *>(u"userName"_s)->setText(u"Tia Tech"_s);
    auto *role = dialog->findChild<QComboBox *>(u"userRole"_s);
    role->setCurrentIndex(role->findData(u"technician"_s));
    QApplication::setActiveWindow(dialog);
    QTRY_VERIFY(dialog->isActiveWindow());
    dialog->findChild<QLineEdit *>(u"userLogin"_s)->setFocus();
    scanLikeWedge(u"BADGE-Tia-7"_s);
    QTRY_COMPARE(dialog->findChild<QLineEdit *>(u"userBadge"_s)->text(), u"BADGE-Tia-7"_s);
    dialog->findChild<QLineEdit *>(u"userPin"_s)->setText(u"2468"_s);
    dialog->save();
    QTRY_VERIFY2(dialog->statusText().startsWith(u"Saved"_s), qPrintable(dialog->statusText()));
    QTRY_COMPARE(dialog->table()->rowCount(), 6);
    dialog->reject();
    QTRY_VERIFY(!w.usersDialog());
    // She signs in with her badge.
    QVERIFY(w.signOutAction()->isEnabled());
    w.signOutAction()->trigger();
    QApplication::setActiveWindow(&w);
    QTRY_VERIFY(w.isActiveWindow());
    w.grid()->view()->setFocus();
    QTRY_COMPARE(QApplication::focusWidget(), w.grid()->view());
    scanLikeWedge(u"BADGE-Tia-7"_s);
    QTRY_VERIFY(w.signInDialog());
    w.signInDialog()->pinField()->setText(u"2468"_s);
    w.signInDialog()->accept();
    QTRY_VERIFY(!w.signInDialog());
    QCOMPARE(line->sim->station().user()->login, u"tia"_s);
    QCOMPARE(line->sim->station().user()->role, Auth::Role::Technician);
    QVERIFY(!auditActions(line->sim->recordPath()).filter(u"root user-add tia"_s).isEmpty());
}

void tst_SignIn::plantAccountIsOnlyUnlockedHere()
{
    auto line = makeLine(1);
    QVERIFY(line);
    MainWindow &w = *line->window;
    addUsers(line->sim->recordPath());
    {
        // A plant account as the relay caches it, locked out at this station.
        RecordStore record;
        QVERIFY(record.open(line->sim->recordPath()));
        UserRow pia;
        pia.login = u"pia"_s;
        pia.displayName = u"Pia Plant"_s;
        pia.role = u"technician"_s;
        pia.passwordHash = *Auth::hashPassword(u"plant-pass-1"_s);
        pia.active = true;
        pia.origin = u"plant"_s;
        pia.updated = QDateTime::currentDateTimeUtc();
        pia.failedAttempts = 5;
        pia.lockedUntil = QDateTime::currentDateTimeUtc().addSecs(600);
        RecordEvent cached;
        cached.kind = u"user-add"_s;
        cached.target = u"pia"_s;
        QVERIFY(record.saveUser(pia, cached));
    }
    QVERIFY(!signIn(w, u"pia"_s, u"plant-pass-1"_s));
    QTRY_VERIFY(w.signInDialog());
    w.signInDialog()->reject();
    QTRY_VERIFY(!w.signInDialog());
    QVERIFY(signIn(w, u"root"_s, u"root-password"_s));
    w.usersAction()->trigger();
    QTRY_VERIFY(w.usersDialog());
    UsersDialog *dialog = w.usersDialog();
    QTRY_COMPARE(dialog->table()->rowCount(), 6);
    int piaRow = -1;
    for (int r = 0; r < dialog->table()->rowCount(); ++r) {
        if (dialog->table()->item(r, 0)->text() == u"pia"_s)
            piaRow = r;
    }
    QVERIFY(piaRow >= 0);
    QVERIFY(dialog->table()->item(piaRow, 3)->text().contains(u"locked"_s));
    dialog->table()->selectRow(piaRow);
    // The account's own fields are the plant's; the status says so.
    QVERIFY(!dialog->findChild<QComboBox *>(u"userRole"_s)->isEnabled());
    QVERIFY(!dialog->findChild<QLineEdit *>(u"userPassword"_s)->isEnabled());
    QVERIFY(!dialog->findChild<QLineEdit *>(u"userBadge"_s)->isEnabled());
    QVERIFY2(dialog->statusText().contains(u"plant database"_s), qPrintable(dialog->statusText()));
    auto *unlock = dialog->findChild<QCheckBox *>(u"userUnlock"_s);
    QVERIFY(unlock && unlock->isEnabled());
    unlock->setChecked(true);
    dialog->save();
    QTRY_VERIFY2(dialog->statusText().startsWith(u"Saved"_s), qPrintable(dialog->statusText()));
    // "New user" gives the fields back.
    dialog->table()->clearSelection();
    dialog->reject();
    QTRY_VERIFY(!w.usersDialog());
    QVERIFY(!auditActions(line->sim->recordPath()).filter(u"root user-unlock pia"_s).isEmpty());
    QVERIFY(signIn(w, u"pia"_s, u"plant-pass-1"_s));
    QCOMPARE(line->sim->station().user()->role, Auth::Role::Technician);
}

QTEST_MAIN(tst_SignIn)
#include "tst_signin.moc"

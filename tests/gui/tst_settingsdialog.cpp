#include "models/fixtureconfigmodel.h"
#include "services/azsphere/azsphereclient.h"
#include "services/config/stationconfig.h"
#include "services/process/toolrunner.h"
#include "ui/settingsdialog.h"
#include "ui/translation.h"

#include <QAbstractItemModelTester>
#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFile>
#include <QFileInfo>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QSysInfo>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace std::chrono_literals;
using namespace Station;

namespace {

StationConfig sampleConfig()
{
    StationConfig config;
    config.backend = Backend::Simulator;
    config.stationName = u"LINE2-ST04"_s;
    config.operatorName = u"M. Keller"_s;
    config.recipeFolder = u"/srv/line/recipes"_s;
    config.defaultStepTimeout = std::chrono::seconds(240);
    config.stepTimeouts.insert(u"os-update"_s, std::chrono::minutes(15));
    config.toolEnvironment.insert(u"AZSPHERE_SIM_TIME_SCALE"_s, u"0.01"_s);
    config.fixtures = {{1, u"A1"_s, u"1211"_s, {}, u"/dev/ttyUSB0"_s},
        {2, u"A2"_s, u"1222"_s, {}, u"/dev/ttyUSB1"_s}};
    return config;
}

} // namespace

class tst_SettingsDialog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void roundTrip();
    void problemsBlockSave_data();
    void problemsBlockSave();
    void missingAndBrokenFiles();
    void systemDefaultShownSavedAsUsers();
    void plantDatabase();
    void signInSettings();
    void plantPasswordBlocksSave_data();
    void plantPasswordBlocksSave();
    void problemsInTheStationsLanguage();
    void fixtureModel();
    void checkAzsphere();
    void checkMissingAzsphere();
    void checkFailingAzsphere();
    void detectAttached();
    void realBackendNeverUsesSimulator();
    void handsFree();

private:
    template <typename T> T *child(const QString &name) const
    {
        T *found = m_dialog->findChild<T *>(name);
        if (!found)
            qWarning("no child %s", qPrintable(name));
        return found;
    }
    void simulator(const QStringList &arguments);
    QProcessEnvironment benchEnvironment() const;

    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_path;
    SettingsDialog *m_dialog = nullptr;
    const QString m_simBin = QStringLiteral(STATION_SIM_BIN_DIR);
    const QString m_sphereSim = QStringLiteral(STATION_BIN_DIR) + u"/sphere-sim"_s;
};

void tst_SettingsDialog::initTestCase()
{
    // The language goes to the user's settings: keep the test's apart from everyone else's.
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(u"SphereStationTests"_s);
    QCoreApplication::setApplicationName(u"tst_settingsdialog"_s);
    // English as the station shows it: with its plural forms ("3 devices").
    QVERIFY(Station::installTranslations(u"en"_s).has_value());
}

void tst_SettingsDialog::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_path = m_dir->filePath(u"station.ini"_s);
    QVERIFY(sampleConfig().save(m_path));
    QSettings().remove(u"ui/language"_s);
    m_dialog = new SettingsDialog;
    QVERIFY(m_dialog->load(m_path));
    m_dialog->show();
}

void tst_SettingsDialog::cleanup()
{
    delete m_dialog;
    m_dialog = nullptr;
    m_dir.reset();
}

void tst_SettingsDialog::simulator(const QStringList &arguments)
{
    ToolCall call;
    call.program = m_sphereSim;
    call.arguments = arguments;
    call.environment = benchEnvironment();
    call.timeout = std::chrono::seconds(60);
    const ToolResult result = ToolRunner::run(call);
    QVERIFY2(result.isSuccess(), qPrintable(result.commandLine + u'\n' + result.stdErrText()));
}

QProcessEnvironment tst_SettingsDialog::benchEnvironment() const
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"AZSPHERE_SIM_HOME"_s, m_dir->filePath(u"bench"_s));
    env.insert(u"AZSPHERE_SIM_TIME_SCALE"_s, u"0"_s);
    return env;
}

void tst_SettingsDialog::roundTrip()
{
    // The fields show the file.
    QCOMPARE(child<QLineEdit>(u"operatorName"_s)->text(), u"M. Keller"_s);
    QCOMPARE(child<QLineEdit>(u"stationName"_s)->text(), u"LINE2-ST04"_s);
    QVERIFY(child<QRadioButton>(u"backendSimulator"_s)->isChecked());
    QCOMPARE(child<QSpinBox>(u"defaultTimeout"_s)->value(), 240);
    QCOMPARE(m_dialog->config(), sampleConfig());
    QVERIFY(m_dialog->problems().isEmpty());

    // Change what a technician changes.
    child<QLineEdit>(u"operatorName"_s)->setText(u"J. Wang"_s);
    child<QRadioButton>(u"backendReal"_s)->click();
    child<QLineEdit>(u"azspherePath"_s)->setText(u"/opt/azurespheresdk/Tools_v2/azsphere"_s);
    auto *fixtures = child<QTableView>(u"fixtures"_s);
    QAbstractItemModel *model = fixtures->model();
    QVERIFY(model->setData(model->index(1, FixtureConfigModel::LabelColumn), u"B7"_s));
    child<QPushButton>(u"addFixture"_s)->click();
    QCOMPARE(model->rowCount(), 3);
    QVERIFY(
        model->setData(model->index(2, FixtureConfigModel::IpAddressColumn), u"192.168.35.4"_s));
    auto *language = child<QComboBox>(u"language"_s);
    language->setCurrentIndex(language->findData(u"de"_s));

    QSignalSpy saved(m_dialog, &SettingsDialog::saved);
    QSignalSpy chosen(m_dialog, &SettingsDialog::languageChosen);
    QDialogButtonBox *buttons = m_dialog->findChild<QDialogButtonBox *>();
    QVERIFY(buttons->button(QDialogButtonBox::Save)->isEnabled());
    buttons->button(QDialogButtonBox::Save)->click();
    QCOMPARE(saved.size(), 1);
    QCOMPARE(m_dialog->result(), int(QDialog::Accepted));
    QCOMPARE(chosen.size(), 1);
    QCOMPARE(chosen.at(0).at(0).toString(), u"de"_s);
    QCOMPARE(SettingsDialog::savedLanguage(), u"de"_s);

    // Reading the file back gives exactly what was edited, and nothing else changed.
    const Result<StationConfig> reloaded = StationConfig::load(m_path);
    QVERIFY(reloaded);
    StationConfig expected = sampleConfig();
    expected.operatorName = u"J. Wang"_s;
    expected.backend = Backend::Real;
    expected.azspherePath = u"/opt/azurespheresdk/Tools_v2/azsphere"_s;
    expected.fixtures[1].label = u"B7"_s;
    // A new fixture is numbered and labelled after the others.
    expected.fixtures.append({3, u"A3"_s, {}, u"192.168.35.4"_s, {}});
    QCOMPARE(reloaded->fixtures, expected.fixtures);
    QCOMPARE(*reloaded, expected);

    // And a new dialog shows it again.
    SettingsDialog again;
    QVERIFY(again.load(m_path));
    QCOMPARE(again.config(), expected);
    QCOMPARE(again.language(), u"de"_s);
}

void tst_SettingsDialog::problemsBlockSave_data()
{
    QTest::addColumn<int>("column");
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("problem");

    QTest::newRow("same connection path")
        << int(FixtureConfigModel::ConnectionPathColumn) << u"1211"_s
        << u"Fixture 2 has the same connection path 1211 as fixture 1."_s;
    QTest::newRow("not a location ID") << int(FixtureConfigModel::ConnectionPathColumn)
                                       << u"usb-1"_s << u"not an FTDI location ID"_s;
    QTest::newRow("same number") << int(FixtureConfigModel::NumberColumn) << u"1"_s
                                 << u"Fixture number 1 is used by 2 fixtures."_s;
}

void tst_SettingsDialog::problemsBlockSave()
{
    QFETCH(int, column);
    QFETCH(QString, value);
    QFETCH(QString, problem);

    const QByteArray before = [this] {
        QFile file(m_path);
        return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
    }();
    QAbstractItemModel *model = child<QTableView>(u"fixtures"_s)->model();
    QVERIFY(model->setData(model->index(1, column), value));

    // Shown as soon as it is made, before anyone presses Save.
    auto *panel = child<QWidget>(u"problemsPanel"_s);
    QVERIFY(panel->isVisible());
    QVERIFY2(child<QLabel>(u"problems"_s)->text().contains(problem.toHtmlEscaped()),
        qPrintable(child<QLabel>(u"problems"_s)->text()));
    QDialogButtonBox *buttons = m_dialog->findChild<QDialogButtonBox *>();
    QVERIFY(!buttons->button(QDialogButtonBox::Save)->isEnabled());
    QVERIFY(!m_dialog->save());
    QFile file(m_path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), before);

    // Fixed: the panel goes away and Save works.
    QVERIFY(model->setData(
        model->index(1, column), column == FixtureConfigModel::NumberColumn ? u"2"_s : u"1222"_s));
    QVERIFY(panel->isHidden());
    QVERIFY(buttons->button(QDialogButtonBox::Save)->isEnabled());
    QVERIFY(m_dialog->save());
}

void tst_SettingsDialog::missingAndBrokenFiles()
{
    SettingsDialog dialog;
    QVERIFY(dialog.load(m_dir->filePath(u"new.ini"_s)));
    QCOMPARE(dialog.config(), StationConfig());
    QVERIFY(dialog.save());
    QVERIFY(QFileInfo::exists(m_dir->filePath(u"new.ini"_s)));

    const QString broken = m_dir->filePath(u"broken.ini"_s);
    QFile file(broken);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("[station]\ndefaultStepTimeoutMs=-5\n[fixtures]\n1\\number=x\nsize=1\n");
    file.close();
    SettingsDialog brokenDialog;
    brokenDialog.show();
    QVERIFY(!brokenDialog.load(broken));
    auto *problems = brokenDialog.findChild<QLabel *>(u"problems"_s);
    QVERIFY(problems->text().contains(u"broken.ini"_s));
}

// While the user has no configuration, the dialog shows the system-wide default (the package's
// /etc/sphere-station/station.ini) and saves to the user's file; the default is left as it was.
void tst_SettingsDialog::systemDefaultShownSavedAsUsers()
{
    const QString system = m_dir->filePath(u"system.ini"_s);
    const QByteArray systemText = "[station]\nname=LINE9-ST01\n";
    {
        QFile file(system);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(systemText);
    }
    const QString user = m_dir->filePath(u"user.ini"_s);
    SettingsDialog dialog;
    QVERIFY(dialog.load(user, system));
    QCOMPARE(dialog.path(), user);
    QCOMPARE(dialog.config().stationName, u"LINE9-ST01"_s);
    QVERIFY(dialog.save());
    const auto saved = StationConfig::load(user);
    QVERIFY(saved.has_value());
    QCOMPARE(saved->stationName, u"LINE9-ST01"_s);
    QFile file(system);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), systemText);

    // Once the user has a file, it is shown, not the default.
    {
        QFile userFile(user);
        QVERIFY(userFile.open(QIODevice::WriteOnly | QIODevice::Truncate));
        userFile.write("[station]\nname=MINE\n");
    }
    SettingsDialog again;
    QVERIFY(again.load(user, system));
    QCOMPARE(again.config().stationName, u"MINE"_s);
}

// The [plant] section as docs/plant.md shows it: its three fields, the station ID's fallback,
// and back to the file.
void tst_SettingsDialog::plantDatabase()
{
    {
        QFile file(m_path);
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.write(
            "[station]\nname=LINE2-ST04\n\n[plant]\n"
            "connection=\"host=plant-db dbname=plant user=station_l2s1 sslmode=verify-full\"\n"
            "station=L2-S1\n"
            "readConnection=\"host=plant-db dbname=plant user=quality_l2 "
            "sslmode=verify-full\"\n");
    }
    QVERIFY(m_dialog->load(m_path));
    auto *connection = child<QLineEdit>(u"plantConnection"_s);
    auto *stationId = child<QLineEdit>(u"plantStationId"_s);
    auto *readConnection = child<QLineEdit>(u"plantReadConnection"_s);
    QCOMPARE(
        connection->text(), u"host=plant-db dbname=plant user=station_l2s1 sslmode=verify-full"_s);
    QCOMPARE(stationId->text(), u"L2-S1"_s);
    QCOMPARE(readConnection->text(),
        u"host=plant-db dbname=plant user=quality_l2 sslmode=verify-full"_s);
    QVERIFY(m_dialog->problems().isEmpty());
    QVERIFY(child<QLabel>(u"plantPasswordHint"_s)->text().contains(u".pgpass"_s));

    // Without an ID of its own the station delivers under its name, which the field shows.
    stationId->clear();
    QVERIFY2(stationId->placeholderText().contains(u"LINE2-ST04"_s),
        qPrintable(stationId->placeholderText()));
    child<QLineEdit>(u"stationName"_s)->setText(u"LINE2-ST05"_s);
    QVERIFY(stationId->placeholderText().contains(u"LINE2-ST05"_s));
    child<QLineEdit>(u"stationName"_s)->clear();
    QVERIFY(stationId->placeholderText().contains(QSysInfo::machineHostName()));

    child<QLineEdit>(u"stationName"_s)->setText(u"LINE2-ST04"_s);
    connection->setText(u"  service=plant-line2  "_s);
    stationId->setText(u"LINE2-PC1"_s);
    readConnection->clear();
    QVERIFY(m_dialog->save());

    const Result<StationConfig> reloaded = StationConfig::load(m_path);
    QVERIFY(reloaded);
    QCOMPARE(reloaded->plantConnection, u"service=plant-line2"_s);
    QCOMPARE(reloaded->plantStationId, u"LINE2-PC1"_s);
    QCOMPARE(reloaded->plantReadConnection, QString());
    QCOMPARE(reloaded->stationName, u"LINE2-ST04"_s);
    // Under the keys the station reads.
    QSettings ini(m_path, QSettings::IniFormat);
    QCOMPARE(ini.value(u"plant/connection"_s).toString(), u"service=plant-line2"_s);
    QCOMPARE(ini.value(u"plant/station"_s).toString(), u"LINE2-PC1"_s);

    SettingsDialog again;
    QVERIFY(again.load(m_path));
    QCOMPARE(again.config(), *reloaded);
    QCOMPARE(again.findChild<QLineEdit *>(u"plantConnection"_s)->text(), u"service=plant-line2"_s);
}

void tst_SettingsDialog::signInSettings()
{
    {
        QFile file(m_path);
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.write("[auth]\nidleMinutes=20\nbadgePattern=\"^SPH-Badge-\\\\d+$\"\n");
    }
    QVERIFY(m_dialog->load(m_path));
    auto *idle = child<QSpinBox>(u"idleMinutes"_s);
    auto *pattern = child<QLineEdit>(u"badgePattern"_s);
    auto *tryScan = child<QLineEdit>(u"badgeTry"_s);
    auto *result = child<QLabel>(u"badgeTryResult"_s);
    QCOMPARE(idle->value(), 20);
    QCOMPARE(pattern->text(), u"^SPH-Badge-\\d+$"_s);
    QVERIFY(m_dialog->problems().isEmpty());

    // Trying a scan against the pattern says what the station would do with it.
    QVERIFY(result->text().isEmpty());
    tryScan->setText(u"SPH-Badge-42"_s);
    QVERIFY2(result->text().contains(u"A badge"_s), qPrintable(result->text()));
    tryScan->setText(u"SPH-24-00001"_s);
    QVERIFY2(result->text().contains(u"No match"_s), qPrintable(result->text()));

    // A broken pattern is a problem that blocks saving, and the try field says why.
    pattern->setText(u"SPH-(Badge"_s);
    QVERIFY(result->text().contains(u"not a valid regular expression"_s));
    QVERIFY(!m_dialog->problems().isEmpty());
    QVERIFY(!m_dialog->save());

    // 0 minutes shows as "Never"; both are saved under the keys the station reads.
    pattern->setText(u"^B\\d{6}$"_s);
    idle->setValue(0);
    QCOMPARE(idle->text(), u"Never"_s);
    QVERIFY(m_dialog->save());
    const Result<StationConfig> reloaded = StationConfig::load(m_path);
    QVERIFY(reloaded);
    QCOMPARE(reloaded->idleMinutes, 0);
    QCOMPARE(reloaded->badgePattern, u"^B\\d{6}$"_s);
    QSettings ini(m_path, QSettings::IniFormat);
    QCOMPARE(ini.value(u"auth/idleMinutes"_s).toInt(), 0);
    QCOMPARE(ini.value(u"auth/badgePattern"_s).toString(), u"^B\\d{6}$"_s);
    QCOMPARE(idle->maximum(), 24 * 60);
}

void tst_SettingsDialog::plantPasswordBlocksSave_data()
{
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("problem");

    QTest::newRow("connection") << u"plantConnection"_s
                                << u"host=plant-db dbname=plant user=station_l2s1 password=x1"_s
                                << u"The plant connection names a password"_s;
    QTest::newRow("read connection")
        << u"plantReadConnection"_s << u"PASSWORD = x1 host=plant-db user=quality_l2"_s
        << u"The plant read connection names a password"_s;
}

// A password typed into either connection is shown at once and never saved.
void tst_SettingsDialog::plantPasswordBlocksSave()
{
    QFETCH(QString, field);
    QFETCH(QString, value);
    QFETCH(QString, problem);

    const QByteArray before = [this] {
        QFile file(m_path);
        return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
    }();
    QSignalSpy saved(m_dialog, &SettingsDialog::saved);
    child<QLineEdit>(field)->setText(value);

    auto *panel = child<QWidget>(u"problemsPanel"_s);
    QVERIFY(panel->isVisible());
    QVERIFY2(child<QLabel>(u"problems"_s)->text().contains(problem),
        qPrintable(child<QLabel>(u"problems"_s)->text()));
    QVERIFY(child<QLabel>(u"problems"_s)->text().contains(u".pgpass"_s));
    QDialogButtonBox *buttons = m_dialog->findChild<QDialogButtonBox *>();
    QVERIFY(!buttons->button(QDialogButtonBox::Save)->isEnabled());
    QVERIFY(!m_dialog->save());
    QCOMPARE(saved.size(), 0);
    QFile file(m_path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray after = file.readAll();
    QCOMPARE(after, before);
    QVERIFY(!after.contains("x1"));

    // Without the password it saves.
    child<QLineEdit>(field)->setText(u"host=plant-db dbname=plant user=station_l2s1"_s);
    QVERIFY(panel->isHidden());
    QVERIFY(m_dialog->save());
    QCOMPARE(saved.size(), 1);
}

// The panel shows the problems in the language the station runs in; the configuration's own
// list (for logs and the refusal at start-up) stays English.
void tst_SettingsDialog::problemsInTheStationsLanguage()
{
    QVERIFY(Station::installTranslations(u"de"_s).has_value());
    child<QLineEdit>(u"plantConnection"_s)->setText(u"host=plant-db password=x1"_s);
    QAbstractItemModel *model = child<QTableView>(u"fixtures"_s)->model();
    QVERIFY(model->setData(model->index(1, FixtureConfigModel::NumberColumn), u"1"_s));
    const QString shown = child<QLabel>(u"problems"_s)->text();
    QVERIFY(Station::installTranslations(u"en"_s).has_value());
    QVERIFY2(shown.contains(u"Die Verbindung zum Werk enthält ein Passwort"_s), qPrintable(shown));
    QVERIFY2(shown.contains(u"Prüfplatznummer 1"_s), qPrintable(shown));
    QVERIFY(!shown.contains(u"names a password"_s));
    QCOMPARE(m_dialog->problems(),
        QStringList({u"The plant connection names a password: keep it in .pgpass, PGPASSFILE or "
                     "a service file, never in the station's settings."_s,
            u"Fixture number 1 is used by 2 fixtures."_s}));
}

void tst_SettingsDialog::fixtureModel()
{
    FixtureConfigModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setFixtures(sampleConfig().fixtures);
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.addFixture(), 2);
    QCOMPARE(model.fixtures().at(2).number, 3);
    QCOMPARE(model.fixtures().at(2).label, u"A3"_s);
    QVERIFY(!model.setData(model.index(0, FixtureConfigModel::NumberColumn), u"one"_s));
    QVERIFY(model.setData(model.index(0, FixtureConfigModel::UartPortColumn), u" /dev/ttyS0 "_s));
    QCOMPARE(model.fixtures().at(0).uartPort, u"/dev/ttyS0"_s);
    QVERIFY(model.insertRows(0, 2));
    QCOMPARE(model.rowCount(), 5);
    QCOMPARE(model.fixtures().at(0).number, 4);
    QCOMPARE(model.fixtures().at(1).number, 5);
    QVERIFY(model.removeRows(0, 2));
    QVERIFY(!model.removeRows(3, 1));
    QCOMPARE(model.rowCount(), 3);
    QVERIFY(model.flags(model.index(0, 0)) & Qt::ItemIsEditable);
}

void tst_SettingsDialog::checkAzsphere()
{
    QVERIFY(QFileInfo(m_simBin + u"/azsphere"_s).isExecutable());
    QVERIFY(QFileInfo(m_sphereSim).isExecutable());
    simulator({u"bench"_s, u"create"_s, u"--devices"_s, u"1"_s, u"--seed"_s, u"settings"_s});
    m_dialog->setToolEnvironment(benchEnvironment());
    child<QRadioButton>(u"backendReal"_s)->click();
    child<QLineEdit>(u"azspherePath"_s)->setText(m_simBin + u"/azsphere"_s);

    QSignalSpy checked(m_dialog, &SettingsDialog::azsphereChecked);
    child<QPushButton>(u"checkAzsphere"_s)->click();
    // Off the GUI thread: the dialog answers while the tool runs.
    QVERIFY(m_dialog->isChecking());
    QVERIFY(!child<QPushButton>(u"checkAzsphere"_s)->isEnabled());
    QVERIFY(checked.wait(30000));
    QVERIFY2(checked.at(0).at(0).toBool(), qPrintable(checked.at(0).at(1).toString()));
    QCOMPARE(checked.at(0).at(1).toString(), u"25.10.0.1"_s);
    QCOMPARE(child<QLabel>(u"azsphereStatus"_s)->text(), u"azsphere: 25.10.0.1"_s);
    QVERIFY(child<QLabel>(u"azsphereStatus"_s)->toolTip().contains(u"show-version"_s));
    QVERIFY(child<QPushButton>(u"checkAzsphere"_s)->isEnabled());

    // The same check with az sphere chosen: its own path field, its versions.
    auto *cli = child<QComboBox>(u"cli"_s);
    cli->setCurrentIndex(cli->findData(u"az"_s));
    QVERIFY(!child<QLineEdit>(u"azspherePath"_s)->isEnabled());
    QVERIFY(child<QLineEdit>(u"azPath"_s)->isEnabled());
    child<QLineEdit>(u"azPath"_s)->setText(m_simBin + u"/az"_s);
    child<QPushButton>(u"checkAzsphere"_s)->click();
    QVERIFY(checked.wait(30000));
    QVERIFY2(checked.at(1).at(0).toBool(), qPrintable(checked.at(1).at(1).toString()));
    QCOMPARE(child<QLabel>(u"azsphereStatus"_s)->text(),
        u"az sphere: azure-cli 2.75.0, azure-sphere 1.0.4, SDK 25.10.0.1"_s);
    QCOMPARE(m_dialog->config().cli, ToolDialect::Az);
    QCOMPARE(m_dialog->config().azPath, m_simBin + u"/az"_s);
}

void tst_SettingsDialog::checkMissingAzsphere()
{
    child<QRadioButton>(u"backendReal"_s)->click();
    child<QLineEdit>(u"azspherePath"_s)->setText(m_dir->filePath(u"no/azsphere"_s));
    QSignalSpy checked(m_dialog, &SettingsDialog::azsphereChecked);
    child<QPushButton>(u"checkAzsphere"_s)->click();
    QCOMPARE(checked.size(), 1);
    QVERIFY(!checked.at(0).at(0).toBool());
    QVERIFY2(child<QLabel>(u"azsphereStatus"_s)->text().contains(u"was not found"_s),
        qPrintable(child<QLabel>(u"azsphereStatus"_s)->text()));
    QCOMPARE(checked.at(0).at(1).toString(), child<QLabel>(u"azsphereStatus"_s)->text());
}

// An azsphere that runs but fails: the signal carries the error the status shows, not a
// version.
void tst_SettingsDialog::checkFailingAzsphere()
{
    const QString failing = m_dir->filePath(u"azsphere"_s);
    QFile script(failing);
    QVERIFY(script.open(QIODevice::WriteOnly));
    script.write("#!/bin/sh\necho 'ERROR: the SDK is broken' >&2\nexit 1\n");
    script.close();
    QVERIFY(script.setPermissions(
        QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner));
    child<QRadioButton>(u"backendReal"_s)->click();
    child<QLineEdit>(u"azspherePath"_s)->setText(failing);

    QSignalSpy checked(m_dialog, &SettingsDialog::azsphereChecked);
    child<QPushButton>(u"checkAzsphere"_s)->click();
    QVERIFY(checked.wait(30000));
    QCOMPARE(checked.size(), 1);
    QVERIFY(!checked.at(0).at(0).toBool());
    const QString status = child<QLabel>(u"azsphereStatus"_s)->text();
    QVERIFY(!status.isEmpty());
    QVERIFY2(!status.startsWith(u"Azure Sphere SDK"_s), qPrintable(status));
    QCOMPARE(checked.at(0).at(1).toString(), status);
    QVERIFY(child<QLabel>(u"azsphereStatus"_s)->toolTip().contains(u"the SDK is broken"_s));
}

void tst_SettingsDialog::detectAttached()
{
    simulator({u"bench"_s, u"create"_s, u"--devices"_s, u"3"_s, u"--seed"_s, u"settings"_s});
    const QString azsphere = m_simBin + u"/azsphere"_s;
    AzsphereClient client(ToolDialect::Azsphere, azsphere, benchEnvironment());
    const auto attached = client.listAttached();
    QVERIFY(attached.isSuccess());
    QCOMPARE(attached.value->size(), 3);
    QStringList paths;
    for (const AttachedDevice &device : *attached.value)
        paths << device.connectionPath;
    paths.sort();

    // Fixture 1 already has the first device's port; fixture 2 has none yet.
    StationConfig config = sampleConfig();
    config.azspherePath = azsphere;
    config.fixtures = {{1, u"A1"_s, paths.at(0), {}, {}}, {2, u"A2"_s, {}, {}, {}}};
    m_dialog->setConfig(config);
    m_dialog->setToolEnvironment(benchEnvironment());
    QVERIFY(!m_dialog->problems().isEmpty()); // fixture 2 matches no device yet

    QSignalSpy finished(m_dialog, &SettingsDialog::detectFinished);
    child<QPushButton>(u"detectAttached"_s)->click();
    QVERIFY(finished.wait(30000));
    QVERIFY(finished.at(0).at(0).toBool());
    QCOMPARE(finished.at(0).at(1).toInt(), 3);
    QCOMPARE(finished.at(0).at(2).toInt(), 2);
    const QList<FixtureConfig> fixtures = m_dialog->config().fixtures;
    QCOMPARE(fixtures.size(), 3);
    QCOMPARE(fixtures.at(0).connectionPath, paths.at(0));
    QCOMPARE(fixtures.at(1).connectionPath, paths.at(1));
    QCOMPARE(fixtures.at(2).connectionPath, paths.at(2));
    QCOMPARE(fixtures.at(2).number, 3);
    QVERIFY(m_dialog->problems().isEmpty());
    QVERIFY(child<QLabel>(u"detectStatus"_s)->text().contains(u"3 devices"_s));

    // Again: everything is mapped already, nothing changes.
    child<QPushButton>(u"detectAttached"_s)->click();
    QVERIFY(finished.wait(30000));
    QCOMPARE(finished.at(1).at(2).toInt(), 0);
    QCOMPARE(m_dialog->config().fixtures, fixtures);
}

void tst_SettingsDialog::realBackendNeverUsesSimulator()
{
    // The station runs on the simulator: the dialog knows its folder. Even with that folder on
    // the PATH, "real devices" without a path neither checks nor detects the simulator.
    const QByteArray path = qgetenv("PATH");
    qputenv("PATH", QFile::encodeName(m_simBin) + ':' + path);
    m_dialog->setToolSearchPaths({m_simBin});
    m_dialog->setToolEnvironment(benchEnvironment());
    child<QRadioButton>(u"backendReal"_s)->click();
    child<QLineEdit>(u"azspherePath"_s)->clear();

    QSignalSpy checked(m_dialog, &SettingsDialog::azsphereChecked);
    child<QPushButton>(u"checkAzsphere"_s)->click();
    QCOMPARE(checked.size(), 1);
    QVERIFY(!checked.at(0).at(0).toBool());
    QVERIFY2(child<QLabel>(u"azsphereStatus"_s)->text().contains(u"simulator"_s),
        qPrintable(child<QLabel>(u"azsphereStatus"_s)->text()));
    QVERIFY(!m_dialog->isChecking());

    QSignalSpy detected(m_dialog, &SettingsDialog::detectFinished);
    child<QPushButton>(u"detectAttached"_s)->click();
    QCOMPARE(detected.size(), 1);
    QVERIFY(!detected.at(0).at(0).toBool());
    QVERIFY(child<QLabel>(u"detectStatus"_s)->text().contains(u"simulator"_s));

    // Without the folder on the PATH: not found, and still not the simulator's.
    qputenv("PATH", path);
    child<QPushButton>(u"checkAzsphere"_s)->click();
    QCOMPARE(checked.size(), 2);
    QVERIFY(!checked.at(1).at(0).toBool());

    // The simulator back end does use it.
    child<QRadioButton>(u"backendSimulator"_s)->click();
    simulator({u"bench"_s, u"create"_s, u"--devices"_s, u"1"_s, u"--seed"_s, u"settings"_s});
    child<QPushButton>(u"checkAzsphere"_s)->click();
    QVERIFY(checked.wait(30000));
    QVERIFY2(checked.at(2).at(0).toBool(), qPrintable(checked.at(2).at(1).toString()));
}

// Hands-free (#16): off by default, one checkbox and its settle time, saved and shown again.
void tst_SettingsDialog::handsFree()
{
    auto *on = child<QCheckBox>(u"handsFree"_s);
    auto *settle = child<QDoubleSpinBox>(u"handsFreeSettle"_s);
    QVERIFY(!on->isChecked());
    QVERIFY(!settle->isEnabled());
    QCOMPARE(settle->value(), 1.0);
    on->setChecked(true);
    QVERIFY(settle->isEnabled());
    settle->setValue(2.5);
    QVERIFY(m_dialog->problems().isEmpty());
    QVERIFY(m_dialog->save());

    const Result<StationConfig> reloaded = StationConfig::load(m_path);
    QVERIFY(reloaded);
    QVERIFY(reloaded->handsFree);
    QCOMPARE(reloaded->handsFreeSettle, 2500ms);
    StationConfig expected = sampleConfig();
    expected.handsFree = true;
    expected.handsFreeSettle = 2500ms;
    QCOMPARE(*reloaded, expected);

    SettingsDialog again;
    QVERIFY(again.load(m_path));
    QVERIFY(again.findChild<QCheckBox *>(u"handsFree"_s)->isChecked());
    QCOMPARE(again.findChild<QDoubleSpinBox *>(u"handsFreeSettle"_s)->value(), 2.5);
    QCOMPARE(again.config(), expected);
}

QTEST_MAIN(tst_SettingsDialog)
#include "tst_settingsdialog.moc"

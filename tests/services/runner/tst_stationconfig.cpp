#include "services/config/stationconfig.h"
#include "tests/helpers/hostilefiles.h"

#include <QDir>
#include <QFile>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace std::chrono_literals;
using Station::Backend;
using Station::ErrorCode;
using Station::FixtureConfig;
using Station::StationConfig;

namespace {

FixtureConfig makeFixture(int number,
    const QString &label,
    const QString &connectionPath,
    const QString &ip = {},
    const QString &uart = {})
{
    FixtureConfig fixture;
    fixture.number = number;
    fixture.label = label;
    fixture.connectionPath = connectionPath;
    fixture.ipAddress = ip;
    fixture.uartPort = uart;
    return fixture;
}

StationConfig fullConfig()
{
    StationConfig config;
    config.backend = Backend::Real;
    config.azspherePath = u"/opt/azurespheresdk/Tools_v2/azsphere"_s;
    config.rfSettingsToolPath = u"/opt/Rf Tools/RfSettingsTool"_s;
    config.rfToolCliPath = u"/opt/Rf Tools/RfToolCli"_s;
    config.toolEnvironment = {{u"AZSPHERE_SIM_TIME_SCALE"_s, u"0.01"_s},
        {u"LANG"_s, u"C.UTF-8"_s},
        {u"EMPTY"_s, QString()}};
    config.stationName = u"Line 3, PC 1"_s;
    config.operatorName = u"Zoë Müller"_s;
    config.recipeFolder = u"/srv/recipes"_s;
    config.recordSyncEveryWrite = true;
    config.recordFile = u"/srv/records/station.sqlite"_s;
    config.logFolder = u"/var/log/sphere station"_s;
    config.defaultStepTimeout = 90s;
    config.stepTimeouts = {{u"recover"_s, 600s}, {u"sideload"_s, 120500ms}};
    config.uartPortPattern = u"/dev/ttyUSB*"_s;
    config.uartBaudRate = 921600;
    config.plantReadConnection = u"host=db.plant.example dbname=plant user=line_reader"_s;
    config.handsFree = true;
    config.handsFreeSettle = 2500ms;
    config.fixtures = {makeFixture(1, u"A1"_s, u"1243"_s, {}, u"/dev/ttyUSB1"_s),
        makeFixture(2, u"A2"_s, u"12113"_s, u"192.168.35.3"_s, u"/dev/ttyUSB3"_s),
        makeFixture(7, u"Bench \"left\""_s, QString(), u"192.168.35.2"_s)};
    return config;
}

void writeText(const QString &path, const QByteArray &text)
{
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(text);
}

} // namespace

class tst_StationConfig : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();

    void roundTrip_data();
    void roundTrip();
    void saveReplacesOldContent();
    void handWrittenFile();
    void loadMissingFile();
    void loadInvalidValues_data();
    void loadInvalidValues();
    void saveToUnwritablePlace();
    void validation_data();
    void validation();
    void fixtureLookup();
    void stepTimeouts();
    void toolEnvironment();
    void resolveToolPath_data();
    void resolveToolPath();
    void programsFromConfig();
    void backendNames();
    void backendSelection_data();
    void backendSelection();
    void notAnIniFile_data();
    void notAnIniFile();
    void acceptedIniForms();
    void controlCharactersInNames_data();
    void controlCharactersInNames();
    void hostileFiles_data();
    void hostileFiles();
    void defaultPath();
    void pathToRead_data();
    void pathToRead();
    void plantReadConnection();
    void handsFreeSettleRange();

private:
    QString path(const QString &name) const { return m_dir->filePath(name); }

    std::unique_ptr<QTemporaryDir> m_dir;
};

void tst_StationConfig::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void tst_StationConfig::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

void tst_StationConfig::roundTrip_data()
{
    QTest::addColumn<StationConfig>("config");
    QTest::newRow("defaults") << StationConfig();
    QTest::newRow("everything set") << fullConfig();
    StationConfig noFixtures = fullConfig();
    noFixtures.fixtures.clear();
    noFixtures.toolEnvironment.clear();
    noFixtures.stepTimeouts.clear();
    QTest::newRow("no fixtures, no maps") << noFixtures;
}

void tst_StationConfig::roundTrip()
{
    QFETCH(StationConfig, config);
    const QString file = path(u"sub/dir/station.ini"_s);
    const Station::Result<> saved = config.save(file);
    QVERIFY2(saved.has_value(), qPrintable(saved ? QString() : saved.error().message));
    const Station::Result<StationConfig> loaded = StationConfig::load(file);
    QVERIFY2(loaded.has_value(), qPrintable(loaded ? QString() : loaded.error().message));
    QCOMPARE(loaded->fixtures, config.fixtures);
    QCOMPARE(loaded->toolEnvironment, config.toolEnvironment);
    QVERIFY(*loaded == config);
}

void tst_StationConfig::saveReplacesOldContent()
{
    const QString file = path(u"station.ini"_s);
    QVERIFY(fullConfig().save(file).has_value());
    StationConfig smaller;
    smaller.fixtures = {makeFixture(1, u"only"_s, u"1211"_s)};
    QVERIFY(smaller.save(file).has_value());
    const auto loaded = StationConfig::load(file);
    QVERIFY(loaded.has_value());
    QVERIFY(*loaded == smaller);
    QVERIFY(loaded->toolEnvironment.isEmpty());
}

void tst_StationConfig::handWrittenFile()
{
    // What a technician would type; unknown keys are ignored, missing ones take defaults.
    const QString file = path(u"hand.ini"_s);
    writeText(file,
        "[station]\n"
        "backend = Real\n"
        "name = Line 3, PC 1\n"
        "unknownKey = whatever\n"
        "[tools]\n"
        "azsphere = /usr/bin/azsphere\n"
        "[toolEnvironment]\n"
        "AZSPHERE_SIM_TIME_SCALE = 0.5\n"
        "[stepTimeoutsMs]\n"
        "recover = 600000\n"
        "[fixtures]\n"
        "size = 2\n"
        "1\\number = 3\n"
        "1\\label = Left\n"
        "1\\connectionPath = 1243\n"
        "2\\label = Right\n"
        "2\\ipAddress = 192.168.35.2\n");
    const auto loaded = StationConfig::load(file);
    QVERIFY2(loaded.has_value(), qPrintable(loaded ? QString() : loaded.error().message));
    QCOMPARE(loaded->backend, Backend::Real);
    QCOMPARE(loaded->stationName, u"Line 3, PC 1"_s);
    QCOMPARE(loaded->azspherePath, u"/usr/bin/azsphere"_s);
    QCOMPARE(loaded->toolEnvironment.value(u"AZSPHERE_SIM_TIME_SCALE"_s), u"0.5"_s);
    QCOMPARE(loaded->stepTimeout(u"recover"_s), 600s);
    QCOMPARE(loaded->defaultStepTimeout, StationConfig().defaultStepTimeout);
    QCOMPARE(loaded->uartBaudRate, 115200);
    QVERIFY(!loaded->handsFree); // off by default
    QCOMPARE(loaded->handsFreeSettle, 1000ms);
    QCOMPARE(loaded->fixtures.size(), 2);
    QCOMPARE(loaded->fixtures.at(0), makeFixture(3, u"Left"_s, u"1243"_s));
    QCOMPARE(loaded->fixtures.at(1), makeFixture(2, u"Right"_s, QString(), u"192.168.35.2"_s));
    QVERIFY(loaded->validate().has_value());
}

void tst_StationConfig::loadMissingFile()
{
    const auto loaded = StationConfig::load(path(u"nope.ini"_s));
    QVERIFY(!loaded.has_value());
    QCOMPARE(loaded.error().code, ErrorCode::FileMissing);
    QVERIFY(loaded.error().message.english().contains(u"nope.ini"_s));

    const auto folder = StationConfig::load(m_dir->path());
    QVERIFY(!folder.has_value());
    QCOMPARE(folder.error().code, ErrorCode::Io);
}

void tst_StationConfig::loadInvalidValues_data()
{
    QTest::addColumn<QByteArray>("ini");
    QTest::addColumn<QStringList>("messages");

    QTest::newRow("unknown back end") << QByteArray("[station]\nbackend=hardware\n")
                                      << QStringList {u"station/backend"_s, u"hardware"_s};
    QTest::newRow("baud not a number")
        << QByteArray("[uart]\nbaudRate=fast\n") << QStringList {u"uart/baudRate"_s, u"fast"_s};
    QTest::newRow("negative timeout") << QByteArray("[timeouts]\ndefaultStepMs=-5\n")
                                      << QStringList {u"timeouts/defaultStepMs"_s, u"-5"_s};
    QTest::newRow("step timeout zero")
        << QByteArray("[stepTimeoutsMs]\nrecover=0\n") << QStringList {u"stepTimeoutsMs/recover"_s};
    QTest::newRow("fixture number")
        << QByteArray("[fixtures]\nsize=1\n1\\number=x\n1\\connectionPath=1211\n")
        << QStringList {u"number"_s, u"\"x\""_s};
    QTest::newRow("sync not a boolean")
        << QByteArray("[station]\nrecordSyncEveryWrite=yes please\n")
        << QStringList {u"station/recordSyncEveryWrite"_s, u"yes please"_s};
    QTest::newRow("hands-free not a boolean")
        << QByteArray("[station]\nhandsFree=sometimes\n") << QStringList {u"station/handsFree"_s};
    QTest::newRow("hands-free settle zero") << QByteArray("[station]\nhandsFreeSettleMs=0\n")
                                            << QStringList {u"station/handsFreeSettleMs"_s};
    QTest::newRow("two errors at once")
        << QByteArray("[station]\nbackend=foo\n[uart]\nbaudRate=0\n")
        << QStringList {u"station/backend"_s, u"uart/baudRate"_s};
}

void tst_StationConfig::loadInvalidValues()
{
    QFETCH(QByteArray, ini);
    QFETCH(QStringList, messages);
    const QString file = path(u"bad.ini"_s);
    writeText(file, ini);
    const auto loaded = StationConfig::load(file);
    QVERIFY(!loaded.has_value());
    QCOMPARE(loaded.error().code, ErrorCode::InvalidArgument);
    for (const QString &part : messages)
        QVERIFY2(
            loaded.error().message.english().contains(part), qPrintable(loaded.error().message));
}

void tst_StationConfig::saveToUnwritablePlace()
{
    const QString blocker = path(u"blocker"_s);
    writeText(blocker, "a file, not a folder");
    const Station::Result<> underFile = fullConfig().save(blocker + u"/station.ini"_s);
    QVERIFY(!underFile.has_value());
    QCOMPARE(underFile.error().code, ErrorCode::Io);

    const Station::Result<> onFolder = fullConfig().save(m_dir->path());
    QVERIFY(!onFolder.has_value());
    QCOMPARE(onFolder.error().code, ErrorCode::Io);
}

void tst_StationConfig::validation_data()
{
    QTest::addColumn<QList<FixtureConfig>>("fixtures");
    QTest::addColumn<QStringList>("expected"); // empty: valid

    QTest::newRow("valid") << QList<FixtureConfig> {makeFixture(1, u"A"_s, u"1211"_s),
        makeFixture(2, u"B"_s, u"1212"_s, u"192.168.35.3"_s, u"/dev/ttyUSB0"_s),
        makeFixture(3, u"C"_s, QString(), u"192.168.35.2"_s)}
                           << QStringList();
    QTest::newRow("no fixtures") << QList<FixtureConfig>() << QStringList();
    QTest::newRow("duplicate number") << QList<FixtureConfig> {makeFixture(2, u"A"_s, u"1211"_s),
        makeFixture(2, u"B"_s, u"1212"_s)}
                                      << QStringList {u"Fixture number 2 is used by 2 fixtures."_s};
    QTest::newRow("number zero") << QList<FixtureConfig> {makeFixture(
        0, u"A"_s, u"1211"_s)} << QStringList {u"Fixture numbers start at 1; 0 is not allowed."_s};
    QTest::newRow("duplicate connection path")
        << QList<FixtureConfig> {makeFixture(1, u"A"_s, u"1243"_s),
               makeFixture(4, u"B"_s, u"1243"_s)}
        << QStringList {u"Fixture 4 has the same connection path 1243 as fixture 1."_s};
    QTest::newRow("bad connection path")
        << QList<FixtureConfig> {makeFixture(1, u"A"_s, u"USB-1"_s)}
        << QStringList {u"Fixture 1: the connection path \"USB-1\" is not an FTDI location ID "
                        u"(digits only, e.g. 1243)."_s};
    QTest::newRow("duplicate ip")
        << QList<FixtureConfig> {makeFixture(1, u"A"_s, {}, u"192.168.35.2"_s),
               makeFixture(2, u"B"_s, {}, u"192.168.35.2"_s)}
        << QStringList {u"Fixture 2 has the same IP address 192.168.35.2 as fixture 1."_s};
    QTest::newRow("bad ip") << QList<FixtureConfig> {makeFixture(
        1, u"A"_s, {}, u"192.168.35.256"_s)}
                            << QStringList {
                                   u"Fixture 1: \"192.168.35.256\" is not an IPv4 address."_s};
    QTest::newRow("unbound")
        << QList<FixtureConfig> {makeFixture(5, u"A"_s, {})}
        << QStringList {u"Fixture 5 has neither a connection path nor an IP address, so no device "
                        u"can be matched to it."_s};
    QTest::newRow("duplicate uart")
        << QList<FixtureConfig> {makeFixture(1, u"A"_s, u"1211"_s, {}, u"/dev/ttyUSB0"_s),
               makeFixture(2, u"B"_s, u"1212"_s, {}, u"/dev/ttyUSB0"_s)}
        << QStringList {u"Fixture 2 has the same UART port /dev/ttyUSB0 as fixture 1."_s};
    QTest::newRow("duplicate label")
        << QList<FixtureConfig> {makeFixture(1, u"A"_s, u"1211"_s),
               makeFixture(2, u"A"_s, u"1212"_s)}
        << QStringList {u"Fixture 2 has the same label \"A\" as fixture 1."_s};
    QTest::newRow("several problems")
        << QList<FixtureConfig> {makeFixture(1, u"A"_s, u"1211"_s),
               makeFixture(1, u"B"_s, u"1211"_s),
               makeFixture(3, u"C"_s, {})}
        << QStringList {u"Fixture number 1 is used by 2 fixtures."_s,
               u"Fixture 3 has neither a connection path nor an IP address, so no device can be "
               u"matched to it."_s,
               u"Fixture 1 has the same connection path 1211 as fixture 1."_s};
}

void tst_StationConfig::validation()
{
    QFETCH(QList<FixtureConfig>, fixtures);
    QFETCH(QStringList, expected);

    StationConfig config;
    config.fixtures = fixtures;
    QStringList problems = config.problems();
    problems.sort();
    expected.sort();
    QCOMPARE(problems, expected);

    const Station::Result<> valid = config.validate();
    QCOMPARE(valid.has_value(), expected.isEmpty());
    if (!valid) {
        QCOMPARE(valid.error().code, ErrorCode::InvalidArgument);
        for (const QString &problem : expected)
            QVERIFY(valid.error().message.english().contains(problem));
    }
}

void tst_StationConfig::fixtureLookup()
{
    const StationConfig config = fullConfig();
    QCOMPARE(config.fixture(2)->label, u"A2"_s);
    QVERIFY(!config.fixture(3).has_value());

    QCOMPARE(config.fixtureForDevice(u"12113"_s, u"192.168.35.9"_s)->number, 2);
    // The real Linux SDK reports an empty connection path: match by IP.
    QCOMPARE(config.fixtureForDevice(QString(), u"192.168.35.2"_s)->number, 7);
    // Fixture 2 is bound by its connection path, so its IP does not select it.
    QVERIFY(!config.fixtureForDevice(QString(), u"192.168.35.3"_s).has_value());
    QVERIFY(!config.fixtureForDevice(u"9999"_s, QString()).has_value());

    QCOMPARE(config.fixture(1)->deviceSelector(), u"1243"_s);
    QCOMPARE(config.fixture(7)->deviceSelector(), u"192.168.35.2"_s);
}

void tst_StationConfig::stepTimeouts()
{
    const StationConfig config = fullConfig();
    QCOMPARE(config.stepTimeout(u"recover"_s), 600s);
    QCOMPARE(config.stepTimeout(u"sideload"_s), 120500ms);
    QCOMPARE(config.stepTimeout(u"details"_s), 90s);

    StationConfig bad;
    bad.defaultStepTimeout = 0ms;
    bad.stepTimeouts.insert(u"recover"_s, -1ms);
    bad.uartBaudRate = 0;
    bad.toolEnvironment.insert(u"BAD=NAME"_s, u"x"_s);
    QStringList problems = bad.problems();
    QCOMPARE(problems.size(), 4);
    QVERIFY(problems.contains(u"The default step timeout must be positive."_s));
    QVERIFY(problems.contains(u"The timeout of step type \"recover\" must be positive."_s));
    QVERIFY(problems.contains(u"The UART baud rate must be positive, not 0."_s));
    QVERIFY(problems.contains(u"\"BAD=NAME\" is not a valid environment variable name."_s));
}

void tst_StationConfig::toolEnvironment()
{
    QProcessEnvironment base;
    base.insert(u"PATH"_s, u"/usr/bin"_s);
    base.insert(u"LANG"_s, u"de_DE.UTF-8"_s);
    const QProcessEnvironment environment = fullConfig().toolProcessEnvironment(base);
    QCOMPARE(environment.value(u"PATH"_s), u"/usr/bin"_s);
    QCOMPARE(environment.value(u"LANG"_s), u"C.UTF-8"_s); // configured value wins
    QCOMPARE(environment.value(u"AZSPHERE_SIM_TIME_SCALE"_s), u"0.01"_s);
    QVERIFY(environment.contains(u"EMPTY"_s));
}

void tst_StationConfig::resolveToolPath_data()
{
    QTest::addColumn<QString>("configured"); // relative to the temporary folder if it starts "@"
    QTest::addColumn<QString>("name");
    QTest::addColumn<bool>("searchTempDir");
    QTest::addColumn<QString>("expected"); // "@..." in the temporary folder; "" = failure
    QTest::addColumn<QString>("messagePart");

    QTest::newRow("configured executable")
        << u"@bin/azsphere"_s << u"azsphere"_s << false << u"@bin/azsphere"_s << QString();
    QTest::newRow("configured, unclean path")
        << u"@bin/../bin/./azsphere"_s << u"azsphere"_s << false << u"@bin/azsphere"_s << QString();
    QTest::newRow("configured relative")
        << u"bin/azsphere"_s << u"azsphere"_s << false << QString() << u"not an absolute path"_s;
    QTest::newRow("configured missing")
        << u"@bin/nothing"_s << u"azsphere"_s << false << QString() << u"was not found at"_s;
    QTest::newRow("configured not executable")
        << u"@bin/plain"_s << u"RfToolCli"_s << false << QString() << u"not an executable file"_s;
    QTest::newRow("configured folder")
        << u"@bin"_s << u"RfToolCli"_s << false << QString() << u"not an executable file"_s;
    QTest::newRow("found in search path")
        << QString() << u"azsphere"_s << true << u"@bin/azsphere"_s << QString();
    QTest::newRow("not in search path") << QString() << u"RfSettingsTool"_s << true << QString()
                                        << u"RfSettingsTool was not found in"_s;
    QTest::newRow("not executable in search path")
        << QString() << u"plain"_s << true << QString() << u"plain was not found in"_s;
    QTest::newRow("found on PATH") << QString() << u"sh"_s << false << u"*"_s << QString();
    QTest::newRow("not on PATH") << QString() << u"no-such-tool-xyz"_s << false << QString()
                                 << u"no-such-tool-xyz was not found on the PATH."_s;
}

void tst_StationConfig::resolveToolPath()
{
    QFETCH(QString, configured);
    QFETCH(QString, name);
    QFETCH(bool, searchTempDir);
    QFETCH(QString, expected);
    QFETCH(QString, messagePart);

    const QString bin = path(u"bin"_s);
    QVERIFY(QDir().mkpath(bin));
    writeText(bin + u"/azsphere"_s, "#!/bin/sh\n");
    QVERIFY(QFile::setPermissions(bin + u"/azsphere"_s,
        QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner));
    writeText(bin + u"/plain"_s, "not executable");

    const auto resolve
        = [&](QString value) { return value.startsWith(u'@') ? path(value.mid(1)) : value; };
    const QStringList searchPaths = searchTempDir ? QStringList {bin} : QStringList();
    const Station::Result<QString> result
        = Station::resolveToolPath(resolve(configured), name, searchPaths);
    if (expected.isEmpty()) {
        QVERIFY(!result.has_value());
        QCOMPARE(result.error().code, ErrorCode::ToolNotFound);
        QVERIFY2(result.error().message.english().contains(messagePart),
            qPrintable(result.error().message));
        QVERIFY(!result.error().remedy.isEmpty());
    } else {
        QVERIFY2(result.has_value(), qPrintable(result ? QString() : result.error().message));
        if (expected == u"*") {
            QVERIFY(QDir::isAbsolutePath(*result));
            QVERIFY(QFileInfo(*result).isExecutable());
        } else {
            QCOMPARE(*result, resolve(expected));
        }
    }
}

void tst_StationConfig::programsFromConfig()
{
    const QString bin = path(u"sim-bin"_s);
    QVERIFY(QDir().mkpath(bin));
    for (const QString &tool : {u"azsphere"_s, u"RfSettingsTool"_s, u"RfToolCli"_s}) {
        writeText(bin + u'/' + tool, "#!/bin/sh\n");
        QVERIFY(QFile::setPermissions(bin + u'/' + tool,
            QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner));
    }
    StationConfig config;
    QCOMPARE(*config.azsphereProgram({bin}), bin + u"/azsphere"_s);
    QCOMPARE(*config.rfSettingsToolProgram({bin}), bin + u"/RfSettingsTool"_s);
    QCOMPARE(*config.rfToolCliProgram({bin}), bin + u"/RfToolCli"_s);

    // A configured path wins over the search path, and is checked.
    config.azspherePath = path(u"elsewhere/azsphere"_s);
    const auto missing = config.azsphereProgram({bin});
    QVERIFY(!missing.has_value());
    QVERIFY(missing.error().message.english().contains(u"elsewhere"_s));
}

void tst_StationConfig::backendNames()
{
    QCOMPARE(Station::backendName(Backend::Simulator), u"simulator"_s);
    QCOMPARE(Station::backendName(Backend::Real), u"real"_s);
    QCOMPARE(Station::backendFromName(u"simulator"_s), std::optional(Backend::Simulator));
    QCOMPARE(Station::backendFromName(u" Real "_s), std::optional(Backend::Real));
    QCOMPARE(Station::backendFromName(u"hardware"_s), std::nullopt);
    // The record's word for it is accepted as well.
    QCOMPARE(Station::backendFromName(u"simulated"_s), std::optional(Backend::Simulator));
}

// A configuration that names an azsphere tool means the real tools unless it says
// "backend=simulator" itself: it never runs (and records PASS) on the simulator by default.
void tst_StationConfig::backendSelection_data()
{
    QTest::addColumn<QByteArray>("ini");
    QTest::addColumn<Backend>("backend");

    QTest::newRow("nothing") << QByteArray() << Backend::Simulator;
    QTest::newRow("no back end, no tool")
        << QByteArray("[station]\nname=line 1\n") << Backend::Simulator;
    QTest::newRow("no back end, an azsphere path")
        << QByteArray("[tools]\nazsphere=/opt/azurespheresdk/Tools_v2/azsphere\n") << Backend::Real;
    QTest::newRow("no back end, an empty azsphere path")
        << QByteArray("[tools]\nazsphere=\n") << Backend::Simulator;
    QTest::newRow("no back end, only RF tools")
        << QByteArray("[tools]\nrfToolCli=/opt/rf/RfToolCli\n") << Backend::Simulator;
    QTest::newRow("simulator and an azsphere path")
        << QByteArray("[station]\nbackend=simulator\n[tools]\nazsphere=/opt/sdk/azsphere\n")
        << Backend::Simulator;
    QTest::newRow("simulated (the record's word)")
        << QByteArray("[station]\nbackend=simulated\n") << Backend::Simulator;
    QTest::newRow("real without a path")
        << QByteArray("[station]\nbackend=real\n") << Backend::Real;
}

void tst_StationConfig::backendSelection()
{
    QFETCH(QByteArray, ini);
    QFETCH(Backend, backend);
    const QString file = path(u"station.ini"_s);
    writeText(file, ini);
    const auto loaded = StationConfig::load(file);
    QVERIFY2(loaded.has_value(), qPrintable(loaded ? QString() : loaded.error().message));
    QCOMPARE(loaded->backend, backend);
}

// A file that is not an ini file is refused with the line and the reason, not read as defaults.
void tst_StationConfig::notAnIniFile_data()
{
    QTest::addColumn<QByteArray>("ini");
    QTest::addColumn<QString>("reason");

    QByteArray random(512, '\0');
    for (qsizetype i = 0; i < random.size(); ++i)
        random[i] = char((i * 131 + 7) % 256);
    QTest::newRow("random bytes") << random
                                  << u"line 2: contains a NUL byte; this is not a text file"_s;
    QTest::newRow("NUL in a value") << QByteArray("[station]\nname=line\0one\n", 24)
                                    << u"line 2: contains a NUL byte; this is not a text file"_s;
    QTest::newRow("invalid UTF-8") << QByteArray("[station]\nname=x\noperator=\xff\xfe\n")
                                   << u"line 3: is not valid UTF-8 text"_s;
    QTest::newRow("control character") << QByteArray("[station]\nname=a\x01"
                                                     "b\n")
                                       << u"line 2: contains the control character U+0001"_s;
    QTest::newRow("neither section nor key=value")
        << QByteArray("[station]\nbackend real\n")
        << u"line 2: \"backend real\" is neither [section], key=value, a comment nor blank"_s;
    QTest::newRow("unclosed section")
        << QByteArray("[station\nbackend=real\n") << u"line 1: a section must read [name]"_s;
    QTest::newRow("no key") << QByteArray("[station]\n = real\n")
                            << u"line 2: there is no key before \"=\""_s;
    QTest::newRow("repeated key")
        << QByteArray("[station]\nbackend=real\nname=x\nbackend=simulator\n")
        << u"line 4: station/backend is set again (first on line 2); each key may appear only once"_s;
    QTest::newRow("repeated key, once outside its section")
        << QByteArray("station/backend=real\n[station]\nbackend=simulator\n")
        << u"line 3: station/backend is set again (first on line 1); each key may appear only once"_s;
    QTest::newRow("repeated section with a repeated key")
        << QByteArray("[station]\nname=a\n[tools]\nazsphere=/x\n[station]\nname=b\n")
        << u"line 6: station/name is set again (first on line 2); each key may appear only once"_s;
    QTest::newRow("fixture key with both separators")
        << QByteArray("[fixtures]\nsize=1\n1\\label=a\n1/label=b\n")
        << u"line 4: fixtures/1/label is set again (first on line 3); each key may appear only once"_s;
}

void tst_StationConfig::notAnIniFile()
{
    QFETCH(QByteArray, ini);
    QFETCH(QString, reason);
    const QString file = path(u"bad.ini"_s);
    writeText(file, ini);
    const auto loaded = StationConfig::load(file);
    QVERIFY2(!loaded.has_value(), "accepted");
    QCOMPARE(loaded.error().code, ErrorCode::InvalidArgument);
    QCOMPARE(loaded.error().message,
        u"The station configuration %1 is not a readable ini file: %2."_s.arg(file, reason));
}

void tst_StationConfig::acceptedIniForms()
{
    const QString file = path(u"forms.ini"_s);
    writeText(file,
        "\xef\xbb\xbf; written on Windows\r\n"
        "# a comment as people write them\r\n"
        "\r\n"
        "[station]\r\n"
        "  name\t= Line 3 (PC 1)  \r\n"
        "# backend=real\r\n"
        "operator=Zo\xc3\xab\r\n"
        "[tools]\r\n"
        "azsphere=\r\n");
    const auto loaded = StationConfig::load(file);
    QVERIFY2(loaded.has_value(), qPrintable(loaded ? QString() : loaded.error().message));
    QCOMPARE(loaded->backend, Backend::Simulator);
    QCOMPARE(loaded->operatorName, u"Zoë"_s);
    QVERIFY(loaded->stationName.startsWith(u"Line 3"_s));
}

// Names that reach the record and the headless output, after QSettings' own escapes.
void tst_StationConfig::controlCharactersInNames_data()
{
    QTest::addColumn<QByteArray>("ini");
    QTest::addColumn<QString>("reason");
    QTest::newRow("station name with an escaped NUL")
        << QByteArray("[station]\nname=line\\0one\n")
        << u"station/name: contains the control character U+0000 (NUL)."_s;
    QTest::newRow("operator with an escaped terminal escape")
        << QByteArray("[station]\noperator=\\x1b[31mroot\n")
        << u"station/operator: contains the control character U+001B."_s;
    QTest::newRow("fixture label with an escaped line break")
        << QByteArray("[fixtures]\nsize=1\n1\\label=A1\\nPASS\n1\\connectionPath=1211\n")
        << u"fixtures/1/label: contains the control character U+000A."_s;
}

void tst_StationConfig::controlCharactersInNames()
{
    QFETCH(QByteArray, ini);
    QFETCH(QString, reason);
    const QString file = path(u"names.ini"_s);
    writeText(file, ini);
    const auto loaded = StationConfig::load(file);
    QVERIFY2(!loaded.has_value(), "accepted");
    QCOMPARE(loaded.error().code, ErrorCode::InvalidArgument);
    QVERIFY2(loaded.error().message.english().endsWith(u'\n' + reason),
        qPrintable(loaded.error().message));
}

// --config FILE where FILE is not a regular file: refused promptly, saying what it is.
void tst_StationConfig::hostileFiles_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<ErrorCode>("code");
    QTest::addColumn<QString>("message"); // {path}: the file's path
    QTest::newRow("FIFO") << u"fifo"_s << ErrorCode::Io
                          << u"The station configuration cannot be read: {path} is a FIFO (named "
                             "pipe), not a regular file."_s;
    QTest::newRow("/dev/zero") << u"/dev/zero"_s << ErrorCode::Io
                               << u"The station configuration cannot be read: /dev/zero is a "
                                  "character device, not a regular file."_s;
    QTest::newRow("folder") << u"folder"_s << ErrorCode::Io
                            << u"The station configuration cannot be read: {path} is a folder, "
                               "not a file."_s;
    QTest::newRow("over 1 MiB") << u"huge"_s << ErrorCode::Io
                                << u"The station configuration cannot be read: {path} is larger "
                                   "than the limit of 1 MiB."_s;
    QTest::newRow("missing") << u"missing"_s << ErrorCode::FileMissing
                             << u"The station configuration {path} does not exist."_s;
}

void tst_StationConfig::hostileFiles()
{
    QFETCH(QString, kind);
    QFETCH(ErrorCode, code);
    QFETCH(QString, message);
    QString file = path(u"station.ini"_s);
    QStringList fifos;
    if (kind == "fifo"_L1) {
        QVERIFY(HostileFiles::makeFifo(file));
        fifos.append(file);
    } else if (kind == "folder"_L1) {
        QVERIFY(QDir().mkpath(file));
    } else if (kind == "huge"_L1) {
        QFile huge(file);
        QVERIFY(huge.open(QIODevice::WriteOnly));
        QVERIFY(huge.resize(1024 * 1024 + 1));
    } else if (kind.startsWith(u'/')) {
        file = kind;
    }
    using namespace std::chrono_literals;
    const auto loaded
        = HostileFiles::returnsWithin([file] { return StationConfig::load(file); }, fifos, 10s);
    QVERIFY2(loaded.has_value(), "loading blocked");
    QVERIFY(!loaded->has_value());
    QCOMPARE(loaded->error().code, code);
    QCOMPARE(loaded->error().message, QString(message).replace(u"{path}"_s, file));
}

void tst_StationConfig::defaultPath()
{
    const QString expected = QStandardPaths::writableLocation(QStandardPaths::AppConfigLocation)
        + u"/sphere-station.ini"_s;
    QCOMPARE(StationConfig::defaultPath(), expected);
    QVERIFY(StationConfig::defaultPath().contains(u"qttest"_s)); // test mode: not the real file
}

void tst_StationConfig::pathToRead_data()
{
    // Which files exist ("" none, "file", "link" a dangling symbolic link) and which is read.
    QTest::addColumn<QString>("user");
    QTest::addColumn<QString>("system");
    QTest::addColumn<QString>("expected");
    QTest::newRow("user's only") << u"file"_s << u""_s << u"user"_s;
    QTest::newRow("user's overrides the system default") << u"file"_s << u"file"_s << u"user"_s;
    QTest::newRow("system default while the user has none") << u""_s << u"file"_s << u"system"_s;
    QTest::newRow("neither: built-in defaults") << u""_s << u""_s << u""_s;
    QTest::newRow("user's dangling link is still the user's (load says why)")
        << u"link"_s << u"file"_s << u"user"_s;
}

void tst_StationConfig::pathToRead()
{
    QFETCH(QString, user);
    QFETCH(QString, system);
    QFETCH(QString, expected);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const auto make = [&dir](const QString &name, const QString &kind) {
        const QString file = dir.filePath(name);
        if (kind == u"file"_s)
            writeText(file, "[station]\n");
        else if (kind == u"link"_s)
            QFile::link(dir.filePath(u"nowhere.ini"_s), file);
        return file;
    };
    const QString userFile = make(u"user.ini"_s, user);
    const QString systemFile = make(u"system.ini"_s, system);
    const QString chosen = StationConfig::pathToRead(userFile, systemFile);
    QCOMPARE(chosen,
        expected == u"user"_s         ? userFile
            : expected == u"system"_s ? systemFile
                                      : QString());

    // The installed default is the package's conffile, an absolute path outside the user's.
    QVERIFY(QDir::isAbsolutePath(StationConfig::systemPath()));
    QVERIFY(StationConfig::systemPath().endsWith(u"/sphere-station/station.ini"_s));
}

void tst_StationConfig::plantReadConnection()
{
    // The plant views' read login: its own key next to the delivery connection, and never a
    // password.
    const QString file = path(u"plant.ini"_s);
    writeText(file,
        "[plant]\n"
        "readConnection = service=plant-read\n");
    const auto loaded = StationConfig::load(file);
    QVERIFY2(loaded.has_value(), qPrintable(loaded ? QString() : loaded.error().message));
    QCOMPARE(loaded->plantReadConnection, u"service=plant-read"_s);
    QCOMPARE(loaded->plantConnection, QString());
    QVERIFY(loaded->validate().has_value());

    StationConfig config;
    config.plantReadConnection = u"host=db dbname=plant user=reader password=secret"_s;
    QCOMPARE(config.problems(),
        QStringList {u"The plant read connection names a password: keep it in .pgpass, "
                     u"PGPASSFILE or a service file, never in the station's settings."_s});
}

void tst_StationConfig::handsFreeSettleRange()
{
    StationConfig config;
    config.fixtures = {makeFixture(1, u"A"_s, u"1211"_s)};
    QVERIFY(config.problems().isEmpty());
    for (const auto settle :
        {StationConfig::HandsFreeSettleMin, StationConfig::HandsFreeSettleMax}) {
        config.handsFreeSettle = settle;
        QVERIFY(config.problems().isEmpty());
    }
    for (const auto settle :
        {StationConfig::HandsFreeSettleMin - 1ms, StationConfig::HandsFreeSettleMax + 1ms}) {
        config.handsFreeSettle = settle;
        QCOMPARE(config.problems().size(), 1);
        QVERIFY(config.problems().first().contains(u"hands-free settle time"_s));
    }
}

QTEST_GUILESS_MAIN(tst_StationConfig)

#include "tst_stationconfig.moc"

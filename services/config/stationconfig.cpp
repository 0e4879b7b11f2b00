#include "services/config/stationconfig.h"

#include "services/base/boundedfile.h"
#include "services/base/textcheck.h"
#include "services/base/tr.h"

#include <QDir>
#include <QFileInfo>
#include <QHash>
#include <QRegularExpression>
#include <QSettings>
#include <QStandardPaths>
#include <QStringDecoder>
#include <QTemporaryFile>

using namespace Qt::Literals::StringLiterals;

namespace Station {

QString backendName(Backend backend)
{
    switch (backend) {
    case Backend::Simulator:
        return u"simulator"_s;
    case Backend::Real:
        return u"real"_s;
    }
    return u"simulator"_s;
}

std::optional<Backend> backendFromName(const QString &name)
{
    const QString trimmed = name.trimmed();
    for (Backend backend : {Backend::Simulator, Backend::Real}) {
        if (trimmed.compare(backendName(backend), Qt::CaseInsensitive) == 0)
            return backend;
    }
    // The record's word for the same thing.
    if (trimmed.compare("simulated"_L1, Qt::CaseInsensitive) == 0)
        return Backend::Simulator;
    return std::nullopt;
}

namespace {

// Ini keys. Stable: existing station files depend on them.
const QString KeyBackend = u"station/backend"_s;
const QString KeyName = u"station/name"_s;
const QString KeyOperator = u"station/operator"_s;
const QString KeyRecipeFolder = u"station/recipeFolder"_s;
const QString KeyRecordFile = u"station/recordFile"_s;
const QString KeyRecordSyncEveryWrite = u"station/recordSyncEveryWrite"_s;
const QString KeyLogFolder = u"station/logFolder"_s;
const QString KeyHandsFree = u"station/handsFree"_s;
const QString KeyHandsFreeSettle = u"station/handsFreeSettleMs"_s;
const QString KeyAzsphere = u"tools/azsphere"_s;
const QString KeyRfSettingsTool = u"tools/rfSettingsTool"_s;
const QString KeyRfToolCli = u"tools/rfToolCli"_s;
const QString KeyCli = u"tools/cli"_s;
const QString KeyAz = u"tools/az"_s;
const QString KeyPlantConnection = u"plant/connection"_s;
const QString KeyPlantStation = u"plant/station"_s;
const QString KeyPlantReadConnection = u"plant/readConnection"_s;
const QString GroupToolEnvironment = u"toolEnvironment"_s;
const QString KeyDefaultStepTimeout = u"timeouts/defaultStepMs"_s;
const QString GroupStepTimeouts = u"stepTimeoutsMs"_s;
const QString KeyUartPattern = u"uart/portPattern"_s;
const QString KeyUartBaud = u"uart/baudRate"_s;
const QString KeyIdleMinutes = u"auth/idleMinutes"_s;
const QString KeyBadgePattern = u"auth/badgePattern"_s;
const QString ArrayFixtures = u"fixtures"_s;
const QString KeyFixtureNumber = u"number"_s;
const QString KeyFixtureLabel = u"label"_s;
const QString KeyFixtureConnectionPath = u"connectionPath"_s;
const QString KeyFixtureIp = u"ipAddress"_s;
const QString KeyFixtureUart = u"uartPort"_s;

// Reads typed values and collects every bad one, so that one load reports them all.
class Reader
{
public:
    explicit Reader(QSettings &settings)
        : m_settings(settings)
    { }

    QString string(const QString &key, const QString &fallback = {}) const
    {
        const QVariant value = m_settings.value(key);
        if (!value.isValid())
            return fallback;
        // An unquoted value with commas reads back as a list (QSettings' ini rule).
        if (value.typeId() == QMetaType::QStringList)
            return value.toStringList().join(u", "_s);
        return value.toString();
    }

    int integer(const QString &key, int fallback, int minimum)
    {
        if (!m_settings.contains(key))
            return fallback;
        bool ok = false;
        const int value = string(key).trimmed().toInt(&ok);
        if (!ok || value < minimum) {
            m_errors.append(Tr::tr("%1: \"%2\" is not a whole number of at least %3.")
                                .arg(fullKey(key), string(key), QString::number(minimum)));
            return fallback;
        }
        return value;
    }

    bool boolean(const QString &key, bool fallback)
    {
        if (!m_settings.contains(key))
            return fallback;
        const QString text = string(key).trimmed().toLower();
        if (text == "true"_L1 || text == "1"_L1)
            return true;
        if (text == "false"_L1 || text == "0"_L1)
            return false;
        m_errors.append(Tr::tr("%1: \"%2\" is not true or false.").arg(fullKey(key), string(key)));
        return fallback;
    }

    // (A plain alias: lupdate misreads "std::chrono::milliseconds name(" as a class scope and
    // files the tr() strings below under the wrong context.)
    using Milliseconds = std::chrono::milliseconds;

    Milliseconds duration(const QString &key, Milliseconds fallback)
    {
        if (!m_settings.contains(key))
            return fallback;
        bool ok = false;
        const qint64 value = string(key).trimmed().toLongLong(&ok);
        if (!ok || value <= 0) {
            m_errors.append(Tr::tr("%1: \"%2\" is not a positive number of milliseconds.")
                                .arg(fullKey(key), string(key)));
            return fallback;
        }
        return std::chrono::milliseconds(value);
    }

    // A string that reaches the record or the headless output: no control characters.
    QString name(const QString &key)
    {
        const QString value = string(key);
        if (const QString problem = nameTextProblem(value); !problem.isEmpty()) {
            m_errors.append(Tr::tr("%1: %2.").arg(fullKey(key), problem));
            return {};
        }
        return value;
    }

    void addError(const QString &error) { m_errors.append(error); }
    const QStringList &errors() const { return m_errors; }

private:
    QString fullKey(const QString &key) const
    {
        const QString group = m_settings.group();
        return group.isEmpty() ? key : group + u'/' + key;
    }

    QSettings &m_settings;
    QStringList m_errors;
};

bool isIpv4Address(const QString &text)
{
    static const QRegularExpression ipv4(
        uR"(^((25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)$)"_s);
    return ipv4.match(text).hasMatch();
}

bool isLocationId(const QString &text)
{
    static const QRegularExpression digits(u"^[0-9]+$"_s);
    return digits.match(text).hasMatch();
}

bool isEnvironmentName(const QString &name)
{
    static const QRegularExpression pattern(u"^[A-Za-z_][A-Za-z0-9_]*$"_s);
    return pattern.match(name).hasMatch();
}

// Reports values that more than one fixture uses ("same X as fixture N").
class UniqueCheck
{
public:
    explicit UniqueCheck(Text message)
        : m_message(std::move(message))
    { }

    void check(const QString &value, int fixture, QList<Text> &problems)
    {
        if (value.isEmpty())
            return;
        const auto it = m_seen.constFind(value);
        if (it != m_seen.cend())
            problems.append(m_message.arg(QString::number(fixture), value, QString::number(*it)));
        else
            m_seen.insert(value, fixture);
    }

private:
    Text m_message;
    QHash<QString, int> m_seen;
};

// What QSettings would take from a line: the full key ("station/backend"), with "\\" as "/",
// so that "1\\label" and "1/label" are one key, as they are to QSettings.
QString fullIniKey(const QString &section, const QString &key)
{
    QString full = section.isEmpty() || section == "General"_L1 ? key : section + u'/' + key;
    full.replace(u'\\', u'/');
    static const QRegularExpression slashes(u"/+"_s);
    full.replace(slashes, u"/"_s);
    return full;
}

// Checks that `bytes` are an ini file as QSettings reads it, line by line, before QSettings sees
// them: QSettings guesses its way through anything (binary garbage reads as defaults, a
// repeated key keeps its last value). Allowed: blank lines, comments (";" or "#" first; QSettings
// reads "#x=1" as a key nobody asks for, and people mean a comment), "[section]" and
// "key=value", in UTF-8 text without NUL or other control characters except tab; each key once.
// A UTF-8 byte order mark is removed. Returns the first problem as "line N: ...".
Result<QByteArray> checkIniText(QByteArray bytes)
{
    if (bytes.startsWith("\xef\xbb\xbf"))
        bytes.remove(0, 3); // QSettings calls a byte order mark a format error
    const auto problem = [](qsizetype line, const QString &what) {
        return fail(ErrorCode::InvalidArgument, Tr::tr("line %1: %2").arg(line).arg(what));
    };
    // A NUL anywhere says "binary, not text" best, before any line's other faults.
    if (const qsizetype nul = bytes.indexOf('\0'); nul >= 0) {
        return problem(bytes.left(nul).count('\n') + 1,
            Tr::tr("contains a NUL byte; this is not a text file"));
    }
    const QList<QByteArray> lines = bytes.split('\n');
    QString section;
    QHash<QString, qsizetype> seen; // full key -> line
    for (qsizetype index = 0; index < lines.size(); ++index) {
        const qsizetype number = index + 1;
        QByteArray raw = lines.at(index);
        if (raw.endsWith('\r'))
            raw.chop(1);
        QStringDecoder decoder(QStringDecoder::Utf8);
        const QString line = decoder.decode(raw);
        if (decoder.hasError())
            return problem(number, Tr::tr("is not valid UTF-8 text"));
        for (const QChar c : line) {
            if (c != u'\t' && c.category() == QChar::Other_Control) {
                return problem(number,
                    Tr::tr("contains the control character U+%1")
                        .arg(QString::number(c.unicode(), 16).toUpper().rightJustified(4, u'0')));
            }
        }
        const QString text = line.trimmed();
        if (text.isEmpty() || text.startsWith(u';') || text.startsWith(u'#'))
            continue;
        if (text.startsWith(u'[')) {
            if (!text.endsWith(u']') || text.size() < 3)
                return problem(number, Tr::tr("a section must read [name]"));
            section = text.mid(1, text.size() - 2).trimmed();
            continue;
        }
        const qsizetype equals = text.indexOf(u'=');
        if (equals < 0) {
            return problem(number,
                Tr::tr("\"%1\" is neither [section], key=value, a comment nor blank")
                    .arg(text.left(40)));
        }
        const QString key = text.left(equals).trimmed();
        if (key.isEmpty())
            return problem(number, Tr::tr("there is no key before \"=\""));
        const QString full = fullIniKey(section, key);
        if (const auto it = seen.constFind(full); it != seen.cend()) {
            return problem(number,
                Tr::tr("%1 is set again (first on line %2); each key may appear only once")
                    .arg(full)
                    .arg(it.value()));
        }
        seen.insert(full, number);
    }
    return bytes;
}

} // namespace

QString StationConfig::defaultPath()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppConfigLocation)
        + u"/sphere-station.ini"_s;
}

QString StationConfig::systemPath()
{
    return QStringLiteral(STATION_SYSTEM_CONFIG);
}

QString StationConfig::pathToRead(const QString &userPath, const QString &systemPath)
{
    // QFileInfo::exists is false for a dangling link: that one is still the user's choice.
    const auto present = [](const QString &path) {
        const QFileInfo info(path);
        return !path.isEmpty() && (info.exists() || info.isSymLink());
    };
    if (present(userPath))
        return userPath;
    if (present(systemPath))
        return systemPath;
    return {};
}

Result<StationConfig> StationConfig::load(const QString &path)
{
    const QString shown = QDir::toNativeSeparators(path);
    // A regular file of bounded size only: a FIFO or a device would block or never end.
    Result<QByteArray> bytes = readRegularFile(path, FileLimit::StationConfig);
    if (!bytes && bytes.error().code == ErrorCode::FileMissing) {
        return fail(ErrorCode::FileMissing,
            Tr::tr("The station configuration %1 does not exist.").arg(shown),
            bytes.error().detail);
    }
    if (!bytes) {
        return fail(ErrorCode::Io,
            Tr::tr("The station configuration cannot be read: %1.")
                .arg(QDir::toNativeSeparators(bytes.error().message)),
            bytes.error().detail);
    }
    const Result<QByteArray> text = checkIniText(*bytes);
    if (!text) {
        return fail(ErrorCode::InvalidArgument,
            Tr::tr("The station configuration %1 is not a readable ini file: %2.")
                .arg(shown, text.error().message),
            {},
            Tr::tr("Correct the file, or save the configuration again from the settings."));
    }

    // QSettings reads the bytes just checked, from a private copy, not the path a second time
    // (the file may have been replaced in between).
    QTemporaryFile copy;
    if (!copy.open() || copy.write(*text) != text->size() || !copy.flush()) {
        return fail(ErrorCode::Io,
            Tr::tr("The station configuration %1 cannot be read: no temporary copy.").arg(shown),
            copy.errorString());
    }
    QSettings settings(copy.fileName(), QSettings::IniFormat);
    if (settings.status() != QSettings::NoError) {
        return fail(ErrorCode::InvalidArgument,
            Tr::tr("The station configuration %1 is not a readable ini file.").arg(shown),
            settings.status() == QSettings::FormatError ? u"QSettings::FormatError"_s
                                                        : u"QSettings::AccessError"_s);
    }

    StationConfig config;
    Reader reader(settings);

    const bool backendGiven = settings.contains(KeyBackend);
    const QString backend = reader.string(KeyBackend, backendName(config.backend));
    if (const auto parsed = backendFromName(backend))
        config.backend = *parsed;
    else
        reader.addError(Tr::tr("%1: unknown back end \"%2\" (use \"simulator\" or \"real\").")
                            .arg(KeyBackend, backend));

    config.stationName = reader.name(KeyName);
    config.operatorName = reader.name(KeyOperator);
    config.recipeFolder = reader.string(KeyRecipeFolder);
    config.recordFile = reader.string(KeyRecordFile);
    config.recordSyncEveryWrite = reader.boolean(KeyRecordSyncEveryWrite, false);
    config.logFolder = reader.string(KeyLogFolder);
    config.handsFree = reader.boolean(KeyHandsFree, config.handsFree);
    config.handsFreeSettle = reader.duration(KeyHandsFreeSettle, config.handsFreeSettle);
    const QString cli = reader.string(KeyCli, toolDialectName(config.cli));
    if (const auto parsed = toolDialectFromName(cli))
        config.cli = *parsed;
    else
        reader.addError(
            Tr::tr("%1: unknown tool \"%2\" (use \"azsphere\" or \"az\").").arg(KeyCli, cli));
    config.azspherePath = reader.string(KeyAzsphere);
    config.azPath = reader.string(KeyAz);
    config.rfSettingsToolPath = reader.string(KeyRfSettingsTool);
    config.rfToolCliPath = reader.string(KeyRfToolCli);
    config.plantConnection = reader.string(KeyPlantConnection).trimmed();
    config.plantStationId = reader.name(KeyPlantStation);
    config.plantReadConnection = reader.string(KeyPlantReadConnection).trimmed();
    // A file that names an azsphere tool and says nothing about the back end means the real
    // tool: it never falls back to the simulator silently. Only "backend=simulator" does.
    if (!backendGiven)
        config.backend
            = config.azspherePath.trimmed().isEmpty() && config.azPath.trimmed().isEmpty()
            ? Backend::Simulator
            : Backend::Real;

    settings.beginGroup(GroupToolEnvironment);
    for (const QString &name : settings.childKeys())
        config.toolEnvironment.insert(name, reader.string(name));
    settings.endGroup();

    config.defaultStepTimeout = reader.duration(KeyDefaultStepTimeout, config.defaultStepTimeout);
    settings.beginGroup(GroupStepTimeouts);
    for (const QString &type : settings.childKeys())
        config.stepTimeouts.insert(type, reader.duration(type, config.defaultStepTimeout));
    settings.endGroup();

    config.uartPortPattern = reader.string(KeyUartPattern, config.uartPortPattern);
    config.uartBaudRate = reader.integer(KeyUartBaud, config.uartBaudRate, 1);
    config.idleMinutes = reader.integer(KeyIdleMinutes, config.idleMinutes, 0);
    config.badgePattern = reader.string(KeyBadgePattern).trimmed();

    const int count = settings.beginReadArray(ArrayFixtures);
    for (int i = 0; i < count; ++i) {
        settings.setArrayIndex(i);
        FixtureConfig fixture;
        fixture.number = reader.integer(KeyFixtureNumber, i + 1, 1);
        fixture.label = reader.name(KeyFixtureLabel);
        fixture.connectionPath = reader.string(KeyFixtureConnectionPath).trimmed();
        fixture.ipAddress = reader.string(KeyFixtureIp).trimmed();
        fixture.uartPort = reader.string(KeyFixtureUart).trimmed();
        config.fixtures.append(fixture);
    }
    settings.endArray();

    if (!reader.errors().isEmpty()) {
        return fail(ErrorCode::InvalidArgument,
            Tr::tr("The station configuration %1 has invalid values:\n%2")
                .arg(QDir::toNativeSeparators(path), reader.errors().join(u'\n')));
    }
    return config;
}

Result<> StationConfig::save(const QString &path) const
{
    const QFileInfo info(path);
    if (!QDir().mkpath(info.absolutePath())) {
        return fail(ErrorCode::Io,
            Tr::tr("Cannot create the folder %1 for the station configuration.")
                .arg(QDir::toNativeSeparators(info.absolutePath())));
    }
    if (info.isDir()) {
        return fail(ErrorCode::Io,
            Tr::tr("Cannot write the station configuration %1: it is a folder.")
                .arg(QDir::toNativeSeparators(path)));
    }

    QSettings settings(path, QSettings::IniFormat);
    settings.clear();
    settings.setValue(KeyBackend, backendName(backend));
    settings.setValue(KeyName, stationName);
    settings.setValue(KeyOperator, operatorName);
    settings.setValue(KeyRecipeFolder, recipeFolder);
    settings.setValue(KeyRecordFile, recordFile);
    settings.setValue(KeyRecordSyncEveryWrite, recordSyncEveryWrite);
    settings.setValue(KeyLogFolder, logFolder);
    settings.setValue(KeyHandsFree, handsFree);
    settings.setValue(KeyHandsFreeSettle, qint64(handsFreeSettle.count()));
    settings.setValue(KeyCli, toolDialectName(cli));
    settings.setValue(KeyAzsphere, azspherePath);
    settings.setValue(KeyAz, azPath);
    settings.setValue(KeyRfSettingsTool, rfSettingsToolPath);
    settings.setValue(KeyRfToolCli, rfToolCliPath);
    settings.setValue(KeyPlantConnection, plantConnection);
    settings.setValue(KeyPlantStation, plantStationId);
    settings.setValue(KeyPlantReadConnection, plantReadConnection);

    settings.beginGroup(GroupToolEnvironment);
    for (auto it = toolEnvironment.cbegin(); it != toolEnvironment.cend(); ++it)
        settings.setValue(it.key(), it.value());
    settings.endGroup();

    settings.setValue(KeyDefaultStepTimeout, qint64(defaultStepTimeout.count()));
    settings.beginGroup(GroupStepTimeouts);
    for (auto it = stepTimeouts.cbegin(); it != stepTimeouts.cend(); ++it)
        settings.setValue(it.key(), qint64(it.value().count()));
    settings.endGroup();

    settings.setValue(KeyUartPattern, uartPortPattern);
    settings.setValue(KeyUartBaud, uartBaudRate);
    settings.setValue(KeyIdleMinutes, idleMinutes);
    settings.setValue(KeyBadgePattern, badgePattern);

    settings.beginWriteArray(ArrayFixtures, int(fixtures.size()));
    for (int i = 0; i < fixtures.size(); ++i) {
        const FixtureConfig &fixture = fixtures.at(i);
        settings.setArrayIndex(i);
        settings.setValue(KeyFixtureNumber, fixture.number);
        settings.setValue(KeyFixtureLabel, fixture.label);
        settings.setValue(KeyFixtureConnectionPath, fixture.connectionPath);
        settings.setValue(KeyFixtureIp, fixture.ipAddress);
        settings.setValue(KeyFixtureUart, fixture.uartPort);
    }
    settings.endArray();

    settings.sync();
    if (settings.status() != QSettings::NoError) {
        return fail(ErrorCode::Io,
            Tr::tr("Cannot write the station configuration %1.")
                .arg(QDir::toNativeSeparators(path)),
            settings.status() == QSettings::AccessError ? u"QSettings::AccessError"_s
                                                        : u"QSettings::FormatError"_s);
    }
    return {};
}

QList<Text> StationConfig::plantProblemTexts() const
{
    QList<Text> found;
    static const QRegularExpression password(
        u"(^|\\s)password\\s*="_s, QRegularExpression::CaseInsensitiveOption);
    if (plantConnection.contains(password))
        found.append(Tr::tr("The plant connection names a password: keep it in .pgpass, "
                            "PGPASSFILE or a service file, never in the station's settings."));
    if (plantReadConnection.contains(password))
        found.append(Tr::tr("The plant read connection names a password: keep it in .pgpass, "
                            "PGPASSFILE or a service file, never in the station's settings."));
    return found;
}

QStringList StationConfig::plantProblems() const
{
    QStringList english;
    for (const Text &problem : plantProblemTexts())
        english.append(problem.english());
    return english;
}

QList<Text> StationConfig::problemTexts() const
{
    QList<Text> problems;

    for (auto it = toolEnvironment.cbegin(); it != toolEnvironment.cend(); ++it) {
        if (!isEnvironmentName(it.key()))
            problems.append(
                Tr::tr("\"%1\" is not a valid environment variable name.").arg(it.key()));
    }
    if (defaultStepTimeout <= 0ms)
        problems.append(Tr::tr("The default step timeout must be positive."));
    for (auto it = stepTimeouts.cbegin(); it != stepTimeouts.cend(); ++it) {
        if (it.value() <= 0ms)
            problems.append(
                Tr::tr("The timeout of step type \"%1\" must be positive.").arg(it.key()));
    }
    if (uartBaudRate <= 0)
        problems.append(Tr::tr("The UART baud rate must be positive, not %1.").arg(uartBaudRate));
    if (handsFreeSettle < HandsFreeSettleMin || handsFreeSettle > HandsFreeSettleMax) {
        //: Hands-free: how long a new device must answer before it starts by itself
        problems.append(Tr::tr("The hands-free settle time is %1 to %2 ms, not %3 ms.")
                            .arg(HandsFreeSettleMin.count())
                            .arg(HandsFreeSettleMax.count())
                            .arg(handsFreeSettle.count()));
    }
    problems.append(plantProblemTexts());
    if (idleMinutes < 0 || idleMinutes > 24 * 60)
        problems.append(Tr::tr("The idle time before an automatic sign-out is 0 (never) to 1440 "
                               "minutes, not %1.")
                            .arg(idleMinutes));
    if (!badgePattern.isEmpty() && !QRegularExpression(badgePattern).isValid())
        problems.append(Tr::tr("The badge pattern \"%1\" is not a valid regular expression.")
                            .arg(badgePattern));

    QHash<int, int> numberCount;
    for (const FixtureConfig &fixture : fixtures)
        ++numberCount[fixture.number];
    QList<int> reported;
    for (const FixtureConfig &fixture : fixtures) {
        if (fixture.number < 1 && !reported.contains(fixture.number)) {
            problems.append(
                Tr::tr("Fixture numbers start at 1; %1 is not allowed.").arg(fixture.number));
            reported.append(fixture.number);
        } else if (numberCount.value(fixture.number) > 1 && !reported.contains(fixture.number)) {
            //: %1 is a fixture number, %2 how many fixtures have it
            problems.append(Tr::tr("Fixture number %1 is used by %2 fixtures.")
                                .arg(fixture.number)
                                .arg(numberCount.value(fixture.number)));
            reported.append(fixture.number);
        }
    }

    //: %1 and %3 are fixture numbers, %2 the shared value
    UniqueCheck connectionPaths(
        Tr::tr("Fixture %1 has the same connection path %2 as fixture %3."));
    UniqueCheck ipAddresses(Tr::tr("Fixture %1 has the same IP address %2 as fixture %3."));
    UniqueCheck uartPorts(Tr::tr("Fixture %1 has the same UART port %2 as fixture %3."));
    UniqueCheck labels(Tr::tr("Fixture %1 has the same label \"%2\" as fixture %3."));
    for (const FixtureConfig &fixture : fixtures) {
        const QString number = QString::number(fixture.number);
        if (!fixture.connectionPath.isEmpty() && !isLocationId(fixture.connectionPath)) {
            problems.append(
                Tr::tr("Fixture %1: the connection path \"%2\" is not an FTDI location ID "
                       "(digits only, e.g. 1243).")
                    .arg(number, fixture.connectionPath));
        }
        if (!fixture.ipAddress.isEmpty() && !isIpv4Address(fixture.ipAddress)) {
            problems.append(Tr::tr("Fixture %1: \"%2\" is not an IPv4 address.")
                                .arg(number, fixture.ipAddress));
        }
        if (fixture.connectionPath.isEmpty() && fixture.ipAddress.isEmpty()) {
            problems.append(Tr::tr("Fixture %1 has neither a connection path nor an IP address, "
                                   "so no device can be matched to it.")
                                .arg(number));
        }
        connectionPaths.check(fixture.connectionPath, fixture.number, problems);
        ipAddresses.check(fixture.ipAddress, fixture.number, problems);
        uartPorts.check(fixture.uartPort, fixture.number, problems);
        labels.check(fixture.label, fixture.number, problems);
    }
    return problems;
}

QStringList StationConfig::problems() const
{
    QStringList english;
    for (const Text &problem : problemTexts())
        english.append(problem.english());
    return english;
}

Result<> StationConfig::validate() const
{
    const QStringList found = problems();
    if (found.isEmpty())
        return {};
    return fail(ErrorCode::InvalidArgument, Text::raw(found.join(u'\n')));
}

std::optional<FixtureConfig> StationConfig::fixture(int number) const
{
    for (const FixtureConfig &fixture : fixtures) {
        if (fixture.number == number)
            return fixture;
    }
    return std::nullopt;
}

std::optional<FixtureConfig> StationConfig::fixtureForDevice(
    const QString &connectionPath, const QString &ipAddress) const
{
    if (!connectionPath.isEmpty()) {
        for (const FixtureConfig &fixture : fixtures) {
            if (fixture.connectionPath == connectionPath)
                return fixture;
        }
    }
    if (!ipAddress.isEmpty()) {
        // Only fixtures bound by IP: one bound by connection path holds whatever device sits
        // in that USB port, and IP addresses move between devices.
        for (const FixtureConfig &fixture : fixtures) {
            if (fixture.connectionPath.isEmpty() && fixture.ipAddress == ipAddress)
                return fixture;
        }
    }
    return std::nullopt;
}

std::chrono::milliseconds StationConfig::stepTimeout(const QString &stepType) const
{
    return stepTimeouts.value(stepType, defaultStepTimeout);
}

QProcessEnvironment StationConfig::toolProcessEnvironment(const QProcessEnvironment &base) const
{
    QProcessEnvironment environment = base;
    for (auto it = toolEnvironment.cbegin(); it != toolEnvironment.cend(); ++it)
        environment.insert(it.key(), it.value());
    return environment;
}

Result<QString> StationConfig::azsphereProgram(const QStringList &searchPaths) const
{
    return resolveToolPath(azspherePath, u"azsphere"_s, searchPaths);
}

Result<QString> StationConfig::azProgram(const QStringList &searchPaths) const
{
    return resolveToolPath(azPath, u"az"_s, searchPaths);
}

Result<QString> StationConfig::sphereToolProgram(const QStringList &searchPaths) const
{
    return cli == ToolDialect::Az ? azProgram(searchPaths) : azsphereProgram(searchPaths);
}

Result<QString> StationConfig::rfSettingsToolProgram(const QStringList &searchPaths) const
{
    return resolveToolPath(rfSettingsToolPath, u"RfSettingsTool"_s, searchPaths);
}

Result<QString> StationConfig::rfToolCliProgram(const QStringList &searchPaths) const
{
    return resolveToolPath(rfToolCliPath, u"RfToolCli"_s, searchPaths);
}

Result<QString> resolveToolPath(
    const QString &configuredPath, const QString &name, const QStringList &searchPaths)
{
    const Text remedy = Tr::tr("Install it, or set its path in the station settings.");
    if (configuredPath.isEmpty()) {
        const QString found = QStandardPaths::findExecutable(name, searchPaths);
        if (!found.isEmpty())
            return QDir::cleanPath(found);
        const Text where = searchPaths.isEmpty()
            ? Tr::tr("on the PATH")
            : Tr::tr("in %1").arg(QDir::toNativeSeparators(searchPaths.join(u", "_s)));
        return fail(
            ErrorCode::ToolNotFound, Tr::tr("%1 was not found %2.").arg(name, where), {}, remedy);
    }

    const QString shown = QDir::toNativeSeparators(configuredPath);
    if (!QDir::isAbsolutePath(configuredPath)) {
        return fail(ErrorCode::ToolNotFound,
            Tr::tr("The configured path of %1, %2, is not an absolute path.").arg(name, shown),
            {},
            Tr::tr("Set the full path in the station settings."));
    }
    const QFileInfo info(configuredPath);
    if (!info.exists()) {
        return fail(ErrorCode::ToolNotFound,
            Tr::tr("%1 was not found at %2.").arg(name, shown),
            {},
            remedy);
    }
    if (!info.isFile() || !info.isExecutable()) {
        return fail(ErrorCode::ToolNotFound,
            Tr::tr("The configured path of %1, %2, is not an executable file.").arg(name, shown),
            {},
            remedy);
    }
    return QDir::cleanPath(info.absoluteFilePath());
}

} // namespace Station

#pragma once

#include "services/azsphere/tooldialect.h"
#include "services/base/result.h"

#include <QList>
#include <QMap>
#include <QMetaType>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

#include <chrono>
#include <optional>

namespace Station {

using namespace std::chrono_literals;

enum class Backend { Simulator, Real };

// Stable names as written in the ini file: "simulator", "real". backendFromName also takes
// "simulated" (the record's word), in any case.
QString backendName(Backend backend);
std::optional<Backend> backendFromName(const QString &name);

// One station slot. A device in it is named to the tools by its connection path (the FTDI
// location ID of the fixture's USB port, e.g. "1243": it survives reboots) or, where the SDK
// reports an empty connection path (the real Linux SDK does), by its IP address.
struct FixtureConfig
{
    int number = 0; // 1-based, unique
    QString label;  // what the operator reads on the tile, e.g. "A1"
    QString connectionPath;
    QString ipAddress; // e.g. "192.168.35.2"
    QString uartPort;  // e.g. "/dev/ttyUSB3", or the simulator's <bench>/uart/<connection path>

    // What `--device` gets: the connection path if there is one, else the IP address.
    QString deviceSelector() const { return connectionPath.isEmpty() ? ipAddress : connectionPath; }

    bool operator==(const FixtureConfig &) const = default;
};

// The station configuration, kept in an ini file (QSettings::IniFormat) whose path the caller
// chooses: StationConfig::defaultPath(), `--config <file>`, or a test's temporary file.
// A plain value type: load it, change it, validate it, save it.
struct StationConfig
{
    // From "[station] backend=". A file without that line gets Real when it names an Azure
    // Sphere tool ("[tools] azsphere=" or "[tools] az=" not empty) and Simulator otherwise: a
    // configured tool never falls back to the simulator silently (README, "back end").
    Backend backend = Backend::Simulator;
    // Which Azure Sphere tool drives the devices ("[tools] cli=azsphere|az"): the legacy
    // azsphere CLI (the default), or az with the azure-sphere extension. The simulator has a
    // stand-in for each.
    ToolDialect cli = ToolDialect::Azsphere;
    // Absolute paths of the tools; empty: looked up with QStandardPaths::findExecutable.
    QString azspherePath;
    QString azPath; // "[tools] az=", used when cli=az
    QString rfSettingsToolPath;
    QString rfToolCliPath;
    // Extra variables for every tool call (e.g. AZSPHERE_SIM_TIME_SCALE), on top of the
    // station's own environment.
    QMap<QString, QString> toolEnvironment;

    QString stationName;
    QString operatorName;
    QString recipeFolder; // empty: the application's default
    QString recordFile;   // empty: the application's default
    // Every record write waits for the disk (survives a power cut) instead of only run starts,
    // device IDs, finalize intents and verdicts (see RecordStore::setSyncEveryWrite).
    bool recordSyncEveryWrite = false;
    QString logFolder; // empty: <AppLocalDataLocation>/logs
    // Hands-free ("[station] handsFree=", "[station] handsFreeSettleMs="): a new device that has
    // answered for the settle time starts by itself (HandsFreeDecider, README "Hands-free").
    // Below half a second a USB bounce could pass for a device; above 30 s it is not hands-free.
    bool handsFree = false;
    std::chrono::milliseconds handsFreeSettle = 1000ms; // HandsFreeDecider::DefaultSettle
    static constexpr std::chrono::milliseconds HandsFreeSettleMin = 500ms;
    static constexpr std::chrono::milliseconds HandsFreeSettleMax = 30s;

    // Delivery to the plant database (docs/plant.md). "[plant] connection=": libpq key=value
    // pairs or service=NAME, never a password (it comes from .pgpass, PGPASSFILE or a service
    // file); empty: no plant, the station keeps its record to itself. "[plant] station=": the
    // station ID IT registered for this station's login; empty: the station's name (as the
    // record has it: --station, [station] name, else the host name).
    QString plantConnection;
    QString plantStationId;
    // The plant views (docs/plant-views.md): "[plant] readConnection=", the conninfo of a login
    // in the role plant_quality, which reads every station's rows (the station's own login
    // sees only its own rows). The same rule: never a password. Empty: the Records and Yield
    // pages and the device view show this station's record only.
    QString plantReadConnection;
    // The station ID delivery uses: plantStationId, else stationName.
    QString plantStation() const
    {
        return plantStationId.trimmed().isEmpty() ? stationName.trimmed()
                                                  : plantStationId.trimmed();
    }

    // A step's timeout when its recipe sets none: by step type ("recover"), else the default.
    std::chrono::milliseconds defaultStepTimeout = 300s;
    QMap<QString, std::chrono::milliseconds> stepTimeouts;

    QString uartPortPattern = QStringLiteral("/dev/ttyUSB*"); // offered in the settings UI
    int uartBaudRate = 115200;                                // REFERENCE §8: 115200 8N1

    // Sign-in (docs/roles.md): "[auth] idleMinutes=" signs a user out after that long without
    // a key or a click (0: never); "[auth] badgePattern=" is a regular expression a badge
    // matches, so that a badge scanned while someone is signed in switches the user.
    int idleMinutes = 15;
    QString badgePattern;

    QList<FixtureConfig> fixtures;

    bool operator==(const StationConfig &) const = default;

    // <AppConfigLocation>/sphere-station.ini: the user's configuration, which the settings
    // dialog writes.
    static QString defaultPath();
    // The system-wide default a package installs (/etc/sphere-station/station.ini under the
    // /usr prefix): read only while the user has no configuration of their own.
    static QString systemPath();
    // The configuration to read when none is named: the user's file if it is there (also a
    // dangling link or a FIFO, which load() then refuses with the reason), else the system
    // default if it is there, else empty (built-in defaults). The whole file is taken, never
    // merged key by key.
    static QString pathToRead(const QString &userPath, const QString &systemPath);
    static QString pathToRead() { return pathToRead(defaultPath(), systemPath()); }

    // Reads the ini file. A file that does not exist is FileMissing; one that is not a regular
    // file of at most FileLimit::StationConfig bytes (a FIFO, a folder, /dev/zero) is Io; one
    // that is not an ini file (NUL bytes, invalid UTF-8, control characters, a line that is
    // neither blank, a comment, [section] nor key=value, a key set twice) is InvalidArgument
    // with the line number and the reason; a value of the wrong type (a fixture number "x", a
    // timeout "-5", a name with a control character) is InvalidArgument naming the key. Loading
    // does not validate, so that the settings dialog can show and fix a bad configuration.
    [[nodiscard]] static Result<StationConfig> load(const QString &path);
    // Writes the whole configuration (replacing the file's content), creating the folder.
    [[nodiscard]] Result<> save(const QString &path) const;

    // Everything that is wrong, one sentence each (empty: valid): translatable, for a window to
    // show translated(); problems() has them in English.
    QList<Text> problemTexts() const;
    QStringList problems() const;
    // The part of problems() about delivery to the plant (a station refuses to start with one).
    QList<Text> plantProblemTexts() const;
    QStringList plantProblems() const;
    // InvalidArgument with problems() joined by newlines as the message, if any.
    [[nodiscard]] Result<> validate() const;

    std::optional<FixtureConfig> fixture(int number) const;
    // The fixture an attached device sits in: by connection path when both sides have one,
    // otherwise by IP address.
    std::optional<FixtureConfig> fixtureForDevice(
        const QString &connectionPath, const QString &ipAddress) const;
    std::chrono::milliseconds stepTimeout(const QString &stepType) const;

    // base plus toolEnvironment.
    QProcessEnvironment toolProcessEnvironment(
        const QProcessEnvironment &base = QProcessEnvironment::systemEnvironment()) const;

    // The tools as absolute, executable paths (see resolveToolPath). searchPaths: where to look
    // when no path is configured (e.g. the simulator's folder); empty: PATH.
    [[nodiscard]] Result<QString> azsphereProgram(const QStringList &searchPaths = {}) const;
    [[nodiscard]] Result<QString> azProgram(const QStringList &searchPaths = {}) const;
    // The tool `cli` selects: azsphereProgram() or azProgram().
    [[nodiscard]] Result<QString> sphereToolProgram(const QStringList &searchPaths = {}) const;
    // The path configured for the tool `cli` selects (may be empty).
    QString sphereToolPath() const { return cli == ToolDialect::Az ? azPath : azspherePath; }
    [[nodiscard]] Result<QString> rfSettingsToolProgram(const QStringList &searchPaths = {}) const;
    [[nodiscard]] Result<QString> rfToolCliProgram(const QStringList &searchPaths = {}) const;
};

// The configured absolute path, checked to be an executable file; or, when nothing is
// configured, `name` found with QStandardPaths::findExecutable in searchPaths (empty: PATH).
// ToolNotFound with a message naming the tool and what to do otherwise.
[[nodiscard]] Result<QString> resolveToolPath(
    const QString &configuredPath, const QString &name, const QStringList &searchPaths = {});

} // namespace Station

Q_DECLARE_METATYPE(Station::FixtureConfig)
Q_DECLARE_METATYPE(Station::StationConfig)

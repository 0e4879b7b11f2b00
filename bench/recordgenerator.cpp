#include "recordgenerator.h"

#include "services/records/recordstore.h"
#include "services/run/runtypes.h"

#include <QDate>
#include <QFile>

#include <array>
#include <cmath>
#include <deque>
#include <sqlite3.h>
#include <string>
#include <string_view>
#include <vector>

using namespace Qt::Literals::StringLiterals;

namespace Bench {

namespace {

// The benchmarks speak English only: their messages are plain text, never translated.
tl::unexpected<Station::Error> fail(
    Station::ErrorCode code, const QString &message, const QString &detail = {})
{
    return Station::fail(code, Station::Text::raw(message), detail);
}

using Station::ErrorCode;

constexpr qint64 HourMs = 3600 * 1000;
constexpr qint64 WorkingDayMs = 2 * qint64(ShiftSeconds) * 1000; // two shifts
constexpr int RunsPerTransaction = 5000;

// The weekdays of 2025 (00:00 UTC, ms since the epoch).
const std::vector<qint64> &workingDays()
{
    static const std::vector<qint64> days = [] {
        std::vector<qint64> list;
        for (QDate d(2025, 1, 1); d.year() == 2025; d = d.addDays(1)) {
            if (d.dayOfWeek() <= 5)
                list.push_back(QDateTime(d, QTime(0, 0), Qt::UTC).toMSecsSinceEpoch());
        }
        return list;
    }();
    return days;
}

quint64 mix(quint64 x)
{
    // splitmix64: a well-spread deterministic hash of a counter.
    x += 0x9e3779b97f4a7c15ULL;
    x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
    x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
    return x ^ (x >> 31);
}

class Rng
{
public:
    explicit Rng(quint64 seed)
        : m_state(seed)
    { }
    quint64 next() { return mix(m_state++); }
    double uniform() { return double(next() >> 11) * (1.0 / double(1ULL << 53)); }
    int below(int n) { return int(next() % quint64(n)); }
    bool chance(double p) { return uniform() < p; }
    // Roughly normal (sum of uniforms), mean 0, standard deviation 1.
    double gauss()
    {
        double sum = 0.0;
        for (int i = 0; i < 12; ++i)
            sum += uniform();
        return sum - 6.0;
    }

private:
    quint64 m_state;
};

qint64 runStartMs(const RecordSpec &spec, qint64 runId)
{
    const auto &days = workingDays();
    const double spacing = double(days.size()) * double(WorkingDayMs) / double(spec.runs);
    const auto jitter
        = qint64(double(mix(spec.seed ^ quint64(runId)) % 1000) / 1000.0 * spacing * 0.5);
    const auto working = qint64(double(runId - 1) * spacing) + jitter;
    const auto day = std::min<std::size_t>(std::size_t(working / WorkingDayMs), days.size() - 1);
    return days[day] + 6 * HourMs + (working - qint64(day) * WorkingDayMs);
}

// "2025-03-04T08:15:14.123Z", as RecordSql::timeText writes it (checked at start).
std::string timeText(qint64 ms)
{
    const qint64 days = ms >= 0 ? ms / 86'400'000 : (ms - 86'399'999) / 86'400'000;
    qint64 rest = ms - days * 86'400'000;
    // Civil date from days since 1970-01-01 (H. Hinnant's algorithm).
    const qint64 z = days + 719'468;
    const qint64 era = (z >= 0 ? z : z - 146'096) / 146'097;
    const qint64 doe = z - era * 146'097;
    const qint64 yoe = (doe - doe / 1460 + doe / 36'524 - doe / 146'096) / 365;
    qint64 y = yoe + era * 400;
    const qint64 doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const qint64 mp = (5 * doy + 2) / 153;
    const qint64 d = doy - (153 * mp + 2) / 5 + 1;
    const qint64 m = mp < 10 ? mp + 3 : mp - 9;
    if (m <= 2)
        ++y;
    const qint64 hh = rest / HourMs;
    rest -= hh * HourMs;
    const qint64 mm = rest / 60'000;
    rest -= mm * 60'000;
    const qint64 ss = rest / 1000;
    const qint64 msec = rest - ss * 1000;
    char buffer[96];
    std::snprintf(buffer,
        sizeof buffer,
        "%04lld-%02lld-%02lldT%02lld:%02lld:%02lld.%03lldZ",
        static_cast<long long>(y),
        static_cast<long long>(m),
        static_cast<long long>(d),
        static_cast<long long>(hh),
        static_cast<long long>(mm),
        static_cast<long long>(ss),
        static_cast<long long>(msec));
    return buffer;
}

std::string hex(Rng &rng, int bytes)
{
    static constexpr char Digits[] = "0123456789abcdef";
    std::string out;
    out.reserve(std::size_t(bytes) * 2);
    for (int i = 0; i < bytes; i += 8) {
        quint64 word = rng.next();
        for (int j = 0; j < 8 && i + j < bytes; ++j) {
            out += Digits[(word >> 4) & 0xf];
            out += Digits[word & 0xf];
            word >>= 8;
        }
    }
    return out;
}

std::string str(const QString &text)
{
    return text.toStdString();
}

const std::string Azsphere = "/opt/azurespheresdk/Tools_v2/azsphere";
const std::string RfSettings = "/opt/azurespheresdk/Tools_v2/RfSettingsTool";
const std::string RfCli = "/opt/azurespheresdk/Tools_v2/RfToolCli";
const std::string RecipeDir = "/srv/sphere-line/recipes/product-a";
const std::string KeystoreCid = "6ce93845-da18-4620-b1d1-0e13a8189494";
const std::string KeystoreIid = "9c551086-6fdc-40a0-9a10-24845766627f";
const std::string TestAppCid = "00d98a24-5a1d-58bd-a9f3-63836745ed89";
const std::string TestAppIid = "7a24a8d9-9b0e-5360-a09f-5e657976e095";
const std::string ProductCid = "2b7e1f3c-5a4d-5e62-9c1b-8f0a6d3e4c21";
const std::string ProductIid = "c4a1e6b0-3f2d-4e8a-b7c9-1d5e0f6a2b83";
const std::string RfTestServerCid = "508eddf2-b8c3-4a99-93d9-a045d9a060eb";

struct Failure
{
    ErrorCode code;
    int weight;
    const char *cause;
    const char *remedy;
    const char *stderrText;
};

struct StepTemplate
{
    const char *name;
    const char *type;
    double seconds; // typical duration
    int failWeight; // share of the FAIL runs that fail here
    std::vector<Failure> failures;
};

const std::vector<StepTemplate> &recipe()
{
    static const std::vector<StepTemplate> steps {
        {"Wait for device",
            "connect",
            2.0,
            2,
            {{ErrorCode::DeviceAbsent,
                1,
                "No device appeared in the fixture within 60 s.",
                "Seat the device in the fixture and check the USB cable.",
                ""}}},
        {"Record device details",
            "details",
            3.0,
            3,
            {{ErrorCode::DeviceNotResponding,
                1,
                "The device does not respond.",
                "Unplug the device, plug it in again and retry.",
                "error: The device is not responding. The device may be unresponsive if it is "
                "applying an Azure Sphere operating system update; please retry in a few "
                "minutes.\n"}}},
        {"Recover to OS 26.09",
            "os-update",
            240.0,
            15,
            {{ErrorCode::RecoveryFailed,
                 3,
                 "The device recovery failed.",
                 "Retry; replace the device if it fails again.",
                 "error: Device recovery failed.\n"},
                {ErrorCode::RecoveryModeFailed,
                    1,
                    "The device could not be put into recovery mode.",
                    "Unplug the device, plug it in again and retry.",
                    "error: Could not enter recovery mode.\n"},
                {ErrorCode::OsVersionMismatch,
                    1,
                    "After recovery the device runs OS 25.10, not 26.09.",
                    "Check the recovery images of the recipe.",
                    ""}}},
        {"Program region US",
            "rf-calibrate",
            20.0,
            8,
            {{ErrorCode::EfuseAlreadyProgrammed,
                 1,
                 "The device's RF settings are already programmed with another region.",
                 "Set the device aside for engineering.",
                 "Error: e-fuse already programmed.\n"},
                {ErrorCode::RfTestModeUnavailable,
                    1,
                    "The device's RF test mode is not available.",
                    "Recover the device and retry.",
                    "Error: RF test mode unavailable.\n"}}},
        {"Verify RF settings",
            "rf-verify",
            5.0,
            15,
            {{ErrorCode::RfCheckFailed,
                1,
                "The RF settings differ from the expected configuration: Target power 5 GHz.",
                "Program the region again; replace the device if it fails again.",
                ""}}},
        {"Trusted keystore v2",
            "keystore",
            30.0,
            5,
            {{ErrorCode::ImageNotTrusted,
                1,
                "The device does not trust the keystore package.",
                "Check that the recipe uses the production-signed keystore.",
                "error: Image not trusted by device.\n"}}},
        {"Load functional test app",
            "sideload",
            25.0,
            6,
            {{ErrorCode::InsufficientSpace,
                 1,
                 "The device has not enough space for the application.",
                 "Remove applications from the device and retry.",
                 "error: Insufficient space on the device.\n"},
                {ErrorCode::InstallationFailed,
                    1,
                    "The application could not be installed.",
                    "Retry; replace the device if it fails again.",
                    "error: Installation failed.\n"}}},
        {"Functional test",
            "uart-test",
            15.0,
            30,
            {{ErrorCode::MeasurementOutOfLimits,
                 6,
                 "A measurement is outside its limits.",
                 "Check the device's supply; set the device aside for repair.",
                 ""},
                {ErrorCode::UartTimeout,
                    2,
                    "The device's test firmware did not answer on the UART within 1000 ms.",
                    "Check the UART cable of the fixture.",
                    ""},
                {ErrorCode::UartUnexpectedReply,
                    2,
                    "The device's self-test failed: FAIL flash.",
                    "Set the device aside for repair.",
                    ""}}},
        {"Remove test components",
            "delete-temporary",
            8.0,
            2,
            {{ErrorCode::ApplicationNotPresent,
                1,
                "A temporary component could not be removed.",
                "Retry the run.",
                "error: Application not present.\n"}}},
        {"Install ProductApp",
            "sideload",
            40.0,
            6,
            {{ErrorCode::OtaInProgress,
                 1,
                 "The device is busy installing an over-the-air update.",
                 "Wait a few minutes and retry.",
                 "error: An over-the-air update is in progress.\n"},
                {ErrorCode::InstallationFailed,
                    1,
                    "The application could not be installed.",
                    "Retry; replace the device if it fails again.",
                    "error: Installation failed.\n"}}},
        {"Ready-to-ship checks",
            "ready-to-ship",
            8.0,
            6,
            {{ErrorCode::ReadyCheckFailed,
                1,
                "The device is not ready to ship: an unexpected image is installed.",
                "Run the device through the line again.",
                ""}}},
        {"Finalize (DeviceComplete)",
            "finalize",
            12.0,
            2,
            {{ErrorCode::FinalizeRefused,
                1,
                "The device refused the state change to DeviceComplete.",
                "Set the device aside for engineering.",
                "error: Permission denied.\n"}}},
    };
    return steps;
}

struct Device
{
    std::string id;
    std::string serial;
    bool recovered = false; // an earlier run already brought it to 26.09
    int runs = 0;           // earlier runs of this device
};

// One prepared statement with positional binds (1-based). Text binds are SQLITE_STATIC: the
// caller's buffers live until exec() returns.
class Statement
{
public:
    Statement(sqlite3 *db, const char *sql)
        : m_db(db)
    {
        if (sqlite3_prepare_v3(db, sql, -1, SQLITE_PREPARE_PERSISTENT, &m_stmt, nullptr)
            != SQLITE_OK)
            m_stmt = nullptr;
    }
    ~Statement() { sqlite3_finalize(m_stmt); }
    Q_DISABLE_COPY_MOVE(Statement)

    bool isValid() const { return m_stmt != nullptr; }
    Statement &text(int i, std::string_view value)
    {
        sqlite3_bind_text(m_stmt, i, value.data(), int(value.size()), SQLITE_STATIC);
        return *this;
    }
    Statement &integer(int i, qint64 value)
    {
        sqlite3_bind_int64(m_stmt, i, value);
        return *this;
    }
    Statement &real(int i, double value)
    {
        sqlite3_bind_double(m_stmt, i, value);
        return *this;
    }
    Statement &null(int i)
    {
        sqlite3_bind_null(m_stmt, i);
        return *this;
    }
    bool exec()
    {
        const int rc = sqlite3_step(m_stmt);
        sqlite3_reset(m_stmt);
        return rc == SQLITE_DONE;
    }
    QString error() const { return QString::fromUtf8(sqlite3_errmsg(m_db)); }

private:
    sqlite3 *m_db = nullptr;
    sqlite3_stmt *m_stmt = nullptr;
};

struct CommandRow
{
    std::string line;
    std::string out;
    std::string err;
    bool failed = false;
};

struct MeasurementRow
{
    const char *name;
    double value;
    const char *unit;
    double low;
    double high;
};

class Generator
{
public:
    Generator(sqlite3 *db, const RecordSpec &spec)
        : m_spec(spec)
        , m_rng(spec.seed)
        , m_run(db, R"(INSERT INTO runs (id, fixture, fixture_label, connection_path, device_id,
                serial_number, ip_address, recipe_name, recipe_version, recipe_sha256, recipe_path,
                station, operator, app_version, backend, azsphere_path, azsphere_version,
                rf_tool_path, rf_tool_version, os_version, image_ids, manufacturing_state,
                started_utc, finished_utc, outcome, failed_step, error_code, cause)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,
                ?, ?, ?))")
        , m_step(db, R"(INSERT INTO steps (id, run_id, seq, name, type, started_utc,
                finished_utc, outcome, attempts, error_code, cause, remedy, note, data)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?))")
        , m_command(db, R"(INSERT INTO commands (step_id, seq, command_line, outcome, exit_code,
                stdout, stderr, truncated, started_utc, finished_utc)
                VALUES (?, ?, ?, ?, ?, ?, ?, 0, ?, ?))")
        , m_measurement(db, R"(INSERT INTO measurements (step_id, seq, name, value, unit, low,
                high, pass) VALUES (?, ?, ?, ?, ?, ?, ?, ?))")
        , m_device(db, R"(INSERT INTO devices (device_id, first_seen_utc, last_seen_utc,
                manufacturing_state, last_outcome, last_run_id) VALUES (?, ?, ?, ?, ?, ?)
                ON CONFLICT (device_id) DO UPDATE SET
                last_seen_utc = max(last_seen_utc, excluded.last_seen_utc),
                manufacturing_state = coalesce(nullif(excluded.manufacturing_state, ''),
                                               manufacturing_state),
                last_outcome = excluded.last_outcome, last_run_id = excluded.last_run_id)")
        , m_serial(db, R"(INSERT OR IGNORE INTO serials (serial_number, device_id, first_run_id,
                bound_utc) VALUES (?, ?, ?, ?))")
        , m_event(db, R"(INSERT INTO events (time_utc, station, operator, fixture, kind, detail)
                VALUES (?, ?, ?, ?, ?, ?))")
    {
        for (const StepTemplate &step : recipe())
            m_failWeightTotal += step.failWeight;
        for (const Statement *s :
            {&m_run, &m_step, &m_command, &m_measurement, &m_device, &m_serial, &m_event}) {
            if (!s->isValid() && m_error.isEmpty())
                m_error = u"prepare: "_s + s->error();
        }
    }

    QString error() const { return m_error; }
    const RecordCounts &counts() const { return m_counts; }

    void writeRun(qint64 runId);

private:
    void check(Statement &statement, const char *what)
    {
        if (!statement.exec() && m_error.isEmpty())
            m_error = QString::fromLatin1(what) + u": "_s + statement.error();
    }
    Device nextDevice(qint64 runId);
    void commandsOf(int index, const Device &device, int fixture, std::vector<CommandRow> &out);

    RecordSpec m_spec;
    Rng m_rng;
    Statement m_run;
    Statement m_step;
    Statement m_command;
    Statement m_measurement;
    Statement m_device;
    Statement m_serial;
    Statement m_event;
    QString m_error;
    RecordCounts m_counts;
    int m_failWeightTotal = 0;
    qint64 m_nextSerial = 25'000'001;
    std::deque<std::pair<qint64, Device>> m_retests; // (not before run id, device)
};

Device Generator::nextDevice(qint64 runId)
{
    if (!m_retests.empty() && m_retests.front().first <= runId) {
        Device device = std::move(m_retests.front().second);
        m_retests.pop_front();
        return device;
    }
    return Device {hex(m_rng, 64), "SN" + std::to_string(m_nextSerial++), false, 0};
}

void Generator::commandsOf(
    int index, const Device &device, int fixture, std::vector<CommandRow> &out)
{
    const std::string cp = std::to_string(1210 + fixture);
    const std::string ip = "192.168.35." + std::to_string(1 + fixture);
    const std::string warning
        = "WARNING: The device with IP '" + ip + "' is selected from parameter '" + cp + "'\n";
    const std::string attached = "{\n  \"ConnectionPath\": \"" + cp + "\",\n  \"DeviceId\": \""
        + device.id + "\",\n  \"IpAddress\": \"" + ip + "\"\n}\n";
    const std::string state = "{\n  \"manufacturingState\": \"Blank\"\n}\n";
    const std::string installed = std::string("[\n  {\n    \"image_type\": 10,\n    \"images\": [")
        + "{\"uid\": \"" + ProductIid + "\", \"length_in_bytes\": 196608}],\n    \"name\": "
        + "\"ProductApp\",\n    \"uid\": \"" + ProductCid + "\"\n  }\n]\n";
    const auto deploy = [&](const char *package) {
        const std::string path = RecipeDir + "/" + package;
        return CommandRow {
            Azsphere + " device sideload deploy --image-package " + path + " --device " + cp,
            "Deploying '" + path + "' to the attached device.\nImage package '" + path
                + "' has been deployed to the attached device.\n",
            warning};
    };
    switch (index) {
    case 0:
        out.push_back(
            {Azsphere + " device list-attached --output json", "[\n" + attached + "]\n", ""});
        break;
    case 1:
        out.push_back({Azsphere + " device show-attached --device " + cp + " --output json",
            attached,
            warning});
        out.push_back(
            {Azsphere + " device manufacturing-state show --device " + cp + " --output json",
                state,
                warning});
        break;
    case 2:
        out.push_back(
            {Azsphere + " device image list-installed --full --device " + cp + " --output json",
                installed,
                warning});
        if (!device.recovered) {
            out.push_back({Azsphere + " device recover --images " + RecipeDir
                    + "/recovery/26.09 --device " + cp,
                "Starting device recovery. Please note that this may take up to 10 minutes.\n"
                "Board found. Sending recovery bootloader.\nErasing flash.\nSending 16 images. "
                "(5558148 bytes to send)\nFinished writing images; rebooting board.\nDevice "
                "ID: "
                    + device.id.substr(0, 16) + "...\nDevice recovered successfully.\n",
                warning});
            out.push_back(
                {Azsphere + " device image list-installed --full --device " + cp + " --output json",
                    installed,
                    warning});
        }
        break;
    case 3:
        out.push_back({RfSettings + " show --device " + cp,
            "Reading configuration data from device.\nMAC address:          02:5A:"
                + device.id.substr(0, 2) + ":" + device.id.substr(2, 2) + ":"
                + device.id.substr(4, 2) + ":" + device.id.substr(6, 2)
                + "\nRegion code:          (not set)\nRx diversity:         0x29\n",
            ""});
        out.push_back({RfCli + " --device " + cp, "OK\nOK\nConfiguration saved.\n", ""});
        [[fallthrough]];
    case 4:
        out.push_back(
            {RfSettings + " check --expected " + RecipeDir + "/rf/product-US.bin --device " + cp,
                "Reading configuration data from device.\nComparing configurations.\nSKIPPED: MAC "
                "address (per device)\nOK: Region code: US\nOK: Rx diversity: 0x29\nOK: Target "
                "power 2.4 GHz: 17.0 dBm\nOK: Target power 5 GHz: 15.0 dBm\n",
                ""});
        break;
    case 5:
        out.push_back(deploy("keystore/TrustedKeystore-v2.imagepackage"));
        out.push_back({Azsphere + " device show-attached --device " + cp + " --output json",
            attached,
            warning});
        break;
    case 6:
        out.push_back(deploy("apps/FunctionalTestApp.imagepackage"));
        break;
    case 7:
        out.push_back({"uart /dev/ttyUSB" + std::to_string(fixture - 1) + " script (9 actions)",
            "> PING\n< PONG\n> ID\n< ID " + device.id.substr(0, 24)
                + "...\n> GPIO SET 8 1\n< OK\n> GPIO GET 8\n< GPIO 8 1\n> MEASURE VCC_3V3\n< "
                  "VCC_3V3 3.30\n> MEASURE VCC_1V8\n< VCC_1V8 1.80\n> MEASURE CURRENT_MA\n< "
                  "CURRENT_MA 84.2\n> MEASURE TEMP_C\n< TEMP_C 31.5\n> SELFTEST\n< PASS\n",
            ""});
        break;
    case 8:
        for (const std::string &cid : {RfTestServerCid, TestAppCid}) {
            out.push_back(
                {Azsphere + " device sideload delete --component-id " + cid + " --device " + cp,
                    "Component '" + cid + "' deleted.\n",
                    warning});
        }
        break;
    case 9:
        out.push_back(deploy("apps/ProductApp.imagepackage"));
        break;
    case 10:
        out.push_back(
            {Azsphere + " device image list-installed --full --device " + cp + " --output json",
                installed,
                warning});
        out.push_back(
            {Azsphere + " device manufacturing-state show --device " + cp + " --output json",
                state,
                warning});
        out.push_back({Azsphere + " device show-os-version --device " + cp,
            "Your device is running Azure Sphere OS version 26.09.\n",
            warning});
        break;
    case 11:
        out.push_back({Azsphere
                + " device manufacturing-state update --state DeviceComplete "
                  "--device "
                + cp,
            "Updating manufacturing state to DeviceComplete.\nRestarting device.\nDevice "
            "restarted successfully.\n",
            warning});
        out.push_back(
            {Azsphere + " device manufacturing-state show --device " + cp + " --output json",
                "{\n  \"manufacturingState\": \"DeviceComplete\"\n}\n",
                warning});
        break;
    default:
        break;
    }
}

void Generator::writeRun(qint64 runId)
{
    if (!m_error.isEmpty())
        return;
    const auto &steps = recipe();
    const int stepCount = int(steps.size());
    const int fixture = int((runId - 1) % m_spec.fixtures) + 1;
    const qint64 startMs = runStartMs(m_spec, runId);
    Device device = nextDevice(runId);
    const bool retest = device.runs > 0;

    // Verdict first, then where it stops.
    enum class Plan { Pass, Fail, Abort, Interrupt } plan = Plan::Pass;
    const double roll = m_rng.uniform();
    const double failShare = retest ? 0.18 : 0.065;
    if (roll < failShare)
        plan = Plan::Fail;
    else if (roll < failShare + 0.01)
        plan = Plan::Abort;
    else if (roll < failShare + 0.015)
        plan = Plan::Interrupt;

    int stopAt = stepCount; // index of the failing/aborted step, or steps done (interrupt)
    const Failure *failure = nullptr;
    if (plan == Plan::Fail) {
        int pick = m_rng.below(m_failWeightTotal);
        for (int i = 0; i < stepCount; ++i) {
            pick -= steps[std::size_t(i)].failWeight;
            if (pick < 0) {
                stopAt = i;
                break;
            }
        }
        const auto &failures = steps[std::size_t(stopAt)].failures;
        int total = 0;
        for (const Failure &f : failures)
            total += f.weight;
        int choice = m_rng.below(total);
        for (const Failure &f : failures) {
            choice -= f.weight;
            if (choice < 0) {
                failure = &f;
                break;
            }
        }
    } else if (plan == Plan::Abort || plan == Plan::Interrupt) {
        stopAt = m_rng.below(stepCount);
    }

    const std::string fixtureText = std::to_string(fixture);
    const std::string cp = std::to_string(1210 + fixture);
    const std::string ip = "192.168.35." + std::to_string(1 + fixture);
    const std::string started = timeText(startMs);
    // Three recipe releases over the year.
    const int release = startMs < runStartMs(m_spec, m_spec.runs / 3) ? 0
        : startMs < runStartMs(m_spec, 2 * m_spec.runs / 3)           ? 1
                                                                      : 2;
    static const std::array<const char *, 3> Versions {"3.1.0", "3.2.0", "3.2.1"};
    static const std::array<const char *, 3> Hashes {
        "52ee50c457a72931bc407ea6b9c8629359c441428630b3724eee94eabeaff1e8",
        "9f1c0b7e44d2a5c3e8b6f0a1d2c3b4a5968778695a4b3c2d1e0f9a8b7c6d5e4f",
        "0d4e2c6a8b1f3e5d7c9a0b2d4f6e8a1c3b5d7f9e0a2c4e6b8d0f1a3c5e7b9d2f"};
    static const std::array<const char *, 8> Operators {
        "a.kovac", "b.schmidt", "c.nguyen", "d.weber", "e.rossi", "f.meyer", "g.chen", "h.novak"};
    const int shift = int(((startMs / HourMs) % 24) >= 14);
    const char *operatorName = Operators[std::size_t((fixture / 16) % 4 * 2 + shift)];

    std::vector<CommandRow> commands;
    qint64 t = startMs + 300 + m_rng.below(400);
    std::string lastFinished = started;
    int stepsDone = 0;
    bool deviceKnown = false;
    for (int i = 0; i < stepCount && m_error.isEmpty(); ++i) {
        if (plan == Plan::Interrupt && i == stopAt)
            break;
        const StepTemplate &tpl = steps[std::size_t(i)];
        const bool failsHere = plan == Plan::Fail && i == stopAt;
        const bool abortsHere = plan == Plan::Abort && i == stopAt;
        const bool skipRecover = i == 2 && device.recovered;

        commands.clear();
        commandsOf(i, device, fixture, commands);
        if (failsHere && failure->code != ErrorCode::MeasurementOutOfLimits
            && failure->code != ErrorCode::RfCheckFailed) {
            CommandRow &last = commands.back();
            last.failed = true;
            last.err = failure->stderrText;
            if (failure->code == ErrorCode::UartTimeout
                || failure->code == ErrorCode::UartUnexpectedReply)
                last.out = failure->code == ErrorCode::UartTimeout
                    ? "> PING\n! no answer within 1000 ms\n"
                    : "> PING\n< PONG\n> SELFTEST\n< FAIL flash\n";
            else if (last.err.empty())
                last.err = "error: " + std::string(failure->cause) + "\n";
        }
        if (abortsHere)
            commands.resize(1);

        const double seconds = skipRecover ? 4.0 : tpl.seconds * (0.8 + 0.4 * m_rng.uniform());
        const qint64 stepStart = t;
        const qint64 stepEnd
            = abortsHere ? t + qint64(seconds * 500.0) : t + qint64(seconds * 1000.0);
        const qint64 perCommand = (stepEnd - stepStart) / qint64(commands.size());
        const qint64 stepId = ++m_counts.steps;
        const bool retried = !failsHere && !abortsHere && m_rng.chance(0.01);

        std::string data = "{}";
        if (i == 0 || i == 1) {
            data = "{\"connectionPath\":\"" + cp + "\",\"deviceId\":\"" + device.id
                + "\",\"ipAddress\":\"" + ip + "\""
                + (i == 1 ? ",\"manufacturingState\":\"Blank\"}" : "}");
        } else if (i == 2) {
            data = device.recovered ? "{\"osBefore\":\"26.09\",\"osVersion\":\"26.09\"}"
                                    : "{\"osBefore\":\"24.03\",\"osVersion\":\"26.09\"}";
        } else if (i == 5 || i == 6 || i == 9) {
            const bool keystore = i == 5;
            const bool product = i == 9;
            data = std::string("{\"package\":{\"componentId\":\"")
                + (keystore       ? KeystoreCid
                        : product ? ProductCid
                                  : TestAppCid)
                + "\",\"imageId\":\""
                + (keystore       ? KeystoreIid
                        : product ? ProductIid
                                  : TestAppIid)
                + "\",\"imageType\":" + (keystore ? "19" : "10") + "}}";
        } else if (i == 7) {
            data = "{\"port\":\"/dev/ttyUSB" + std::to_string(fixture - 1) + "\"}";
        }

        const std::string stepStarted = timeText(stepStart);
        const std::string stepFinished = timeText(stepEnd);
        const char *outcome = failsHere ? "FAIL" : abortsHere ? "ABORTED" : "PASS";
        const std::string code = failsHere ? str(Station::errorCodeName(failure->code))
            : abortsHere                   ? str(Station::errorCodeName(ErrorCode::Cancelled))
                                           : std::string();
        const std::string cause = failsHere ? failure->cause
            : abortsHere                    ? "The operator aborted the run."
                                            : "";
        const std::string remedy = failsHere ? failure->remedy : "";
        const char *note = skipRecover ? "OS already 26.09; recover skipped"
            : i == 3                   ? "region US programmed"
            : retried                  ? "passed on attempt 2"
                                       : "";
        m_step.integer(1, stepId)
            .integer(2, runId)
            .integer(3, i + 1)
            .text(4, tpl.name)
            .text(5, tpl.type)
            .text(6, stepStarted)
            .text(7, stepFinished)
            .text(8, outcome)
            .integer(9, retried ? 2 : 1)
            .text(10, code)
            .text(11, cause)
            .text(12, remedy)
            .text(13, note)
            .text(14, data);
        check(m_step, "insert step");

        for (std::size_t c = 0; c < commands.size(); ++c) {
            const CommandRow &command = commands[c];
            const std::string cStart = timeText(stepStart + qint64(c) * perCommand);
            const std::string cEnd = timeText(stepStart + qint64(c + 1) * perCommand - 5);
            const bool aborted = abortsHere && c + 1 == commands.size();
            m_command.integer(1, stepId)
                .integer(2, qint64(c) + 1)
                .text(3, command.line)
                .text(4,
                    aborted              ? "Cancelled"
                        : command.failed ? "ExitCode"
                                         : "Succeeded")
                .integer(5,
                    aborted              ? -1
                        : command.failed ? 1
                                         : 0)
                .text(6, command.out)
                .text(7, command.err)
                .text(8, cStart)
                .text(9, cEnd);
            check(m_command, "insert command");
            ++m_counts.commands;
        }

        // Measurements: RF output power at rf-verify, supplies and temperature at the UART test.
        std::vector<MeasurementRow> measured;
        if (i == 4 && !abortsHere) {
            measured = {{"TX_POWER_2G4", 17.0 + 0.12 * m_rng.gauss(), "dBm", 16.5, 17.5},
                {"TX_POWER_5G", 15.0 + 0.12 * m_rng.gauss(), "dBm", 14.5, 15.5}};
            if (failsHere)
                measured[1].value = 14.1 + 0.2 * m_rng.uniform();
        } else if (i == 7 && !abortsHere
            && !(failsHere && failure->code != ErrorCode::MeasurementOutOfLimits)) {
            measured = {{"VCC_3V3", 3.30 + 0.02 * m_rng.gauss(), "V", 3.20, 3.40},
                {"VCC_1V8", 1.80 + 0.01 * m_rng.gauss(), "V", 1.74, 1.86},
                {"CURRENT_MA", 84.0 + 3.0 * m_rng.gauss(), "mA", 70.0, 100.0},
                {"TEMP_C", 31.0 + 2.0 * m_rng.gauss(), "C", 15.0, 50.0}};
            if (failsHere)
                measured[std::size_t(m_rng.below(4))].value = 104.5 + 5.0 * m_rng.uniform();
        }
        for (std::size_t k = 0; k < measured.size(); ++k) {
            const MeasurementRow &m = measured[k];
            const bool pass = m.value >= m.low && m.value <= m.high;
            m_measurement.integer(1, stepId)
                .integer(2, qint64(k) + 1)
                .text(3, m.name)
                .real(4, std::round(m.value * 1000.0) / 1000.0)
                .text(5, m.unit)
                .real(6, m.low)
                .real(7, m.high)
                .integer(8, pass ? 1 : 0);
            check(m_measurement, "insert measurement");
            ++m_counts.measurements;
        }

        lastFinished = stepFinished;
        t = stepEnd + 50 + m_rng.below(100);
        ++stepsDone;
        if (i == 0 && !failsHere && !abortsHere)
            deviceKnown = true;
        if (i == 2 && !failsHere && !abortsHere)
            device.recovered = true;
        if (failsHere || abortsHere)
            break;
    }

    const char *runOutcome = plan == Plan::Pass ? "PASS"
        : plan == Plan::Fail                    ? "FAIL"
        : plan == Plan::Abort                   ? "ABORTED"
                                                : "INTERRUPTED";
    const std::string finished = stepsDone > 0 ? lastFinished : started;
    const std::string failedStep
        = (plan == Plan::Fail || plan == Plan::Abort) ? steps[std::size_t(stopAt)].name : "";
    const std::string code = plan == Plan::Fail ? str(Station::errorCodeName(failure->code))
        : plan == Plan::Abort                   ? str(Station::errorCodeName(ErrorCode::Cancelled))
                                                : std::string();
    const std::string cause = plan == Plan::Fail ? failure->cause
        : plan == Plan::Abort                    ? "The operator aborted the run."
                                                 : "";
    const std::string deviceId = deviceKnown ? device.id : std::string();
    const std::string label = "F" + fixtureText;
    const std::string recipePath = RecipeDir + "/line.json";
    const std::string osVersion = device.recovered ? "26.09" : deviceKnown ? "24.03" : "";
    const std::string images = plan == Plan::Pass ? ProductIid : std::string();
    const char *state = plan == Plan::Pass ? "DeviceComplete" : deviceKnown ? "Blank" : "";
    m_run.integer(1, runId)
        .integer(2, fixture)
        .text(3, label)
        .text(4, cp)
        .text(5, deviceId)
        .text(6, device.serial)
        .text(7, ip)
        .text(8, "Product A line")
        .text(9, Versions[std::size_t(release)])
        .text(10, Hashes[std::size_t(release)])
        .text(11, recipePath)
        .text(12, "LINE1-PC01")
        .text(13, operatorName)
        .text(14, "1.4.0")
        .text(15, "real")
        .text(16, Azsphere)
        .text(17, "25.10.0.1")
        .text(18, RfSettings)
        .text(19, "25.10")
        .text(20, osVersion)
        .text(21, images)
        .text(22, state);
    m_run.text(23, started);
    m_run.text(24, finished);
    m_run.text(25, runOutcome).text(26, failedStep).text(27, code).text(28, cause);
    check(m_run, "insert run");
    ++m_counts.runs;

    if (deviceKnown) {
        m_device.text(1, deviceId)
            .text(2, started)
            .text(3, finished)
            .text(4, state)
            .text(5, runOutcome)
            .integer(6, runId);
        check(m_device, "upsert device");
        m_serial.text(1, device.serial).text(2, deviceId).integer(3, runId).text(4, started);
        check(m_serial, "bind serial");
    }

    m_event.text(1, started)
        .text(2, "LINE1-PC01")
        .text(3, operatorName)
        .integer(4, fixture)
        .text(5, "run-start")
        .text(6, "Product A line");
    check(m_event, "insert event");
    ++m_counts.events;
    if (plan == Plan::Abort) {
        m_event.text(1, finished)
            .text(2, "LINE1-PC01")
            .text(3, operatorName)
            .integer(4, fixture)
            .text(5, "run-abort")
            .text(6, "aborted by the operator");
        check(m_event, "insert event");
        ++m_counts.events;
    }

    // Failed devices mostly come back later the same day; PASS devices leave the line.
    const bool comesBack = plan == Plan::Interrupt || (plan == Plan::Abort && m_rng.chance(0.9))
        || (plan == Plan::Fail && m_rng.chance(retest ? 0.3 : 0.7));
    ++device.runs;
    if (comesBack && deviceKnown)
        m_retests.emplace_back(runId + 50 + m_rng.below(400), std::move(device));
}

bool execSql(sqlite3 *db, const char *sql, QString &error)
{
    char *message = nullptr;
    if (sqlite3_exec(db, sql, nullptr, nullptr, &message) != SQLITE_OK) {
        error = QString::fromLatin1(sql) + u": "_s + QString::fromUtf8(message);
        sqlite3_free(message);
        return false;
    }
    return true;
}

qint64 scalar(sqlite3 *db, const char *sql)
{
    sqlite3_stmt *stmt = nullptr;
    qint64 value = -1;
    if (sqlite3_prepare_v2(db, sql, -1, &stmt, nullptr) == SQLITE_OK
        && sqlite3_step(stmt) == SQLITE_ROW)
        value = sqlite3_column_int64(stmt, 0);
    sqlite3_finalize(stmt);
    return value;
}

struct Connection
{
    sqlite3 *db = nullptr;
    ~Connection() { sqlite3_close(db); }
};

} // namespace

QDateTime runStart(const RecordSpec &spec, qint64 runId)
{
    return QDateTime::fromMSecsSinceEpoch(runStartMs(spec, runId), Qt::UTC);
}

QDateTime shiftStart(int day, int shift)
{
    const auto &days = workingDays();
    const auto index = std::clamp<std::size_t>(std::size_t(std::max(day, 0)), 0, days.size() - 1);
    return QDateTime::fromMSecsSinceEpoch(days[index] + (6 + 8 * qint64(shift)) * HourMs, Qt::UTC);
}

Station::Result<RecordCounts> generateRecord(
    const QString &path, const RecordSpec &spec, const std::function<void(qint64)> &progress)
{
    // The formatter must write exactly what the station writes.
    for (const qint64 ms : {qint64(0), qint64(1'735'689'600'123), qint64(1'767'225'599'999)}) {
        const QString expected
            = QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODateWithMs);
        if (QString::fromStdString(timeText(ms)) != expected) {
            return fail(ErrorCode::Internal,
                u"time format differs: %1 vs %2"_s.arg(
                    QString::fromStdString(timeText(ms)), expected));
        }
    }
    if (QFile::exists(path))
        return fail(ErrorCode::InvalidArgument, u"%1 exists already"_s.arg(path));
    {
        // The real schema, created by the real store.
        Station::RecordStore store;
        if (auto ok = store.open(path); !ok)
            return fail(ok.error());
    }

    Connection connection;
    if (sqlite3_open_v2(path.toUtf8().constData(), &connection.db, SQLITE_OPEN_READWRITE, nullptr)
        != SQLITE_OK) {
        return fail(ErrorCode::Database,
            u"open %1: %2"_s.arg(path, QString::fromUtf8(sqlite3_errmsg(connection.db))));
    }
    QString error;
    // Filling a fresh file: no journal (a crash means starting over), no fsync, a big cache.
    for (const char *pragma : {"PRAGMA journal_mode = OFF",
             "PRAGMA synchronous = OFF",
             "PRAGMA cache_size = -524288",
             "PRAGMA temp_store = MEMORY",
             "PRAGMA foreign_keys = OFF"}) {
        if (!execSql(connection.db, pragma, error))
            return fail(ErrorCode::Database, error);
    }

    RecordCounts counts;
    {
        Generator generator(connection.db, spec);
        if (!generator.error().isEmpty())
            return fail(ErrorCode::Database, generator.error());
        for (qint64 run = 1; run <= spec.runs;) {
            if (!execSql(connection.db, "BEGIN", error))
                return fail(ErrorCode::Database, error);
            const qint64 end = std::min(spec.runs, run + RunsPerTransaction - 1);
            for (; run <= end; ++run)
                generator.writeRun(run);
            if (!generator.error().isEmpty())
                return fail(ErrorCode::Database, generator.error());
            if (!execSql(connection.db, "COMMIT", error))
                return fail(ErrorCode::Database, error);
            if (progress)
                progress(run - 1);
        }
        counts = generator.counts();
    }
    counts.devices = scalar(connection.db, "SELECT count(*) FROM devices");
    // Leave it as the station does: write-ahead log.
    if (!execSql(connection.db, "PRAGMA journal_mode = WAL", error))
        return fail(ErrorCode::Database, error);
    return counts;
}

Station::Result<RecordCounts> countRecord(const QString &path)
{
    Connection connection;
    if (sqlite3_open_v2(path.toUtf8().constData(), &connection.db, SQLITE_OPEN_READONLY, nullptr)
        != SQLITE_OK) {
        return fail(ErrorCode::Database,
            u"open %1: %2"_s.arg(path, QString::fromUtf8(sqlite3_errmsg(connection.db))));
    }
    RecordCounts counts;
    counts.runs = scalar(connection.db, "SELECT max(id) FROM runs");
    counts.steps = scalar(connection.db, "SELECT max(id) FROM steps");
    counts.commands = scalar(connection.db, "SELECT max(id) FROM commands");
    counts.measurements = scalar(connection.db, "SELECT max(id) FROM measurements");
    counts.devices = scalar(connection.db, "SELECT count(*) FROM devices");
    counts.events = scalar(connection.db, "SELECT max(id) FROM events");
    return counts;
}

} // namespace Bench

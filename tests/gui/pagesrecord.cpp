#include "pagesrecord.h"

#include "models/pagetext.h"
#include "services/records/recordstore.h"

#include <QCryptographicHash>
#include <QRandomGenerator>
#include <QStringList>

using namespace Qt::Literals::StringLiterals;
using namespace Station;

namespace PagesRecord {

namespace {

const QString Azsphere = u"/opt/azurespheresdk/Tools_v2/azsphere"_s;
const QString RfSettingsTool = u"/opt/rftools/RfSettingsTool"_s;
const QString RfToolCli = u"/opt/rftools/RfToolCli"_s;
const QString TestAppComponent = u"61ae5c57-98cd-4a0a-8b60-9509505c7617"_s;

struct Device
{
    QString id;
    QString serial;
    QString connectionPath;
    QString ip;
    QString uart;
};

enum class Fault {
    None,
    RecoveryMode,
    RfCheck,
    ImageNotTrusted,
    UartMeasure,
    UartTimeout,
    WifiNotConnected,
    NotResponding,
};

struct StepSpec
{
    QString type;
    QString name;
    int seconds;
};

const QList<StepSpec> &fullLine()
{
    static const QList<StepSpec> steps = {
        {u"connect"_s, u"Wait for device"_s, 2},
        {u"details"_s, u"Record device details"_s, 3},
        {u"os-update"_s, u"Recover to OS 26.09"_s, 168},
        {u"rf-calibrate"_s, u"Program region US"_s, 7},
        {u"rf-verify"_s, u"Verify RF settings"_s, 4},
        {u"keystore"_s, u"Trusted keystore v2"_s, 24},
        {u"sideload"_s, u"Load functional test app"_s, 12},
        {u"uart-test"_s, u"Functional test"_s, 5},
        {u"delete-temporary"_s, u"Remove test components"_s, 3},
        {u"sideload"_s, u"Install ProductApp"_s, 14},
        {u"ethernet"_s, u"Ethernet (ENC28J60)"_s, 5},
        {u"wifi-verify"_s, u"Wi-Fi check"_s, 19},
        {u"ready-to-ship"_s, u"Ready-to-ship checks"_s, 6},
        {u"finalize"_s, u"Finalize (DeviceComplete)"_s, 4},
    };
    return steps;
}

const QList<StepSpec> &quickLine()
{
    static const QList<StepSpec> steps = {
        {u"connect"_s, u"Wait for device"_s, 2},
        {u"details"_s, u"Record device details"_s, 3},
        {u"keystore"_s, u"Trusted keystore v2"_s, 22},
        {u"sideload"_s, u"Install ProductApp"_s, 14},
        {u"ready-to-ship"_s, u"Ready-to-ship checks"_s, 6},
    };
    return steps;
}

QString hexId(const QByteArray &seed)
{
    QByteArray bytes;
    QByteArray block = seed;
    while (bytes.size() < 64) {
        block = QCryptographicHash::hash(block, QCryptographicHash::Sha256);
        bytes += block;
    }
    return QString::fromLatin1(bytes.left(64).toHex());
}

QString jsonAttached(const Device &d)
{
    return u"{\n  \"ConnectionPath\": \"%1\",\n  \"DeviceId\": \"%2\",\n  \"IpAddress\": \"%3\"\n}"_s
        .arg(d.connectionPath, d.id, d.ip);
}

QString selectedWarning(const Device &d)
{
    return u"WARNING: The device with IP '%1' is selected from parameter '%2'"_s.arg(
        d.ip, d.connectionPath);
}

CommandRecord command(const QString &program,
    const QStringList &arguments,
    const QDateTime &started,
    int ms,
    const QString &out,
    const QString &err = {},
    int exitCode = 0)
{
    CommandRecord c;
    c.commandLine = ToolRunner::commandLine(program, arguments);
    c.exitCode = exitCode;
    c.outcome = exitCode == 0 ? ToolOutcome::Succeeded : ToolOutcome::ExitCode;
    c.stdOut = out;
    c.stdErr = err;
    c.started = started;
    c.finished = started.addMSecs(ms);
    return c;
}

QStringList withDevice(QStringList arguments, const Device &d)
{
    arguments << u"--device"_s << d.connectionPath;
    return arguments;
}

Measurement measurement(
    const QString &name, double value, const QString &unit, double low, double high)
{
    return {name, value, unit, low, high, value >= low && value <= high};
}

// One step of one run, with the command lines and outputs the real tools print.
StepResult makeStep(int seq,
    const StepSpec &spec,
    const Device &d,
    const QDateTime &start,
    Fault fault,
    QRandomGenerator &rng)
{
    StepResult s;
    s.seq = seq;
    s.type = spec.type;
    s.name = spec.name;
    s.started = start;
    s.attempts = 1;
    const int ms = spec.seconds * 1000 + int(rng.bounded(1500));
    s.finished = start.addMSecs(ms);
    s.outcome = StepOutcome::Passed;
    const QString warn = selectedWarning(d);

    auto failWith = [&](ErrorCode code, const QString &cause, const QString &remedy) {
        s.outcome = StepOutcome::Failed;
        s.errorCode = code;
        s.cause = Text::raw(cause);
        s.remedy = Text::raw(remedy);
    };

    if (spec.type == u"connect") {
        s.commands << command(Azsphere,
            withDevice({u"device"_s, u"show-attached"_s, u"--output"_s, u"json"_s}, d),
            start,
            ms,
            jsonAttached(d) + u'\n',
            warn + u'\n');
        if (fault == Fault::NotResponding) {
            s.commands.last().exitCode = 1;
            s.commands.last().outcome = ToolOutcome::ExitCode;
            s.commands.last().stdOut.clear();
            s.commands.last().stdErr = warn
                + u"\nerror: The device is not responding. The device "
                  "may be unresponsive if it is applying an Azure "
                  "Sphere operating system update; please retry in a "
                  "few minutes.\n"_s;
            s.attempts = 3;
            failWith(ErrorCode::DeviceNotResponding,
                u"The device is connected but silent: busy with an OS update, booting, or hung."_s,
                u"Wait 2 min and retry; if it repeats, unplug and replug."_s);
        }
    } else if (spec.type == u"details") {
        s.commands << command(Azsphere,
            withDevice({u"device"_s, u"show-os-version"_s, u"--output"_s, u"json"_s}, d),
            start,
            900,
            u"{\n  \"osversion\": \"25.10\"\n}\n"_s,
            warn + u'\n');
        s.commands << command(Azsphere,
            withDevice(
                {u"device"_s, u"manufacturing-state"_s, u"show"_s, u"--output"_s, u"json"_s}, d),
            start.addMSecs(1000),
            800,
            u"{\n  \"manufacturingState\": \"Blank\"\n}\n"_s,
            warn + u'\n');
        s.data.insert(u"deviceId"_s, d.id);
        s.data.insert(u"ipAddress"_s, d.ip);
    } else if (spec.type == u"os-update") {
        QStringList out = {u"Starting device recovery. Please note that this may take up to 10 "
                           "minutes."_s};
        QString err = warn + u'\n';
        int exitCode = 0;
        if (fault == Fault::RecoveryMode) {
            err += u"error: Failed to enter recovery mode.\n"_s;
            exitCode = 1;
            failWith(ErrorCode::RecoveryModeFailed,
                u"The device would not enter recovery mode: asleep or powered down, or a bad "
                "recovery (FTDI) link."_s,
                u"Power-cycle, check the USB/FTDI cable and fixture, recover again."_s);
        } else {
            out << u"Board found. Sending recovery bootloader."_s << u"Erasing flash."_s
                << u"Sending 16 images. (5558148 bytes to send)"_s;
            qint64 remaining = 5558148;
            for (int i = 1; i <= 16; ++i) {
                remaining = i == 16 ? 0 : remaining - 31132 - i * 7411;
                out << u"Sent %1 of 16 images. (%2 of 5558148 bytes remaining)"_s.arg(i).arg(
                    remaining);
            }
            out << u"Finished writing images; rebooting board."_s << u"Device ID: %1"_s.arg(d.id)
                << u"Device recovered successfully."_s;
            s.note = Text::raw(u"OS 25.10 -> 26.09"_s);
        }
        s.commands << command(Azsphere,
            withDevice({u"device"_s, u"recover"_s, u"--images"_s, u"/srv/line/os/26.09"_s}, d),
            start,
            ms,
            out.join(u'\n') + u'\n',
            err,
            exitCode);
    } else if (spec.type == u"rf-calibrate") {
        s.commands << command(RfSettingsTool,
            withDevice({u"show"_s}, d),
            start,
            2100,
            u"Reading configuration data from device.\nMAC address:          02:5A:3C:11:90:7E\n"
            "Region code:          (not set)\nRx diversity:         0x29\n"
            "Target power 2.4 GHz: 17.0 dBm\nTarget power 5 GHz:   15.0 dBm\n"_s);
        s.commands << command(RfToolCli,
            withDevice({}, d),
            start.addMSecs(2300),
            3200,
            u"OK\nOK\nConfiguration saved.\n"_s);
        s.data.insert(u"region"_s, u"US"_s);
    } else if (spec.type == u"rf-verify") {
        QString out = u"Reading configuration data from device.\nComparing configurations.\n"
                      "SKIPPED: MAC address (per device)\nOK: Region code: US\n"
                      "OK: Rx diversity: 0x29\nOK: Target power 2.4 GHz: 17.0 dBm\n"_s;
        int exitCode = 0;
        if (fault == Fault::RfCheck) {
            out += u"ERROR: Target power 5 GHz: expected 15.0 dBm, device 14.0 dBm\n\n"
                   "Configuration check failed.\n"_s;
            exitCode = 1;
            failWith(ErrorCode::RfCheckFailed,
                u"The RF settings differ from the product's: Target power 5 GHz: expected 15.0 "
                "dBm, device 14.0 dBm."_s,
                u"Program the RF settings again; if it repeats, set the device aside."_s);
        } else {
            out += u"OK: Target power 5 GHz: 15.0 dBm\n\nConfiguration check passed.\n"_s;
        }
        s.commands << command(RfSettingsTool,
            withDevice({u"check"_s, u"--expected"_s, u"/srv/line/rf/mt3620-us.bin"_s}, d),
            start,
            ms,
            out,
            {},
            exitCode);
    } else if (spec.type == u"keystore" || spec.type == u"sideload") {
        const bool testApp = spec.name.contains(u"test"_s);
        const QString package = spec.type == u"keystore"
            ? u"/srv/line/packages/TrustedKeystore_v2.imagepackage"_s
            : testApp ? u"/srv/line/packages/FunctionalTest.imagepackage"_s
                      : u"/srv/line/packages/ProductApp-1.4.2.imagepackage"_s;
        QString out = u"Deploying '%1' to the attached device.\n"_s.arg(package);
        QString err = warn + u'\n';
        int exitCode = 0;
        if (fault == Fault::ImageNotTrusted && testApp) {
            err += u"error: Could not deploy application to device: Image not trusted by "
                   "device; check if application development capability is enabled "
                   "('azsphere device enable-development').\n"_s;
            exitCode = 1;
            failWith(ErrorCode::ImageNotTrusted,
                u"SDK development thumbprint in the package: a development build, which factory "
                "devices refuse."_s,
                u"Use the production-signed package."_s);
        } else {
            out += u"Image package '%1' has been deployed to the attached device.\n"_s.arg(package);
        }
        s.commands << command(Azsphere,
            withDevice({u"device"_s, u"sideload"_s, u"deploy"_s, u"--image-package"_s, package}, d),
            start,
            ms,
            out,
            err,
            exitCode);
    } else if (spec.type == u"uart-test") {
        const double vcc = fault == Fault::UartMeasure ? 3.12 : 3.28 + rng.bounded(40) / 1000.0;
        const QList<Measurement> values = {
            measurement(u"VCC_3V3"_s, vcc, u"V"_s, 3.20, 3.40),
            measurement(u"VCC_1V8"_s, 1.79 + rng.bounded(20) / 1000.0, u"V"_s, 1.71, 1.89),
            measurement(u"CURRENT_MA"_s, 182.0 + rng.bounded(300) / 10.0, u"mA"_s, 120.0, 260.0),
            measurement(u"TEMP_C"_s, 31.0 + rng.bounded(60) / 10.0, u"C"_s, 0.0, 70.0),
        };
        QStringList lines;
        QDateTime t = start;
        auto line = [&](QChar mark, const QString &text) {
            t = t.addMSecs(12 + rng.bounded(30));
            lines << u"%1 %2 %3"_s.arg(t.toString(Qt::ISODateWithMs), mark, text);
        };
        line(u'>', u"PING"_s);
        line(u'<', u"PONG"_s);
        line(u'>', u"ID"_s);
        line(u'<', u"ID "_s + d.id);
        line(u'>', u"GPIO SET 8 1"_s);
        line(u'<', u"OK"_s);
        line(u'>', u"GPIO GET 8"_s);
        line(u'<', u"GPIO 8 1"_s);
        int exitCode = 0;
        if (fault == Fault::UartTimeout) {
            line(u'>', u"MEASURE VCC_3V3"_s);
            line(u'!',
                u"timeout after 1000 ms waiting for ^VCC_3V3 (-?[0-9]+(\\.[0-9]+)?) (\\S+)$"_s);
            exitCode = 1;
            failWith(ErrorCode::UartTimeout,
                u"The device did not answer MEASURE VCC_3V3 on the UART within 1 s."_s,
                u"Check the UART cable and the fixture's pogo pins, then retry."_s);
        } else {
            for (const Measurement &m : values) {
                line(u'>', u"MEASURE "_s + m.name);
                line(u'<', u"%1 %2 %3"_s.arg(m.name, PageText::number(m.value), m.unit));
                s.measurements << m;
                if (!m.passed)
                    break;
            }
            if (fault == Fault::UartMeasure) {
                exitCode = 1;
                failWith(ErrorCode::MeasurementOutOfLimits,
                    u"VCC_3V3 = 3.12 V is outside the limits 3.2 to 3.4 V."_s,
                    u"Set the device aside for repair."_s);
            } else {
                line(u'>', u"SELFTEST"_s);
                t = t.addMSecs(2000);
                line(u'<', u"PASS"_s);
            }
        }
        CommandRecord c;
        c.commandLine = u"uart %1 script (9 actions)"_s.arg(d.uart);
        c.stdOut = lines.join(u'\n');
        c.exitCode = exitCode;
        c.outcome = exitCode == 0 ? ToolOutcome::Succeeded : ToolOutcome::ExitCode;
        c.started = start;
        c.finished = t;
        s.commands << c;
        s.finished = t.addMSecs(20);
        s.data.insert(u"port"_s, d.uart);
        if (exitCode != 0)
            s.data.insert(u"failedAction"_s, 5);
    } else if (spec.type == u"delete-temporary") {
        s.commands << command(Azsphere,
            withDevice(
                {u"device"_s, u"sideload"_s, u"delete"_s, u"--component-id"_s, TestAppComponent},
                d),
            start,
            ms,
            u"Component '%1' deleted.\n"_s.arg(TestAppComponent),
            warn + u'\n');
    } else if (spec.type == u"ethernet") {
        s.commands << command(Azsphere,
            withDevice({u"device"_s,
                           u"sideload"_s,
                           u"deploy"_s,
                           u"--image-package"_s,
                           u"/srv/line/packages/enc28j60-board-config.imagepackage"_s},
                d),
            start,
            ms,
            u"Deploying '/srv/line/packages/enc28j60-board-config.imagepackage' to the attached "
            "device.\nImage package '/srv/line/packages/enc28j60-board-config.imagepackage' has "
            "been deployed to the attached device.\n"_s,
            warn + u'\n');
    } else if (spec.type == u"wifi-verify") {
        s.commands << command(Azsphere,
            withDevice({u"device"_s,
                           u"wifi"_s,
                           u"add"_s,
                           u"--ssid"_s,
                           u"LINE-TEST-5"_s,
                           u"--psk"_s,
                           u"********"_s,
                           u"--output"_s,
                           u"json"_s},
                d),
            start,
            1200,
            u"{\n  \"configState\": \"enabled\",\n  \"connectionState\": \"disconnected\",\n"
            "  \"id\": 0,\n  \"securityState\": \"psk\",\n  \"ssid\": \"LINE-TEST-5\"\n}\n"_s,
            warn + u'\n');
        const bool connected = fault != Fault::WifiNotConnected;
        s.commands << command(Azsphere,
            withDevice({u"device"_s, u"wifi"_s, u"show-status"_s, u"--output"_s, u"json"_s}, d),
            start.addMSecs(ms - 2500),
            700,
            connected
                ? u"{\n  \"configState\": \"enabled\",\n  \"connectionState\": \"connected\",\n"
                  "  \"frequency\": 5180,\n  \"ssid\": \"LINE-TEST-5\",\n"
                  "  \"wpaState\": \"COMPLETED\"\n}\n"_s
                : u"{\n  \"configState\": \"enabled\",\n  \"connectionState\": \"disconnected\",\n"
                  "  \"ssid\": \"LINE-TEST-5\",\n  \"wpaState\": \"SCANNING\"\n}\n"_s,
            warn + u'\n');
        s.commands << command(Azsphere,
            withDevice({u"device"_s, u"wifi"_s, u"forget"_s, u"--id"_s, u"0"_s}, d),
            start.addMSecs(ms - 1500),
            900,
            u"Successfully forgotten network.\n"_s,
            warn + u'\n');
        if (!connected) {
            failWith(ErrorCode::WifiNotConnected,
                u"The device did not connect to the Wi-Fi network LINE-TEST-5 within 15 s."_s,
                u"Check the test access point and the antenna; retry once."_s);
        }
    } else if (spec.type == u"ready-to-ship") {
        CommandRecord c;
        c.commandLine = u"ready-to-ship checks (device_ready.py)"_s;
        c.stdOut = u"Device ID: %1\nOS version: 26.09 (expected 26.09): PASS\n"
                   "Manufacturing state: Blank: PASS\nCapabilities: none: PASS\n"
                   "Installed applications: ProductApp: PASS\nWi-Fi networks: none: PASS\n"
                   "Device is ready to ship.\n"_s.arg(d.id);
        c.started = start;
        c.finished = start.addMSecs(ms);
        s.commands << c;
    } else if (spec.type == u"finalize") {
        s.commands << command(Azsphere,
            withDevice({u"device"_s,
                           u"manufacturing-state"_s,
                           u"update"_s,
                           u"--state"_s,
                           u"DeviceComplete"_s},
                d),
            start,
            ms - 900,
            u"Updating manufacturing state to DeviceComplete.\nRestarting device for changes to "
            "take effect.\nManufacturing state successfully updated to DeviceComplete.\n"_s,
            warn + u'\n');
        s.commands << command(Azsphere,
            withDevice(
                {u"device"_s, u"manufacturing-state"_s, u"show"_s, u"--output"_s, u"json"_s}, d),
            start.addMSecs(ms - 800),
            700,
            u"{\n  \"manufacturingState\": \"DeviceComplete\"\n}\n"_s,
            warn + u'\n');
    }
    return s;
}

// How a run ends.
enum class Ending { Complete, AbortAt, InterruptAt, RunningAt };

struct RunSpec
{
    Device device;
    int fixture = 1;
    QString recipe = u"Full line"_s;
    QString version = u"1.0.0"_s;
    const QList<StepSpec> *steps = &fullLine();
    QDateTime start;
    Fault fault = Fault::None;
    Ending ending = Ending::Complete;
    int endStep = 0; // for AbortAt / InterruptAt / RunningAt: the step (1-based) it stops in
    QString operatorName = u"M. Keller"_s;
};

Result<qint64> writeRun(
    RecordStore &store, const RunSpec &spec, QRandomGenerator &rng, QDateTime *end)
{
    RunStart start;
    start.fixture = spec.fixture;
    start.fixtureLabel = u"A%1"_s.arg(spec.fixture);
    start.connectionPath = spec.device.connectionPath;
    start.serialNumber = spec.device.serial;
    start.recipeName = spec.recipe;
    start.recipeVersion = spec.version;
    start.recipeSha256 = hexId(spec.recipe.toUtf8()).left(64);
    start.recipePath = u"/srv/line/recipes/full.json"_s;
    start.station = u"LINE2-ST04"_s;
    start.operatorName = spec.operatorName;
    start.appVersion = u"0.9.0"_s;
    start.backend = u"real"_s;
    start.azsphereToolPath = Azsphere;
    start.azsphereToolVersion = u"25.10.0.1"_s;
    start.rfToolPath = RfSettingsTool;
    start.rfToolVersion = u"22.02"_s;
    start.started = spec.start;
    const Result<qint64> id = store.beginRun(start);
    if (!id)
        return id;

    QDateTime t = spec.start.addMSecs(400);
    QString failedStep;
    ErrorCode code = ErrorCode::None;
    QString cause;
    RunOutcome outcome = RunOutcome::Pass;
    const QList<StepSpec> &steps = *spec.steps;
    for (int i = 0; i < steps.size(); ++i) {
        const int seq = i + 1;
        if (spec.ending != Ending::Complete && seq == spec.endStep) {
            if (spec.ending == Ending::AbortAt) {
                StepResult s = makeStep(seq, steps.at(i), spec.device, t, Fault::None, rng);
                s.outcome = StepOutcome::Aborted;
                s.finished = t.addSecs(9);
                s.errorCode = ErrorCode::Cancelled;
                s.cause = Text::raw(u"Stopped by the operator."_s);
                s.commands.last().outcome = ToolOutcome::Cancelled;
                s.commands.last().exitCode = -1;
                s.commands.last().finished = s.finished;
                if (auto ok = store.commitStep(*id, s); !ok)
                    return fail(ok.error());
                t = s.finished;
                outcome = RunOutcome::Aborted;
                failedStep = s.name;
                code = ErrorCode::Cancelled;
                cause = s.cause;
            } else {
                outcome = spec.ending == Ending::InterruptAt ? RunOutcome::Interrupted
                                                             : RunOutcome::Running;
            }
            break;
        }
        const StepResult s = makeStep(seq, steps.at(i), spec.device, t, spec.fault, rng);
        if (auto ok = store.commitStep(*id, s); !ok)
            return fail(ok.error());
        if (seq == 2) {
            RunDeviceInfo info;
            info.deviceId = spec.device.id;
            info.ipAddress = spec.device.ip;
            info.osVersion = u"25.10"_s;
            info.manufacturingState = u"Blank"_s;
            if (auto ok = store.updateRunDevice(*id, info); !ok)
                return fail(ok.error());
        }
        t = s.finished.addMSecs(150);
        if (s.outcome == StepOutcome::Failed) {
            outcome = RunOutcome::Fail;
            failedStep = s.name;
            code = s.errorCode;
            cause = s.cause;
            break;
        }
    }
    if (outcome == RunOutcome::Pass) {
        RunDeviceInfo info;
        info.osVersion = u"26.09"_s;
        info.manufacturingState = spec.steps == &fullLine() ? u"DeviceComplete"_s : u"Blank"_s;
        if (auto ok = store.updateRunDevice(*id, info); !ok)
            return fail(ok.error());
    }
    if (outcome != RunOutcome::Running && outcome != RunOutcome::Interrupted) {
        if (auto ok = store.finishRun(*id, outcome, failedStep, code, Text::raw(cause), t); !ok)
            return fail(ok.error());
    }
    if (end)
        *end = t;
    return id;
}

Device makeDevice(QChar letter, const QString &serial, int fixture)
{
    return {deviceIdOf(letter),
        serial,
        QString::number(1200 + fixture * 11),
        u"192.168.35.%1"_s.arg(fixture + 1),
        u"/dev/ttyUSB%1"_s.arg(fixture - 1)};
}

} // namespace

QDate knownDay()
{
    return QDate(2025, 3, 11);
}

QList<QPair<QString, QString>> fullLineSteps()
{
    QList<QPair<QString, QString>> steps;
    for (const StepSpec &step : fullLine())
        steps.append({step.type, step.name});
    return steps;
}

QString deviceIdOf(QChar letter)
{
    return hexId(QByteArray("device-") + QString(letter).toUtf8());
}

Result<void> writeKnownRecord(const QString &path)
{
    RecordStore store;
    if (auto ok = store.open(path); !ok)
        return ok;
    QRandomGenerator rng(42);
    auto at = [](int h, int m) { return QDateTime(knownDay(), QTime(h, m), Qt::UTC); };

    QList<RunSpec> runs;
    RunSpec r;
    r.device = makeDevice(u'A', u"SN-0001"_s, 1);
    r.fixture = 1;
    r.start = at(6, 10);
    r.fault = Fault::UartMeasure;
    runs << r;
    r.start = at(6, 40);
    r.fault = Fault::None;
    runs << r;
    r = RunSpec();
    r.device = makeDevice(u'B', u"SN-0002"_s, 2);
    r.fixture = 2;
    r.start = at(7, 0);
    runs << r;
    r.device = makeDevice(u'C', u"SN-0003"_s, 2);
    r.start = at(8, 0);
    r.fault = Fault::ImageNotTrusted;
    runs << r;
    r.device = makeDevice(u'E', u"SN-0005"_s, 2);
    r.start = at(10, 0);
    r.fault = Fault::None;
    r.recipe = u"Quick"_s;
    r.version = u"2.1"_s;
    r.steps = &quickLine();
    runs << r;
    r = RunSpec();
    r.device = makeDevice(u'G', u"SN-0007"_s, 2);
    r.fixture = 2;
    r.start = at(11, 0);
    r.fault = Fault::UartMeasure;
    runs << r;
    r = RunSpec();
    r.device = makeDevice(u'F', u"SN-0006"_s, 1);
    r.fixture = 1;
    r.start = at(15, 0);
    r.fault = Fault::ImageNotTrusted;
    runs << r;
    r.start = at(16, 0);
    r.fault = Fault::None;
    r.ending = Ending::AbortAt;
    r.endStep = 3;
    runs << r;

    for (const RunSpec &spec : std::as_const(runs)) {
        if (Result<qint64> id = writeRun(store, spec, rng, nullptr); !id)
            return fail(id.error());
    }
    store.close();
    return {};
}

Result<ShiftRuns> writeShiftRecord(
    const QString &path, QDate day, const QDateTime &now, int fixtures, quint32 seed)
{
    RecordStore store;
    if (auto ok = store.open(path); !ok)
        return fail(ok.error());
    QRandomGenerator rng(seed);
    ShiftRuns result;

    // Faults as a line sees them: a few percent each, recovery and the functional test first.
    auto drawFault = [&rng]() {
        const int x = int(rng.bounded(1000));
        if (x < 30)
            return Fault::UartMeasure;
        if (x < 52)
            return Fault::ImageNotTrusted;
        if (x < 70)
            return Fault::RfCheck;
        if (x < 84)
            return Fault::RecoveryMode;
        if (x < 95)
            return Fault::WifiNotConnected;
        if (x < 103)
            return Fault::UartTimeout;
        if (x < 110)
            return Fault::NotResponding;
        return Fault::None;
    };

    int serial = 24310;
    QList<Device> retests; // failed devices waiting for a second try
    const QDateTime shiftStart(day, QTime(6, 0), Qt::UTC);
    int aborts = 0;
    int interrupts = 0;
    for (int fixture = 1; fixture <= fixtures; ++fixture) {
        QDateTime t = shiftStart.addSecs(60 + fixture * 37);
        int deviceNo = 0;
        while (t < now) {
            ++deviceNo;
            RunSpec spec;
            spec.fixture = fixture;
            spec.start = t;
            spec.operatorName = fixture <= (fixtures + 1) / 2 ? u"M. Keller"_s : u"J. Wang"_s;
            // Every fifth slot takes back a failed device for its retest.
            if (!retests.isEmpty() && deviceNo % 5 == 0) {
                spec.device = retests.takeFirst();
                spec.fault = rng.bounded(10) < 7 ? Fault::None : drawFault();
            } else {
                const QString sn = u"SN-%1"_s.arg(++serial);
                spec.device = makeDevice(QChar(u'a'), sn, fixture);
                spec.device.id = hexId(sn.toUtf8());
                spec.fault = drawFault();
            }
            spec.device.connectionPath = QString::number(1200 + fixture * 11);
            spec.device.ip = u"192.168.35.%1"_s.arg(fixture + 1);
            spec.device.uart = u"/dev/ttyUSB%1"_s.arg(fixture - 1);

            // One abort and one power cut in the shift, as lines have them.
            if (fixture == 2 && deviceNo == 9 && aborts++ == 0) {
                spec.ending = Ending::AbortAt;
                spec.endStep = 3;
                spec.fault = Fault::None;
            } else if (fixture == 1 && deviceNo == 6 && interrupts++ == 0) {
                spec.ending = Ending::InterruptAt;
                spec.endStep = 6;
                spec.fault = Fault::None;
            }
            // A run whose steps would run past `now` is still going.
            qint64 total = 0;
            for (const StepSpec &step : fullLine())
                total += step.seconds;
            bool running = false;
            if (t.addSecs(total + 10) > now && spec.ending == Ending::Complete) {
                qint64 elapsed = t.secsTo(now);
                int stepAt = 1;
                for (const StepSpec &step : fullLine()) {
                    if (elapsed < step.seconds + 1)
                        break;
                    elapsed -= step.seconds + 1;
                    ++stepAt;
                }
                spec.ending = Ending::RunningAt;
                spec.endStep = std::min(stepAt, int(fullLine().size()));
                spec.fault = Fault::None;
                running = true;
            }

            QDateTime end;
            const Result<qint64> id = writeRun(store, spec, rng, &end);
            if (!id)
                return fail(id.error());
            ++result.runs;
            // The station restarted after the power cut: nothing else runs yet (fixture 1 is
            // written first), so only this run is closed.
            if (spec.ending == Ending::InterruptAt) {
                if (auto closed = store.closeInterruptedRuns(); !closed)
                    return fail(closed.error());
            }
            if (running) {
                result.running = *id;
                break;
            }
            if (spec.fault == Fault::UartMeasure && spec.ending == Ending::Complete)
                result.failedUart = *id;
            if (spec.fault == Fault::ImageNotTrusted && spec.ending == Ending::Complete
                && result.failedSideload == 0)
                result.failedSideload = *id;
            if (spec.fault != Fault::None && spec.ending == Ending::Complete)
                retests << spec.device;
            // Unload, scan, load: about a minute and a half between devices.
            t = end.addSecs(70 + rng.bounded(50));
        }
    }
    store.close();
    return result;
}

} // namespace PagesRecord

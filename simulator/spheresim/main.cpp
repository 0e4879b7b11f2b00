// sphere-sim: the simulator bench's control tool. bench create/show, plug/unplug/swap, fault
// set/clear here; `assets` (sim_package) and `serve` (sim_uart) are dispatched to sim-io's code.

#include "simulator/core/bench.h"
#include "simulator/core/catalog.h"
#include "simulator/core/cloud.h"
#include "simulator/core/device.h"

#ifdef SIM_HAVE_PACKAGE
#include "simulator/package/assetscommand.h"
#include "simulator/package/capabilityfile.h"
#endif
#ifdef SIM_HAVE_UART
#include "simulator/uart/servecommand.h"
#endif

#include <QDir>
#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QRegularExpression>
#include <QStringList>

#include <cstdio>

using namespace Qt::Literals::StringLiterals;

namespace {

struct Exit
{
    int code = 0;
};

void out(const QString &line)
{
    std::fputs((line + u'\n').toUtf8().constData(), stdout);
    std::fflush(stdout);
}

void err(const QString &line)
{
    std::fputs((line + u'\n').toUtf8().constData(), stderr);
    std::fflush(stderr);
}

const char TopUsage[] = R"(usage: sphere-sim [--home DIR] <command> ...

The Sphere Station device simulator's bench control tool. The bench directory is --home DIR, else
AZSPHERE_SIM_HOME. Delays of every simulated tool scale with AZSPHERE_SIM_TIME_SCALE.

commands:
  bench create --devices N [--seed S] [--os VERSION] [--state STATE] [--unprogrammed-mac]
               [--sdk-version V]     make a fresh bench of N attached devices
  bench show [--json]                 fixtures, devices, attachment and faults
  plug    (--device ID | --fixture K) attach the device in a fixture (lowest free IP)
  unplug  (--device ID | --fixture K) detach it (frees its IP address)
  swap    (--device ID | --fixture K) [--with D]
                                      put a NEW device (new serial and ID) into the fixture,
                                      or with --with a device the bench made that is in no fixture
  fault set (--device ID | --all) KIND [--probability P] [--count C] [--skip N]
            [--command NAME] [--variant V] [--factor F]
  fault clear [--device ID | --all] [--kind KIND]
  assets --out DIR [--seed S]         write the deterministic package and file assets
  serve                               publish each attached device's UART as a pseudo-terminal
  capability create (--device D | --device-id HEX) --capabilities LIST --out FILE
                                      write a signed binary capability file for recover
  cloud reset [--tenants NAMES] [--no-selection]
                                      a fresh simulated cloud (tenants, none claimed)
  cloud show                          the simulated cloud as JSON

Run 'sphere-sim <command> --help' for details.
)";

const char BenchCreateHelp[]
    = R"(usage: sphere-sim bench create --devices N [--seed S] [--os VERSION] [--state STATE]
                               [--unprogrammed-mac] [--sdk-version V]

Makes a fresh bench (replacing any bench in the directory): N devices, all attached, in fixtures
1..N with connection paths 1211, 1212, ... and IP addresses 192.168.35.2, .3, ... Device IDs are
SHA-512("<seed>:<serial>"), so the same seed always gives the same bench.

  --devices N          number of devices (1..253)
  --seed S             bench seed (default: sphere-station)
  --os VERSION         OS of the new devices: 24.03 (default, the factory OS), 25.10 or 26.09
  --state STATE        manufacturing state: Blank (default), Module1Complete or DeviceComplete
  --unprogrammed-mac   leave the e-fuse MAC address all zero
  --sdk-version V      what `azsphere show-version` reports (default 25.10.0.1)
)";

const char BenchShowHelp[] = R"(usage: sphere-sim bench show [--json]

Prints one line per fixture: fixture, connection path, device ID, IP address, manufacturing
state, OS version, attached, faults. --json prints the same as a JSON document.
)";

const char PlugHelp[] = R"(usage: sphere-sim plug|unplug|swap (--device ID | --fixture K) [--with D]

plug    attaches the device in the fixture: it takes the lowest free IP address and boots.
unplug  detaches it: its IP address is freed and the tools no longer see it.
swap    takes the device out of the fixture and puts a NEW one in (next serial, new device ID,
        the bench's default OS and state), attached. --with D (swap only) puts back instead a
        device this bench made earlier that is in no fixture now (its ID or serial): it keeps its
        state and boots, as at plug.
--device takes a device ID (case-insensitive), a serial, an IP address or a connection path.
)";

const char FaultHelp[]
    = R"(usage: sphere-sim fault set (--device ID | --all) KIND [--probability P] [--count C]
                            [--skip N] [--command NAME] [--variant V] [--factor F]
       sphere-sim fault clear [--device ID | --all] [--kind KIND]

KIND: hang, slow, garbage, not-responding, recover-fails, untrusted-keystore, insufficient-space,
      ota-in-progress, unplug-mid-step, uart-silent, uart-selftest-fail,
      measurement-out-of-limits, rf-out-of-spec, swap-before-command, oversized-output
  --probability P  chance that the fault fires on a command it applies to (default 1)
  --count C        how many times it fires before it is used up (default: unlimited)
  --skip N         let the first N commands it applies to pass first (default 0)
  --command NAME   only this command (e.g. "recover", "sideload deploy", "list-attached",
                   "SELFTEST"); bench-wide commands (list-attached, rescan-attached) see only faults
                   that name them
  --variant V      recover-fails: enter-recovery, boot-timeout, security-state, communication,
                   images (default: one at random); not-responding: after-restart (restart never
                   comes back); uart-selftest-fail: the FAIL reason token;
                   swap-before-command: after (swap once the command has ended);
                   oversized-output: stderr (pad stderr instead of stdout)
  --factor F       slow: the delay multiplier (default 5)
--all sets the fault on every device of the bench. fault clear without --device clears all.
)";

const char CapabilityHelp[]
    = R"(usage: sphere-sim capability create (--device D | --device-id HEX) --capabilities LIST
                                    --out FILE

Writes a binary capability file (magic 0x5CFD5CFD, the device ID, the capability bytes, then
image metadata signed with the simulator's capability key) that `azsphere device recover
--capability FILE` applies to that device.

  --device D          a device of the bench: ID, serial, IP address or connection path
  --device-id HEX     any 128-hex device ID (no bench needed)
  --capabilities LIST comma-separated numbers or names: 11 / EnableAppDevelopment,
                      13 / EnableFieldServicing, 12 / EnableRfTestMode
  --out FILE          the file to write
)";

const char CloudHelp[] = R"(usage: sphere-sim cloud reset [--tenants NAMES] [--no-selection]
       sphere-sim cloud show

The simulated Azure Sphere cloud of the bench (<bench>/cloud.json): tenants, products, device
groups and claimed devices. Without a cloud.json the cloud has one tenant, "Sphere Station
Factory", selected.

reset  replaces the cloud with empty tenants: --tenants takes comma-separated names (default:
       the default tenant); the first is selected unless --no-selection
show   prints the cloud as JSON (sorted keys)
)";

// Minimal option parsing: --name value, --name=value, flags, positionals.
struct Parsed
{
    QHash<QString, QString> values;
    QStringList flags;
    QStringList positionals;
};

[[noreturn]] void usage(const QString &prog, const QString &message)
{
    err(prog + u": error: "_s + message);
    err(u"Run '"_s + prog + u" --help' for usage."_s);
    throw Exit {2};
}

[[noreturn]] void runtimeError(const QString &message)
{
    err(u"sphere-sim: error: "_s + message);
    throw Exit {1};
}

Parsed parse(const QString &prog,
    const QStringList &args,
    const QStringList &valueOptions,
    const QStringList &flagOptions,
    const char *help,
    int maxPositionals = 0)
{
    Parsed p;
    for (qsizetype i = 0; i < args.size(); ++i) {
        const QString a = args.at(i);
        if (a == u"-h" || a == u"--help") {
            std::fputs(help, stdout);
            throw Exit {0};
        }
        if (a.startsWith(u"--")) {
            const qsizetype eq = a.indexOf(u'=');
            const QString name = eq < 0 ? a : a.left(eq);
            if (valueOptions.contains(name)) {
                if (eq >= 0)
                    p.values.insert(name, a.mid(eq + 1));
                else if (i + 1 < args.size())
                    p.values.insert(name, args.at(++i));
                else
                    usage(prog, u"argument %1: expected one argument"_s.arg(name));
                continue;
            }
            if (flagOptions.contains(name) && eq < 0) {
                p.flags.append(name);
                continue;
            }
            usage(prog, u"unrecognized arguments: "_s + a);
        }
        if (p.positionals.size() >= maxPositionals)
            usage(prog, u"unrecognized arguments: "_s + a);
        p.positionals.append(a);
    }
    return p;
}

int toInt(const QString &prog, const QString &option, const QString &text)
{
    bool ok = false;
    const int v = text.toInt(&ok);
    if (!ok)
        usage(prog, u"argument %1: invalid int value: '%2'"_s.arg(option, text));
    return v;
}

double toDouble(const QString &prog, const QString &option, const QString &text)
{
    bool ok = false;
    const double v = text.toDouble(&ok);
    if (!ok)
        usage(prog, u"argument %1: invalid float value: '%2'"_s.arg(option, text));
    return v;
}

Sim::Bench loadBench(const QString &home)
{
    if (home.isEmpty())
        runtimeError(u"no bench: set AZSPHERE_SIM_HOME or pass --home DIR"_s);
    Sim::Bench bench(home);
    QString why;
    if (!bench.load(&why))
        runtimeError(
            u"no bench in %1 (%2); create one with 'sphere-sim bench create'"_s.arg(home, why));
    return bench;
}

// --device (ID, serial, IP or connection path, attached or not) or --fixture to a fixture.
int fixtureOf(const QString &prog, const Sim::Bench &bench, const Parsed &p)
{
    const bool byDevice = p.values.contains(u"--device"_s);
    const bool byFixture = p.values.contains(u"--fixture"_s);
    if (byDevice == byFixture)
        usage(prog, u"give exactly one of --device or --fixture"_s);
    if (byFixture) {
        const int k = toInt(prog, u"--fixture"_s, p.values.value(u"--fixture"_s));
        if (!bench.slotOfFixture(k))
            runtimeError(u"no fixture %1"_s.arg(k));
        return k;
    }
    const QString wanted = p.values.value(u"--device"_s).trimmed();
    for (const Sim::Slot &s : bench.config().fixtures) {
        if (s.serial.isEmpty())
            continue;
        if (s.serial.compare(wanted, Qt::CaseInsensitive) == 0 || s.connectionPath == wanted
            || (!s.ipAddress.isEmpty() && s.ipAddress == wanted)
            || Sim::deviceIdFor(bench.config().seed, s.serial).compare(wanted, Qt::CaseInsensitive)
                == 0)
            return s.fixture;
    }
    runtimeError(u"no device '%1' in the bench's fixtures"_s.arg(wanted));
}

// ---- bench -------------------------------------------------------------------------------------

int benchCreate(const QString &home, const QStringList &args)
{
    const QString prog = u"sphere-sim bench create"_s;
    const Parsed p = parse(prog,
        args,
        {u"--devices"_s, u"--seed"_s, u"--os"_s, u"--state"_s, u"--sdk-version"_s},
        {u"--unprogrammed-mac"_s},
        BenchCreateHelp);
    if (!p.values.contains(u"--devices"_s))
        usage(prog, u"the following arguments are required: --devices"_s);
    Sim::CreateOptions options;
    options.devices = toInt(prog, u"--devices"_s, p.values.value(u"--devices"_s));
    options.seed = p.values.value(u"--seed"_s, options.seed);
    options.osVersion = p.values.value(u"--os"_s, Sim::catalog().factoryOsVersion);
    options.state = p.values.value(u"--state"_s, options.state);
    options.macProgrammed = !p.flags.contains(u"--unprogrammed-mac"_s);
    const QStringList states = {u"Blank"_s, u"Module1Complete"_s, u"DeviceComplete"_s};
    if (!states.contains(options.state))
        usage(prog,
            u"argument --state: invalid choice: '%1' (choose from 'Blank', 'Module1Complete', 'DeviceComplete')"_s
                .arg(options.state));
    if (!Sim::catalog().osVersion(options.osVersion)) {
        QStringList quoted;
        for (const QString &n : Sim::catalog().osVersionNames())
            quoted.append(u'\'' + n + u'\'');
        usage(prog,
            u"argument --os: invalid choice: '%1' (choose from %2)"_s.arg(
                options.osVersion, quoted.join(u", "_s)));
    }
    if (options.devices < 1 || options.devices > Sim::catalog().ipLast - 1)
        usage(prog, u"argument --devices: must be 1..%1"_s.arg(Sim::catalog().ipLast - 1));
    if (home.isEmpty())
        runtimeError(u"no bench directory: set AZSPHERE_SIM_HOME or pass --home DIR"_s);
    QString why;
    if (!Sim::Bench::create(home, options, &why))
        runtimeError(why);
    if (p.values.contains(u"--sdk-version"_s)) {
        Sim::Bench bench(home);
        const QString version = p.values.value(u"--sdk-version"_s);
        if (!bench.modifyBench(
                [&](Sim::BenchConfig &c) {
                    c.sdkVersion = version;
                    return true;
                },
                &why))
            runtimeError(why);
    }
    out(u"Created bench %1: %2 devices, seed '%3', OS %4, %5."_s.arg(QDir(home).absolutePath())
            .arg(options.devices)
            .arg(options.seed, options.osVersion, options.state));
    return 0;
}

int benchShow(const QString &home, const QStringList &args)
{
    const Parsed p = parse(u"sphere-sim bench show"_s, args, {}, {u"--json"_s}, BenchShowHelp);
    const Sim::Bench bench = loadBench(home);
    QJsonArray fixtures;
    QList<QStringList> rows;
    for (const Sim::Slot &s : bench.config().fixtures) {
        const std::optional<Sim::DeviceState> d
            = s.serial.isEmpty() ? std::nullopt : bench.readDevice(s.serial);
        QJsonArray faults;
        QStringList faultTexts;
        if (d) {
            for (const Sim::Fault &f : d->faults) {
                faults.append(f.toJson());
                faultTexts.append(f.describe());
            }
        }
        const QString busy = s.serial.isEmpty() ? QString() : bench.busyReason(s.serial);
        fixtures.append(QJsonObject {{u"fixture"_s, s.fixture},
            {u"connectionPath"_s, s.connectionPath},
            {u"serial"_s, s.serial},
            {u"deviceId"_s, d ? d->deviceId : QString()},
            {u"ipAddress"_s, s.ipAddress.isEmpty() ? QJsonValue() : QJsonValue(s.ipAddress)},
            {u"attached"_s, s.attached},
            {u"manufacturingState"_s, d ? d->manufacturingState : QString()},
            {u"osVersion"_s, d ? d->osVersion : QString()},
            {u"trustedKeystore"_s, d ? d->trustedKeystore : 0},
            {u"bootCount"_s, d ? d->bootCount : 0},
            {u"busy"_s, busy.isEmpty() ? QJsonValue() : QJsonValue(busy)},
            {u"faults"_s, faults}});
        rows.append({QString::number(s.fixture),
            s.connectionPath,
            d ? d->deviceId : QString(),
            s.ipAddress.isEmpty() ? u"-"_s : s.ipAddress,
            d ? d->manufacturingState : QString(),
            d ? d->osVersion : QString(),
            s.attached ? u"yes"_s : u"no"_s,
            faultTexts.isEmpty() ? u"-"_s : faultTexts.join(u", "_s)});
    }
    if (p.flags.contains(u"--json"_s)) {
        const QJsonObject o {{u"bench"_s, QDir(bench.directory()).absolutePath()},
            {u"seed"_s, bench.config().seed},
            {u"sdkVersion"_s, bench.config().sdkVersion},
            {u"fixtures"_s, fixtures}};
        std::fputs(Sim::toSortedJson(o).constData(), stdout);
        return 0;
    }
    const QStringList headers = {u"Fixture"_s,
        u"ConnectionPath"_s,
        u"DeviceId"_s,
        u"IpAddress"_s,
        u"State"_s,
        u"OS"_s,
        u"Attached"_s,
        u"Faults"_s};
    QList<qsizetype> widths;
    for (qsizetype c = 0; c < headers.size(); ++c) {
        qsizetype w = headers.at(c).size();
        for (const QStringList &r : rows)
            w = std::max(w, r.at(c).size());
        widths.append(w);
    }
    auto line = [&](const QStringList &cells) {
        QString text;
        for (qsizetype c = 0; c < cells.size(); ++c)
            text += cells.at(c).leftJustified(widths.at(c) + 2);
        out(text.trimmed());
    };
    line(headers);
    for (const QStringList &r : rows)
        line(r);
    return 0;
}

// ---- plug / unplug / swap ----------------------------------------------------------------------

int attachment(const QString &home, const QString &verb, const QStringList &args)
{
    const QString prog = u"sphere-sim "_s + verb;
    const Parsed p = parse(prog, args, {u"--device"_s, u"--fixture"_s, u"--with"_s}, {}, PlugHelp);
    if (p.values.contains(u"--with"_s) && verb != u"swap")
        usage(prog, u"--with belongs to swap"_s);
    Sim::Bench bench = loadBench(home);
    const int fixture = fixtureOf(prog, bench, p);
    QString why;
    if (verb == u"plug") {
        if (!bench.plug(fixture, &why))
            runtimeError(why);
    } else if (verb == u"unplug") {
        if (!bench.unplug(fixture, &why))
            runtimeError(why);
    } else {
        QString putBack;
        if (p.values.contains(u"--with"_s)) {
            const QString wanted = p.values.value(u"--with"_s).trimmed();
            for (const QString &serial : bench.config().serials) {
                if (serial.compare(wanted, Qt::CaseInsensitive) == 0
                    || Sim::deviceIdFor(bench.config().seed, serial)
                            .compare(wanted, Qt::CaseInsensitive)
                        == 0)
                    putBack = serial;
            }
            if (putBack.isEmpty())
                runtimeError(u"the bench made no device '%1'"_s.arg(wanted));
        }
        QString serial;
        if (!bench.swap(fixture, &serial, &why, putBack))
            runtimeError(why);
    }
    bench.load();
    const Sim::Slot s = *bench.slotOfFixture(fixture);
    out(u"Fixture %1 (%2): %3 %4%5"_s.arg(s.fixture).arg(s.connectionPath,
        Sim::deviceIdFor(bench.config().seed, s.serial),
        s.attached ? u"attached at "_s : u"detached"_s,
        s.ipAddress));
    return 0;
}

// ---- faults ------------------------------------------------------------------------------------

QStringList targetSerials(
    const QString &prog, const Sim::Bench &bench, const Parsed &p, bool allByDefault)
{
    const bool all = p.flags.contains(u"--all"_s);
    const bool one = p.values.contains(u"--device"_s);
    if (all && one)
        usage(prog, u"give either --device or --all"_s);
    if (!all && !one && !allByDefault)
        usage(prog, u"the following arguments are required: --device or --all"_s);
    if (!one)
        return bench.config().serials;
    const int fixture = fixtureOf(prog, bench, p);
    return {bench.slotOfFixture(fixture)->serial};
}

int faultSet(const QString &home, const QStringList &args)
{
    const QString prog = u"sphere-sim fault set"_s;
    const Parsed p = parse(prog,
        args,
        {u"--device"_s,
            u"--probability"_s,
            u"--count"_s,
            u"--skip"_s,
            u"--command"_s,
            u"--variant"_s,
            u"--factor"_s},
        {u"--all"_s},
        FaultHelp,
        1);
    if (p.positionals.isEmpty())
        usage(prog, u"the following arguments are required: KIND"_s);
    Sim::Fault fault;
    fault.kind = p.positionals.first();
    if (!Sim::faultKinds().contains(fault.kind)) {
        QStringList quoted;
        for (const QString &k : Sim::faultKinds())
            quoted.append(u'\'' + k + u'\'');
        usage(prog,
            u"argument KIND: invalid choice: '%1' (choose from %2)"_s.arg(
                fault.kind, quoted.join(u", "_s)));
    }
    if (p.values.contains(u"--probability"_s)) {
        fault.probability = toDouble(prog, u"--probability"_s, p.values.value(u"--probability"_s));
        if (fault.probability < 0 || fault.probability > 1)
            usage(prog, u"argument --probability: must be between 0 and 1"_s);
    }
    if (p.values.contains(u"--count"_s)) {
        fault.count = toInt(prog, u"--count"_s, p.values.value(u"--count"_s));
        if (fault.count < 1)
            usage(prog, u"argument --count: must be at least 1"_s);
    }
    if (p.values.contains(u"--skip"_s)) {
        fault.skip = toInt(prog, u"--skip"_s, p.values.value(u"--skip"_s));
        if (fault.skip < 0)
            usage(prog, u"argument --skip: must not be negative"_s);
    }
    fault.command = p.values.value(u"--command"_s);
    fault.variant = p.values.value(u"--variant"_s);
    if (p.values.contains(u"--factor"_s)) {
        fault.factor = toDouble(prog, u"--factor"_s, p.values.value(u"--factor"_s));
        if (fault.factor <= 0)
            usage(prog, u"argument --factor: must be positive"_s);
    }
    Sim::Bench bench = loadBench(home);
    const QStringList serials = targetSerials(prog, bench, p, false);
    for (const QString &serial : serials) {
        QString why;
        const bool ok = bench.modifyDevice(
            serial,
            [&](Sim::DeviceState &s) {
                // One fault per kind and command: setting it again replaces it.
                for (qsizetype i = s.faults.size() - 1; i >= 0; --i) {
                    if (s.faults.at(i).kind == fault.kind
                        && s.faults.at(i).command == fault.command)
                        s.faults.removeAt(i);
                }
                s.faults.append(fault);
                return true;
            },
            &why);
        if (!ok)
            runtimeError(why);
        out(u"%1: fault %2"_s.arg(serial, fault.describe()));
    }
    return 0;
}

int faultClear(const QString &home, const QStringList &args)
{
    const QString prog = u"sphere-sim fault clear"_s;
    const Parsed p = parse(prog, args, {u"--device"_s, u"--kind"_s}, {u"--all"_s}, FaultHelp);
    const QString kind = p.values.value(u"--kind"_s);
    Sim::Bench bench = loadBench(home);
    const QStringList serials = targetSerials(prog, bench, p, true);
    int cleared = 0;
    for (const QString &serial : serials) {
        QString why;
        const bool ok = bench.modifyDevice(
            serial,
            [&](Sim::DeviceState &s) {
                const qsizetype before = s.faults.size();
                if (kind.isEmpty())
                    s.faults.clear();
                else
                    s.faults.removeIf([&](const Sim::Fault &f) { return f.kind == kind; });
                cleared += int(before - s.faults.size());
                return before != s.faults.size();
            },
            &why);
        if (!ok)
            runtimeError(why);
    }
    out(u"Cleared %1 fault(s)."_s.arg(cleared));
    return 0;
}

// ---- capability files --------------------------------------------------------------------------

#ifdef SIM_HAVE_PACKAGE
int capabilityCreate(const QString &home, const QStringList &args)
{
    const QString prog = u"sphere-sim capability create"_s;
    const Parsed p = parse(prog,
        args,
        {u"--device"_s, u"--device-id"_s, u"--capabilities"_s, u"--out"_s},
        {},
        CapabilityHelp);
    for (const QString &required : {u"--capabilities"_s, u"--out"_s}) {
        if (!p.values.contains(required))
            usage(prog, u"the following arguments are required: "_s + required);
    }
    QString deviceId;
    if (p.values.contains(u"--device-id"_s) == p.values.contains(u"--device"_s))
        usage(prog, u"give exactly one of --device or --device-id"_s);
    if (p.values.contains(u"--device-id"_s)) {
        deviceId = p.values.value(u"--device-id"_s).trimmed().toLower();
        static const QRegularExpression hex128(u"^[0-9a-f]{128}$"_s);
        if (!hex128.match(deviceId).hasMatch())
            usage(prog, u"argument --device-id: not a 128-hex device ID: '%1'"_s.arg(deviceId));
    } else {
        const Sim::Bench bench = loadBench(home);
        const int fixture = fixtureOf(prog, bench, p);
        deviceId = Sim::deviceIdFor(bench.config().seed, bench.slotOfFixture(fixture)->serial);
    }
    QList<int> numbers;
    QStringList names;
    for (const QString &item :
        p.values.value(u"--capabilities"_s).split(u',', Qt::SkipEmptyParts)) {
        const int n = Sim::capabilityNumber(item.trimmed());
        if (n < 0)
            usage(prog, u"argument --capabilities: unknown capability '%1'"_s.arg(item.trimmed()));
        if (!numbers.contains(n)) {
            numbers.append(n);
            names.append(Sim::capabilityName(n));
        }
    }
    const QString out = p.values.value(u"--out"_s);
    QString why;
    if (!Sim::writeFileAtomically(out, Sim::writeCapabilityFile(deviceId, numbers), &why))
        runtimeError(why);
    ::out(u"Wrote capability file %1 for device %2: %3."_s.arg(
        out, deviceId, names.isEmpty() ? u"no capabilities"_s : names.join(u", "_s)));
    return 0;
}
#endif

// ---- cloud --------------------------------------------------------------------------------------

int cloudCommand(const QString &home, QStringList args)
{
    const QString sub = args.isEmpty() ? QString() : args.takeFirst();
    if (sub == u"-h" || sub == u"--help") {
        std::fputs(CloudHelp, stdout);
        return 0;
    }
    if (sub != u"reset" && sub != u"show")
        usage(u"sphere-sim cloud"_s,
            sub.isEmpty() ? u"a subcommand is required: reset, show"_s
                          : u"invalid choice: '%1' (choose from 'reset', 'show')"_s.arg(sub));
    const QString prog = u"sphere-sim cloud "_s + sub;
    const Parsed p = sub == u"show"
        ? parse(prog, args, {}, {}, CloudHelp)
        : parse(prog, args, {u"--tenants"_s}, {u"--no-selection"_s}, CloudHelp);
    const Sim::Bench bench = loadBench(home);
    const Sim::Cloud cloud(bench);
    QString why;
    if (sub == u"show") {
        const std::optional<Sim::CloudState> state = cloud.read(&why);
        if (!state)
            runtimeError(why);
        std::fputs(Sim::toSortedJson(state->toJson()).constData(), stdout);
        return 0;
    }
    Sim::CloudState state;
    const QStringList names
        = p.values.value(u"--tenants"_s, Sim::DefaultTenantName).split(u',', Qt::SkipEmptyParts);
    for (const QString &name : names) {
        if (const auto error = Sim::createTenant(state, bench.config().seed, name.trimmed()))
            usage(prog, u"argument --tenants: "_s + error->message);
    }
    if (state.tenants.isEmpty())
        usage(prog, u"argument --tenants: give at least one name"_s);
    if (!p.flags.contains(u"--no-selection"_s))
        state.selectedTenantId = state.tenants.first().id;
    if (!cloud.write(state, &why))
        runtimeError(why);
    for (const Sim::CloudTenant &t : state.tenants)
        out(u"Tenant %1 '%2'%3"_s.arg(
            t.id, t.name, t.id == state.selectedTenantId ? u" (selected)"_s : QString()));
    return 0;
}

int run(QStringList args)
{
    QString homeOption;
    while (!args.isEmpty() && args.first().startsWith(u"--home")) {
        const QString a = args.takeFirst();
        if (a.startsWith(u"--home="))
            homeOption = a.mid(7);
        else if (!args.isEmpty())
            homeOption = args.takeFirst();
        else
            usage(u"sphere-sim"_s, u"argument --home: expected one argument"_s);
    }
    if (!homeOption.isEmpty())
        qputenv("AZSPHERE_SIM_HOME", QFile::encodeName(homeOption));
    const QString home = Sim::Bench::homeDirectory(homeOption);

    if (args.isEmpty() || args.first() == u"-h" || args.first() == u"--help"
        || args.first() == u"help") {
        std::fputs(TopUsage, stdout);
        return args.isEmpty() ? 2 : 0;
    }
    const QString command = args.takeFirst();
    if (command == u"bench") {
        const QString sub = args.isEmpty() ? QString() : args.takeFirst();
        if (sub == u"create")
            return benchCreate(home, args);
        if (sub == u"show")
            return benchShow(home, args);
        if (sub == u"-h" || sub == u"--help") {
            std::fputs(BenchCreateHelp, stdout);
            std::fputs("\n", stdout);
            std::fputs(BenchShowHelp, stdout);
            return 0;
        }
        usage(u"sphere-sim bench"_s,
            sub.isEmpty() ? u"a subcommand is required: create, show"_s
                          : u"invalid choice: '%1' (choose from 'create', 'show')"_s.arg(sub));
    }
    if (command == u"plug" || command == u"unplug" || command == u"swap")
        return attachment(home, command, args);
    if (command == u"fault") {
        const QString sub = args.isEmpty() ? QString() : args.takeFirst();
        if (sub == u"set")
            return faultSet(home, args);
        if (sub == u"clear")
            return faultClear(home, args);
        if (sub == u"-h" || sub == u"--help") {
            std::fputs(FaultHelp, stdout);
            return 0;
        }
        usage(u"sphere-sim fault"_s,
            sub.isEmpty() ? u"a subcommand is required: set, clear"_s
                          : u"invalid choice: '%1' (choose from 'set', 'clear')"_s.arg(sub));
    }
    if (command == u"assets") {
#ifdef SIM_HAVE_PACKAGE
        return Sim::runAssetsCommand(args);
#else
        runtimeError(u"this build has no asset generator (sim_package)"_s);
#endif
    }
    if (command == u"serve") {
#ifdef SIM_HAVE_UART
        return Sim::runServeCommand(args);
#else
        runtimeError(u"this build has no UART server (sim_uart)"_s);
#endif
    }
    if (command == u"cloud")
        return cloudCommand(home, args);
    if (command == u"capability") {
        const QString sub = args.isEmpty() ? QString() : args.takeFirst();
        if (sub == u"-h" || sub == u"--help") {
            std::fputs(CapabilityHelp, stdout);
            return 0;
        }
        if (sub != u"create")
            usage(u"sphere-sim capability"_s,
                sub.isEmpty() ? u"a subcommand is required: create"_s
                              : u"invalid choice: '%1' (choose from 'create')"_s.arg(sub));
#ifdef SIM_HAVE_PACKAGE
        return capabilityCreate(home, args);
#else
        runtimeError(u"this build has no capability file writer (sim_package)"_s);
#endif
    }
    usage(u"sphere-sim"_s,
        u"invalid choice: '%1' (choose from 'bench', 'plug', 'unplug', 'swap', 'fault', 'assets', 'serve', 'capability', 'cloud')"_s
            .arg(command));
}

} // namespace

int main(int argc, char *argv[])
{
    QStringList args;
    for (int i = 1; i < argc; ++i)
        args.append(QString::fromLocal8Bit(argv[i]));
    try {
        return run(args);
    } catch (const Exit &e) {
        std::fflush(stdout);
        return e.code;
    }
}

#include "simulator/azsphere/commands.h"
#include "simulator/azsphere/session.h"
#include "simulator/core/simtime.h"

#include <QCryptographicHash>
#include <QJsonArray>

#include <algorithm>

using namespace Qt::Literals::StringLiterals;

namespace Az {

namespace {

// §9: add 2 s (connected 3 s later), list / show-status / forget 1 s.
constexpr double AddSeconds = 2.0;
constexpr double ConnectSeconds = 3.0;
constexpr double QuerySeconds = 1.0;
// Not in §9: a scan takes longer than a query.
constexpr double ScanSeconds = 2.0;
constexpr int MaxSsidBytes = 32;
constexpr int MinPskLength = 8;

const Sim::AccessPoint *accessPointFor(const Sim::Bench &bench, const Sim::WifiNetwork &network)
{
    for (const Sim::AccessPoint &ap : bench.config().accessPoints) {
        if (ap.ssid != network.ssid)
            continue;
        const bool open = ap.psk.isEmpty();
        if (open ? network.psk.isEmpty() : ap.psk == network.psk)
            return &ap;
    }
    return nullptr;
}

QList<Sim::WifiNetwork> sortedById(QList<Sim::WifiNetwork> networks)
{
    std::sort(
        networks.begin(), networks.end(), [](const auto &a, const auto &b) { return a.id < b.id; });
    return networks;
}

// The simulated radio (§2.7): the lowest-ID enabled network whose access point exists and whose
// security matches is connected once its 3 s have passed; the others are disconnected.
int connectedId(const Sim::Bench &bench, const Sim::DeviceState &state)
{
    const QList<Sim::WifiNetwork> networks = sortedById(state.wifi);
    const qint64 now = Sim::nowMs();
    for (const Sim::WifiNetwork &n : networks) {
        if (n.configState == u"enabled" && now >= n.connectableAtMs && accessPointFor(bench, n))
            return n.id;
    }
    return -1;
}

QJsonObject networkJson(const Sim::WifiNetwork &n, int connected)
{
    return QJsonObject {{u"configName"_s, n.configName},
        {u"configState"_s, n.configState},
        {u"connectionState"_s, n.id == connected ? u"connected"_s : u"disconnected"_s},
        {u"id"_s, n.id},
        {u"securityState"_s, n.securityState},
        {u"ssid"_s, n.ssid},
        {u"targetedScan"_s, n.targetedScan}};
}

const QList<Column> NetworkColumns = {{u"id"_s, {}},
    {u"ssid"_s, {}},
    {u"configState"_s, {}},
    {u"connectionState"_s, {}},
    {u"securityState"_s, {}},
    {u"targetedScan"_s, {}},
    {u"configName"_s, {}}};

// The start shared by the wifi commands: the command's simulated time, then the capability check
// (§2.10).
void beginWifiCommand(DeviceSession &session, double seconds)
{
    session.delay(seconds);
    if (session.isLocked())
        fail(PermissionText);
}

void printNetwork(Context &ctx, const Sim::WifiNetwork &network, int connected)
{
    const QJsonObject o = networkJson(network, connected);
    printResult(ctx, o, NetworkColumns, {o});
}

} // namespace

void runWifiAdd(Context &ctx)
{
    Sim::Bench bench = openBench();
    DeviceSession session(ctx, bench);
    beginWifiCommand(session, AddSeconds);
    Sim::DeviceState &state = session.state();
    const QString ssid = ctx.args.value(u"--ssid"_s);
    const bool hasPsk = ctx.args.has(u"--psk"_s);
    const QString psk = ctx.args.value(u"--psk"_s);
    if (ssid.toUtf8().size() > MaxSsidBytes)
        fail(deviceMessage(13631503));
    if (hasPsk && psk.size() < MinPskLength)
        fail(deviceMessage(13631513));
    for (const Sim::WifiNetwork &n : state.wifi) {
        if (n.ssid == ssid)
            fail(deviceMessage(13631490));
    }
    if (state.wifi.size() >= Sim::catalog().maxWifiNetworks)
        fail(deviceMessage(13631510));
    Sim::WifiNetwork network;
    network.id = 0;
    while (std::any_of(
        state.wifi.cbegin(), state.wifi.cend(), [&](const auto &n) { return n.id == network.id; }))
        ++network.id;
    network.ssid = ssid;
    network.psk = psk;
    network.securityState = hasPsk ? u"psk"_s : u"open"_s;
    network.targetedScan = ctx.args.has(u"--targeted-scan"_s);
    network.configName = ctx.args.value(u"--config-name"_s);
    network.connectableAtMs = Sim::nowMs() + Sim::scaledMs(ConnectSeconds);
    state.wifi.append(network);
    session.save();
    // The radio connects only after the command has returned (§2.7), so the new network always
    // reads disconnected here, whatever the time scale.
    printNetwork(ctx, network, -1);
}

void runWifiList(Context &ctx)
{
    Sim::Bench bench = openBench();
    DeviceSession session(ctx, bench);
    beginWifiCommand(session, QuerySeconds);
    const QList<Sim::WifiNetwork> networks = sortedById(session.state().wifi);
    const int connected = connectedId(bench, session.state());
    QJsonArray json;
    QList<QJsonObject> rows;
    for (const Sim::WifiNetwork &n : networks) {
        json.append(networkJson(n, connected));
        rows.append(networkJson(n, connected));
    }
    printResult(ctx, json, NetworkColumns, rows);
}

void runWifiShowStatus(Context &ctx)
{
    Sim::Bench bench = openBench();
    DeviceSession session(ctx, bench);
    beginWifiCommand(session, QuerySeconds);
    const Sim::DeviceState &state = session.state();
    const int connected = connectedId(bench, state);
    QJsonObject o;
    if (connected < 0) {
        o = QJsonObject {{u"address"_s, state.macAddress()},
            {u"connectionState"_s, u"disconnected"_s},
            {u"mode"_s, u"station"_s},
            {u"wpa_state"_s, state.wifi.isEmpty() ? u"INACTIVE"_s : u"SCANNING"_s}};
    } else {
        const auto it = std::find_if(state.wifi.cbegin(), state.wifi.cend(), [&](const auto &n) {
            return n.id == connected;
        });
        const Sim::AccessPoint *ap = accessPointFor(bench, *it);
        // A stable per-device address on the simulated access point's network.
        const int host
            = 10 + int(QByteArray::fromHex(state.deviceId.left(2).toLatin1()).at(0) & 0x7F);
        o = QJsonObject {{u"address"_s, state.macAddress()},
            {u"configState"_s, it->configState},
            {u"connectionState"_s, u"connected"_s},
            {u"freq"_s, ap ? ap->freq : 2437},
            {u"id"_s, it->id},
            {u"ip_address"_s, u"10.42.0.%1"_s.arg(host)},
            {u"key_mgmt"_s, it->securityState == u"psk" ? u"WPA2-PSK"_s : u"NONE"_s},
            {u"mode"_s, u"station"_s},
            {u"securityState"_s, it->securityState},
            {u"ssid"_s, it->ssid},
            {u"wpa_state"_s, u"COMPLETED"_s}};
    }
    QList<Column> columns;
    for (const QString &key : o.keys())
        columns.append(Column {key, {}});
    printResult(ctx, o, columns, {o});
}

void runWifiForget(Context &ctx)
{
    Sim::Bench bench = openBench();
    DeviceSession session(ctx, bench);
    if (ctx.spec->deprecatedAlias)
        printWarning(ctx,
            u"This command has been deprecated and will be removed in a future release. Use '"_s
                + ctx.spec->replacement + u"' instead."_s);
    beginWifiCommand(session, QuerySeconds);
    Sim::DeviceState &state = session.state();
    const int id = ctx.args.value(u"--id"_s).toInt();
    for (qsizetype i = 0; i < state.wifi.size(); ++i) {
        if (state.wifi.at(i).id == id) {
            state.wifi.removeAt(i);
            session.save();
            printStatus(ctx, u"Successfully removed network"_s);
            return;
        }
    }
    fail(deviceMessage(13631491));
}

} // namespace Az

// §11's additions: wifi show / enable / disable / scan / reload-config. Outputs are
// project-defined (docs/simulator.md); they reuse the wifi list object and the REST scan keys.
namespace Az {

namespace {

Sim::WifiNetwork *networkById(Sim::DeviceState &state, int id)
{
    for (Sim::WifiNetwork &n : state.wifi) {
        if (n.id == id)
            return &n;
    }
    fail(deviceMessage(13631491));
}

void runWifiSetEnabled(Context &ctx, bool enabled)
{
    Sim::Bench bench = openBench();
    DeviceSession session(ctx, bench);
    beginWifiCommand(session, QuerySeconds);
    Sim::DeviceState &state = session.state();
    Sim::WifiNetwork *network = networkById(state, ctx.args.value(u"--id"_s).toInt());
    const QString wanted = enabled ? u"enabled"_s : u"disabled"_s;
    const bool changed = network->configState != wanted;
    if (changed) {
        network->configState = wanted;
        // Like a new network, an enabled one connects 3 s after the command.
        if (enabled)
            network->connectableAtMs = Sim::nowMs() + Sim::scaledMs(ConnectSeconds);
        session.save();
    }
    // As after add, a newly enabled network reads disconnected here: the radio connects later.
    printNetwork(ctx, *network, enabled && changed ? -1 : connectedId(bench, state));
}

// A stable made-up BSSID per access point: 02:00 and the first four bytes of SHA-1(ssid).
QString bssidOf(const QString &ssid)
{
    const QByteArray h = QCryptographicHash::hash(ssid.toUtf8(), QCryptographicHash::Sha1);
    return u"02:00:"_s + QString::fromLatin1(h.left(4).toHex(':'));
}

} // namespace

void runWifiShow(Context &ctx)
{
    Sim::Bench bench = openBench();
    DeviceSession session(ctx, bench);
    beginWifiCommand(session, QuerySeconds);
    Sim::DeviceState &state = session.state();
    const Sim::WifiNetwork *network = networkById(state, ctx.args.value(u"--id"_s).toInt());
    printNetwork(ctx, *network, connectedId(bench, state));
}

void runWifiEnable(Context &ctx)
{
    runWifiSetEnabled(ctx, true);
}

void runWifiDisable(Context &ctx)
{
    runWifiSetEnabled(ctx, false);
}

void runWifiScan(Context &ctx)
{
    Sim::Bench bench = openBench();
    DeviceSession session(ctx, bench);
    beginWifiCommand(session, ScanSeconds);
    QList<Sim::AccessPoint> aps = bench.config().accessPoints;
    std::sort(aps.begin(), aps.end(), [](const auto &a, const auto &b) {
        return a.signalLevel != b.signalLevel ? a.signalLevel > b.signalLevel : a.ssid < b.ssid;
    });
    QJsonArray json;
    QList<QJsonObject> rows;
    for (const Sim::AccessPoint &ap : aps) {
        const QJsonObject o {{u"bssid"_s, bssidOf(ap.ssid)},
            {u"freq"_s, ap.freq},
            {u"securityState"_s, ap.psk.isEmpty() ? u"open"_s : u"psk"_s},
            {u"signal_level"_s, ap.signalLevel},
            {u"ssid"_s, ap.ssid}};
        json.append(o);
        rows.append(o);
    }
    printResult(ctx,
        json,
        {{u"ssid"_s, {}},
            {u"securityState"_s, {}},
            {u"bssid"_s, {}},
            {u"signal_level"_s, {}},
            {u"freq"_s, {}}},
        rows);
}

void runWifiReloadConfig(Context &ctx)
{
    Sim::Bench bench = openBench();
    DeviceSession session(ctx, bench);
    beginWifiCommand(session, QuerySeconds);
    // The radio drops its connection and reconnects 3 s later, as after `add`.
    const qint64 reconnectAt = Sim::nowMs() + Sim::scaledMs(ConnectSeconds);
    for (Sim::WifiNetwork &n : session.state().wifi)
        n.connectableAtMs = std::max(n.connectableAtMs, reconnectAt);
    session.save();
    printStatus(ctx, u"Wi-Fi configuration reloaded."_s);
}

} // namespace Az

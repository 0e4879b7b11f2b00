#include "simulator/core/bench.h"

#include "simulator/core/simtime.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSaveFile>
#include <QSet>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

using namespace Qt::Literals::StringLiterals;

namespace Sim {

namespace {

constexpr int FirstHost = 2;

int hostOf(const QString &ip)
{
    return ip.section(u'.', 3, 3).toInt();
}

QString serialFor(int n)
{
    return u"SIM%1"_s.arg(n, 5, 10, QLatin1Char('0'));
}

void writeJsonValue(QByteArray &out, const QJsonValue &value, int indent);

void writeIndent(QByteArray &out, int indent)
{
    out.append(indent * 2, ' ');
}

void writeString(QByteArray &out, const QString &s)
{
    out.append('"');
    const QByteArray utf8 = s.toUtf8();
    for (char ch : utf8) {
        const auto c = quint8(ch);
        switch (c) {
        case '"':
            out.append("\\\"");
            break;
        case '\\':
            out.append("\\\\");
            break;
        case '\n':
            out.append("\\n");
            break;
        case '\r':
            out.append("\\r");
            break;
        case '\t':
            out.append("\\t");
            break;
        case '\b':
            out.append("\\b");
            break;
        case '\f':
            out.append("\\f");
            break;
        default:
            if (c < 0x20)
                out.append("\\u00").append(QByteArray::number(c, 16).rightJustified(2, '0'));
            else
                out.append(ch);
        }
    }
    out.append('"');
}

void writeJsonValue(QByteArray &out, const QJsonValue &value, int indent)
{
    switch (value.type()) {
    case QJsonValue::Null:
    case QJsonValue::Undefined:
        out.append("null");
        break;
    case QJsonValue::Bool:
        out.append(value.toBool() ? "true" : "false");
        break;
    case QJsonValue::Double: {
        const double d = value.toDouble();
        if (d == double(qint64(d)) && std::abs(d) < 9.0e15)
            out.append(QByteArray::number(qint64(d)));
        else
            out.append(QByteArray::number(d, 'g', 17));
        break;
    }
    case QJsonValue::String:
        writeString(out, value.toString());
        break;
    case QJsonValue::Array: {
        const QJsonArray a = value.toArray();
        if (a.isEmpty()) {
            out.append("[]");
            break;
        }
        out.append("[\n");
        for (qsizetype i = 0; i < a.size(); ++i) {
            writeIndent(out, indent + 1);
            writeJsonValue(out, a.at(i), indent + 1);
            out.append(i + 1 < a.size() ? ",\n" : "\n");
        }
        writeIndent(out, indent);
        out.append(']');
        break;
    }
    case QJsonValue::Object: {
        const QJsonObject o = value.toObject();
        if (o.isEmpty()) {
            out.append("{}");
            break;
        }
        QStringList keys = o.keys();
        std::sort(keys.begin(), keys.end());
        out.append("{\n");
        for (qsizetype i = 0; i < keys.size(); ++i) {
            writeIndent(out, indent + 1);
            writeString(out, keys.at(i));
            out.append(": ");
            writeJsonValue(out, o.value(keys.at(i)), indent + 1);
            out.append(i + 1 < keys.size() ? ",\n" : "\n");
        }
        writeIndent(out, indent);
        out.append('}');
        break;
    }
    }
}

std::optional<QJsonObject> readJsonObject(const QString &path, QString *why)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        if (why)
            *why = u"cannot read %1: %2"_s.arg(path, file.errorString());
        return std::nullopt;
    }
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(file.readAll(), &error);
    if (!doc.isObject()) {
        if (why)
            *why = u"%1 is not a JSON object: %2"_s.arg(path, error.errorString());
        return std::nullopt;
    }
    return doc.object();
}

} // namespace

QString ipForHost(int host)
{
    return u"192.168.35.%1"_s.arg(host);
}

QByteArray toSortedJson(const QJsonValue &value)
{
    QByteArray out;
    writeJsonValue(out, value, 0);
    out.append('\n');
    return out;
}

bool writeFileAtomically(const QString &path, const QByteArray &bytes, QString *why)
{
    QSaveFile file(path);
    file.setDirectWriteFallback(false);
    if (!file.open(QIODevice::WriteOnly)) {
        if (why)
            *why = u"cannot write %1: %2"_s.arg(path, file.errorString());
        return false;
    }
    if (file.write(bytes) != bytes.size() || !file.commit()) {
        if (why)
            *why = u"cannot write %1: %2"_s.arg(path, file.errorString());
        return false;
    }
    return true;
}

// ---- BenchConfig -------------------------------------------------------------------------------

QJsonObject BenchConfig::toJson() const
{
    QJsonArray aps;
    for (const AccessPoint &ap : accessPoints) {
        aps.append(QJsonObject {{u"ssid"_s, ap.ssid},
            {u"psk"_s, ap.psk.isEmpty() ? QJsonValue() : QJsonValue(ap.psk)},
            {u"securityState"_s, ap.securityState},
            {u"freq"_s, ap.freq},
            {u"signalLevel"_s, ap.signalLevel}});
    }
    QJsonArray slotArray;
    for (const Slot &s : fixtures) {
        slotArray.append(QJsonObject {{u"fixture"_s, s.fixture},
            {u"connectionPath"_s, s.connectionPath},
            {u"serial"_s, s.serial.isEmpty() ? QJsonValue() : QJsonValue(s.serial)},
            {u"attached"_s, s.attached},
            {u"ipAddress"_s, s.ipAddress.isEmpty() ? QJsonValue() : QJsonValue(s.ipAddress)}});
    }
    return QJsonObject {{u"formatVersion"_s, formatVersion},
        {u"seed"_s, seed},
        {u"sdkVersion"_s, sdkVersion},
        {u"defaultOs"_s, defaultOs},
        {u"defaultState"_s, defaultState},
        {u"macProgrammed"_s, macProgrammed},
        {u"nextSerial"_s, nextSerial},
        {u"accessPoints"_s, aps},
        {u"slots"_s, slotArray},
        {u"serials"_s, QJsonArray::fromStringList(serials)}};
}

std::optional<BenchConfig> BenchConfig::fromJson(const QJsonObject &o, QString *why)
{
    BenchConfig c;
    c.formatVersion = o.value(u"formatVersion"_s).toInt(0);
    if (c.formatVersion != 1) {
        if (why)
            *why = u"bench.json has an unknown format version"_s;
        return std::nullopt;
    }
    c.seed = o.value(u"seed"_s).toString();
    c.sdkVersion = o.value(u"sdkVersion"_s).toString(u"25.10.0.1"_s);
    c.defaultOs = o.value(u"defaultOs"_s).toString(catalog().factoryOsVersion);
    c.defaultState = o.value(u"defaultState"_s).toString(u"Blank"_s);
    c.macProgrammed = o.value(u"macProgrammed"_s).toBool(true);
    c.nextSerial = o.value(u"nextSerial"_s).toInt(1);
    for (const QJsonValue &v : o.value(u"accessPoints"_s).toArray()) {
        const QJsonObject a = v.toObject();
        c.accessPoints.append(AccessPoint {a.value(u"ssid"_s).toString(),
            a.value(u"psk"_s).toString(),
            a.value(u"securityState"_s).toString(),
            a.value(u"freq"_s).toInt(),
            a.value(u"signalLevel"_s).toInt()});
    }
    for (const QJsonValue &v : o.value(u"slots"_s).toArray()) {
        const QJsonObject s = v.toObject();
        c.fixtures.append(Slot {s.value(u"fixture"_s).toInt(),
            s.value(u"connectionPath"_s).toString(),
            s.value(u"serial"_s).toString(),
            s.value(u"attached"_s).toBool(),
            s.value(u"ipAddress"_s).toString()});
    }
    for (const QJsonValue &v : o.value(u"serials"_s).toArray())
        c.serials.append(v.toString());
    return c;
}

// ---- Bench -------------------------------------------------------------------------------------

QString Bench::homeDirectory(const QString &homeOption)
{
    if (!homeOption.isEmpty())
        return homeOption;
    return qEnvironmentVariable("AZSPHERE_SIM_HOME");
}

Bench::Bench(const QString &dir)
    : m_dir(dir)
{ }

QString Bench::benchFile() const
{
    return m_dir + u"/bench.json"_s;
}

QString Bench::devicesDirectory() const
{
    return m_dir + u"/devices"_s;
}

QString Bench::deviceFile(const QString &serial) const
{
    return devicesDirectory() + u'/' + serial + u".json"_s;
}

QString Bench::deviceLockFile(const QString &serial) const
{
    return devicesDirectory() + u'/' + serial + u".lock"_s;
}

QString Bench::busyFile(const QString &serial) const
{
    return devicesDirectory() + u'/' + serial + u".busy"_s;
}

QString Bench::uartDirectory() const
{
    return m_dir + u"/uart"_s;
}

bool Bench::create(const QString &dir, const CreateOptions &options, QString *why)
{
    const Catalog &c = catalog();
    const QString os = options.osVersion.isEmpty() ? c.factoryOsVersion : options.osVersion;
    if (!c.osVersion(os)) {
        if (why)
            *why = u"unknown OS version '%1' (choose from %2)"_s.arg(
                os, c.osVersionNames().join(u", "_s));
        return false;
    }
    if (options.devices < 1 || options.devices > c.ipLast - FirstHost + 1) {
        if (why)
            *why = u"the number of devices must be 1..%1"_s.arg(c.ipLast - FirstHost + 1);
        return false;
    }
    Bench bench(dir);
    if (!QDir().mkpath(bench.devicesDirectory())) {
        if (why)
            *why = u"cannot create %1"_s.arg(bench.devicesDirectory());
        return false;
    }
    FileLock lock = FileLock::acquire(dir + u"/bench.lock"_s, why);
    if (!lock.isLocked())
        return false;
    // A fresh bench: old device files go (their locks stay harmless).
    QDir devices(bench.devicesDirectory());
    for (const QString &name : devices.entryList({u"*.json"_s, u"*.busy"_s}, QDir::Files))
        devices.remove(name);
    // ... and a fresh world around it: the simulated cloud and the CLI's settings start over.
    QDir(dir).remove(u"cloud.json"_s);
    QDir(dir).remove(u"cli-settings.json"_s);

    BenchConfig config;
    config.seed = options.seed;
    config.defaultOs = os;
    config.defaultState = options.state;
    config.macProgrammed = options.macProgrammed;
    config.accessPoints = c.accessPoints;
    for (int k = 1; k <= options.devices; ++k) {
        const QString serial = serialFor(config.nextSerial++);
        const DeviceState device
            = makeDevice(config.seed, serial, os, options.state, options.macProgrammed);
        if (!writeFileAtomically(bench.deviceFile(serial), toSortedJson(device.toJson()), why))
            return false;
        config.serials.append(serial);
        config.fixtures.append(
            Slot {k, QString::number(1210 + k), serial, true, ipForHost(FirstHost + k - 1)});
    }
    return writeFileAtomically(bench.benchFile(), toSortedJson(config.toJson()), why);
}

bool Bench::load(QString *why)
{
    const std::optional<QJsonObject> o = readJsonObject(benchFile(), why);
    if (!o)
        return false;
    const std::optional<BenchConfig> config = BenchConfig::fromJson(*o, why);
    if (!config)
        return false;
    m_config = *config;
    return true;
}

QList<Slot> Bench::attachedSlots() const
{
    QList<Slot> result;
    for (const Slot &s : m_config.fixtures) {
        if (s.attached && !s.serial.isEmpty())
            result.append(s);
    }
    std::sort(result.begin(), result.end(), [](const Slot &a, const Slot &b) {
        return hostOf(a.ipAddress) < hostOf(b.ipAddress);
    });
    return result;
}

std::optional<Slot> Bench::slotOfSerial(const QString &serial) const
{
    for (const Slot &s : m_config.fixtures) {
        if (s.serial == serial)
            return s;
    }
    return std::nullopt;
}

std::optional<Slot> Bench::slotOfFixture(int fixture) const
{
    for (const Slot &s : m_config.fixtures) {
        if (s.fixture == fixture)
            return s;
    }
    return std::nullopt;
}

std::optional<Attached> Bench::resolve(const QString &selector) const
{
    const QString wanted = selector.trimmed();
    const QList<Slot> slotList = attachedSlots();
    for (const Slot &s : slotList) {
        if (s.ipAddress == wanted)
            return Attached {s, MatchedBy::IpAddress};
    }
    for (const Slot &s : slotList) {
        if (!s.connectionPath.isEmpty() && s.connectionPath == wanted)
            return Attached {s, MatchedBy::ConnectionPath};
    }
    if (wanted.size() == 128) {
        for (const Slot &s : slotList) {
            // The ID is derived from seed and serial, so no file needs reading.
            if (deviceIdFor(m_config.seed, s.serial).compare(wanted, Qt::CaseInsensitive) == 0)
                return Attached {s, MatchedBy::DeviceId};
        }
    }
    return std::nullopt;
}

bool Bench::isStillAttached(const QString &serial) const
{
    Bench fresh(m_dir);
    if (!fresh.load())
        return false;
    const std::optional<Slot> s = fresh.slotOfSerial(serial);
    return s && s->attached;
}

std::optional<DeviceState> Bench::readDevice(const QString &serial, QString *why) const
{
    const std::optional<QJsonObject> o = readJsonObject(deviceFile(serial), why);
    if (!o)
        return std::nullopt;
    return DeviceState::fromJson(*o, why);
}

FileLock Bench::lockDevice(const QString &serial, QString *why) const
{
    return FileLock::acquire(deviceLockFile(serial), why);
}

FileLock Bench::tryLockDevice(const QString &serial) const
{
    return FileLock::tryAcquire(deviceLockFile(serial));
}

bool Bench::writeDevice(const DeviceState &state, QString *why) const
{
    return writeFileAtomically(deviceFile(state.serial), toSortedJson(state.toJson()), why);
}

bool Bench::modifyDevice(
    const QString &serial, const std::function<bool(DeviceState &)> &fn, QString *why) const
{
    FileLock lock = lockDevice(serial, why);
    if (!lock.isLocked())
        return false;
    std::optional<DeviceState> state = readDevice(serial, why);
    if (!state)
        return false;
    if (!fn(*state))
        return true;
    return writeDevice(*state, why);
}

bool Bench::modifyBench(const std::function<bool(BenchConfig &)> &fn, QString *why)
{
    FileLock lock = FileLock::acquire(m_dir + u"/bench.lock"_s, why);
    if (!lock.isLocked())
        return false;
    if (!load(why))
        return false;
    BenchConfig config = m_config;
    if (!fn(config))
        return false;
    if (!writeFileAtomically(benchFile(), toSortedJson(config.toJson()), why))
        return false;
    m_config = config;
    return true;
}

std::optional<Fault> Bench::takeFault(
    const QString &serial, const QString &kind, const QString &command)
{
    std::optional<Fault> fired;
    const QString seed = m_config.seed;
    modifyDevice(serial, [&](DeviceState &s) {
        bool changed = false;
        fired = Sim::takeFault(s, seed, kind, command, &changed);
        return changed;
    });
    return fired;
}

QString Bench::busyReason(const QString &serial) const
{
    const int fd = ::open(QFile::encodeName(busyFile(serial)).constData(), O_RDONLY | O_CLOEXEC);
    if (fd >= 0) {
        // The marker's owner holds an exclusive flock on it; a shared lock succeeds only when the
        // owner is gone (killed mid-way).
        const bool ownerAlive = ::flock(fd, LOCK_SH | LOCK_NB) != 0;
        QByteArray text;
        if (ownerAlive) {
            char buffer[256];
            const ssize_t n = ::read(fd, buffer, sizeof buffer);
            if (n > 0)
                text = QByteArray(buffer, int(n)).trimmed();
        }
        ::close(fd);
        if (ownerAlive)
            return text.isEmpty() ? u"busy"_s : QString::fromUtf8(text);
    }
    const std::optional<DeviceState> state = readDevice(serial);
    return state ? busyReason(*state) : QString();
}

QString Bench::busyReason(const DeviceState &state) const
{
    return state.isRebooting(nowMs()) ? state.busyReason : QString();
}

QString Bench::lowestFreeIp(const QList<Slot> &slotList)
{
    QSet<int> used;
    for (const Slot &s : slotList) {
        if (s.attached && !s.ipAddress.isEmpty())
            used.insert(hostOf(s.ipAddress));
    }
    for (int host = FirstHost; host <= catalog().ipLast; ++host) {
        if (!used.contains(host))
            return ipForHost(host);
    }
    return {};
}

bool Bench::plug(int fixture, QString *why)
{
    QString serial;
    QString error;
    modifyBench(
        [&](BenchConfig &config) {
            for (Slot &s : config.fixtures) {
                if (s.fixture != fixture)
                    continue;
                if (s.serial.isEmpty()) {
                    error = u"fixture %1 is empty"_s.arg(fixture);
                    return false;
                }
                if (s.attached)
                    return false; // already plugged: nothing to change
                const QString ip = lowestFreeIp(config.fixtures);
                if (ip.isEmpty()) {
                    error = u"no free IP address"_s;
                    return false;
                }
                s.attached = true;
                s.ipAddress = ip;
                serial = s.serial;
                return true;
            }
            error = u"no fixture %1"_s.arg(fixture);
            return false;
        },
        &error);
    if (!error.isEmpty()) {
        if (why)
            *why = error;
        return false;
    }
    if (serial.isEmpty())
        return true;
    // Attaching powers the device up: one more boot (the UART prints its banner).
    return modifyDevice(
        serial,
        [](DeviceState &s) {
            applyBoot(s);
            s.busyUntilMs = 0;
            s.busyReason.clear();
            return true;
        },
        why);
}

bool Bench::unplug(int fixture, QString *why)
{
    QString error;
    bool found = false;
    modifyBench(
        [&](BenchConfig &config) {
            for (Slot &s : config.fixtures) {
                if (s.fixture != fixture)
                    continue;
                found = true;
                if (!s.attached)
                    return false;
                s.attached = false;
                s.ipAddress.clear();
                return true;
            }
            error = u"no fixture %1"_s.arg(fixture);
            return false;
        },
        &error);
    if (!found || !error.isEmpty()) {
        if (why)
            *why = error.isEmpty() ? u"no fixture %1"_s.arg(fixture) : error;
        return false;
    }
    return true;
}

bool Bench::swap(int fixture, QString *newSerial, QString *why, const QString &putBack)
{
    QString serial;
    QString createError;
    const bool ok = modifyBench(
        [&](BenchConfig &config) {
            Slot *slot = nullptr;
            for (Slot &s : config.fixtures) {
                if (s.fixture == fixture)
                    slot = &s;
            }
            if (!slot) {
                createError = u"no fixture %1"_s.arg(fixture);
                return false;
            }
            if (!putBack.isEmpty()) {
                if (!config.serials.contains(putBack)) {
                    createError = u"the bench made no device %1"_s.arg(putBack);
                    return false;
                }
                for (const Slot &s : config.fixtures) {
                    if (s.serial == putBack) {
                        createError = u"device %1 is in fixture %2"_s.arg(putBack).arg(s.fixture);
                        return false;
                    }
                }
            }
            slot->attached = false;
            slot->ipAddress.clear();
            const QString ip = lowestFreeIp(config.fixtures);
            if (ip.isEmpty()) {
                createError = u"no free IP address"_s;
                return false;
            }
            if (putBack.isEmpty()) {
                serial = serialFor(config.nextSerial++);
                const DeviceState device = makeDevice(config.seed,
                    serial,
                    config.defaultOs,
                    config.defaultState,
                    config.macProgrammed);
                if (!writeFileAtomically(
                        deviceFile(serial), toSortedJson(device.toJson()), &createError))
                    return false;
                config.serials.append(serial);
            } else {
                serial = putBack;
            }
            slot->serial = serial;
            slot->attached = true;
            slot->ipAddress = ip;
            return true;
        },
        why);
    if (!ok) {
        if (why && !createError.isEmpty())
            *why = createError;
        return false;
    }
    if (newSerial)
        *newSerial = serial;
    if (putBack.isEmpty())
        return true;
    // A device put back is powered up: one more boot, as at plug.
    return modifyDevice(
        serial,
        [](DeviceState &s) {
            applyBoot(s);
            s.busyUntilMs = 0;
            s.busyReason.clear();
            return true;
        },
        why);
}

// ---- BusyMarker --------------------------------------------------------------------------------

BusyMarker::BusyMarker(const Bench &bench, const QString &serial, const QString &reason)
    : m_path(bench.busyFile(serial))
{
    const int fd = ::open(
        QFile::encodeName(m_path).constData(), O_RDWR | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd < 0)
        return;
    // Held (deliberately leaked fd) until this process ends or the marker is destroyed.
    ::flock(fd, LOCK_EX);
    const QByteArray text = reason.toUtf8();
    if (::write(fd, text.constData(), size_t(text.size())) < 0)
        m_path.clear();
    m_fd = fd;
}

BusyMarker::~BusyMarker()
{
    if (!m_path.isEmpty())
        QFile::remove(m_path);
    if (m_fd >= 0)
        ::close(m_fd);
}

} // namespace Sim

#include "rfcommon.h"

#include "simulator/core/catalog.h"
#include "simulator/core/replyfaults.h"
#include "simulator/core/simtime.h"

#include <cstdio>

using namespace Qt::Literals::StringLiterals;

namespace Sim::Rf {

namespace {

constexpr int LabelWidth = 22;
constexpr int HexdumpBytesPerLine = 16;
// rf-out-of-spec: the 5 GHz target power reads 14.0 dBm instead of the product's 15.0 dBm.
constexpr char OutOfSpecPower5 = 0x1C;

Field fieldOf(const QString &label, const EfuseRange &range)
{
    return {label, range.first, range.length()};
}

} // namespace

void printLine(const QString &line)
{
    std::fputs(qPrintable(line + u'\n'), stdout);
    std::fflush(stdout);
}

void printErrorLine(const QString &line)
{
    std::fputs(qPrintable(line + u'\n'), stderr);
    std::fflush(stderr);
}

Field macField()
{
    return fieldOf(u"MAC address"_s, catalog().efuseMac);
}

Field regionField()
{
    return fieldOf(u"Region code"_s, catalog().efuseRegion);
}

Field rxDiversityField()
{
    return fieldOf(u"Rx diversity"_s, catalog().efuseRxDiversity);
}

Field txPower24Field()
{
    return fieldOf(u"Target power 2.4 GHz"_s, catalog().efuseTxPower24);
}

Field txPower5Field()
{
    return fieldOf(u"Target power 5 GHz"_s, catalog().efuseTxPower5);
}

std::optional<Session> connect(const QString &device, const QString &tool, int *exitCode)
{
    *exitCode = ExitFailure;
    const auto notConnected = [] {
        printLine(u"ERROR: Could not connect to the device."_s);
        return std::nullopt;
    };

    const QString home = Bench::homeDirectory();
    if (home.isEmpty())
        return notConnected();
    Session session {Bench(home), {}, {}, 0, false, false, false};
    if (!session.bench.load())
        return notConnected();

    const auto select = [&]() -> std::optional<Slot> {
        if (device.isEmpty()) {
            const QList<Slot> attached = session.bench.attachedSlots();
            if (attached.size() > 1)
                return std::nullopt;
            if (!attached.isEmpty())
                return attached.first();
        } else if (const std::optional<Attached> match = session.bench.resolve(device)) {
            return match->slot;
        }
        return std::nullopt;
    };
    const auto multiple = [&] {
        if (device.isEmpty() && session.bench.attachedSlots().size() > 1) {
            printLine(u"ERROR: Multiple devices are attached; use --device to specify one."_s);
            return true;
        }
        return false;
    };
    if (multiple())
        return std::nullopt;
    std::optional<Slot> slot = select();
    if (!slot)
        return notConnected();
    session.serial = slot->serial;
    session.fixture = slot->fixture;

    // Commands on one device run in turn: hold its lock while looking at and changing it.
    FileLock lock = session.bench.lockDevice(session.serial);
    std::optional<DeviceState> state = session.bench.readDevice(session.serial);
    if (!lock.isLocked() || !state)
        return notConnected();

    // swap-before-command: the device leaves its fixture before the tool does anything to it.
    {
        bool swapChanged = false;
        const std::optional<Fault> swap = takeFault(*state,
            session.bench.config().seed,
            QStringView(FaultKind::SwapBeforeCommand).toString(),
            tool,
            &swapChanged);
        if (swapChanged)
            session.bench.writeDevice(*state);
        if (swap && swap->variant == u"after") {
            session.swapAfter = true;
        } else if (swap) {
            lock.release();
            if (!session.bench.swap(session.fixture) || !session.bench.load())
                return notConnected();
            if (multiple())
                return std::nullopt;
            slot = select();
            if (!slot)
                return notConnected();
            session.serial = slot->serial;
            session.fixture = slot->fixture;
            lock = session.bench.lockDevice(session.serial);
            state = session.bench.readDevice(session.serial);
            if (!lock.isLocked() || !state)
                return notConnected();
        }
    }
    const QString seed = session.bench.config().seed;
    bool changed = false;
    const auto save = [&] {
        if (changed)
            session.bench.writeDevice(*state);
        changed = false;
    };

    if (const auto slow
        = takeFault(*state, seed, QStringView(FaultKind::Slow).toString(), tool, &changed))
        setSlowFactor(slow->factor);
    if (takeFault(*state, seed, QStringView(FaultKind::Hang).toString(), tool, &changed)) {
        save();
        lock.release(); // hang without blocking the device's other commands
        sleepForever();
    }
    const bool silent
        = takeFault(*state, seed, QStringView(FaultKind::NotResponding).toString(), tool, &changed)
              .has_value();
    if (silent || !session.bench.busyReason(state->serial).isEmpty()
        || !session.bench.busyReason(*state).isEmpty()) {
        save();
        return notConnected();
    }

    // RF test mode (capability 12) exists only while the device is Blank (§2.6, §4.1).
    if (state->manufacturingState != u"Blank"_s || !state->hasCapability(RfTestModeCapability)) {
        save();
        printLine(u"ERROR: RF test mode is not available on this device. RF tools need a device "
                  u"in the Blank manufacturing state."_s);
        return std::nullopt;
    }

    if (state->efuse.size() != ConfigSize) {
        state->efuse.resize(ConfigSize, '\0');
        changed = true;
    }
    if (const auto oversized = takeFault(
            *state, seed, QStringView(FaultKind::OversizedOutput).toString(), tool, &changed)) {
        session.oversized = true;
        session.oversizedToStderr = oversized->variant == u"stderr";
    }
    if (takeFault(*state, seed, QStringView(FaultKind::RfOutOfSpec).toString(), tool, &changed)) {
        // The calibration went wrong at the factory: the saved bytes no longer match the
        // product file, and (being e-fuses) cannot be corrected.
        state->efuse[txPower5Field().first] = OutOfSpecPower5;
        changed = true;
    }
    save();
    session.state = *state;
    *exitCode = ExitOk;
    return session;
}

int finish(const Session &session, int exitCode)
{
    if (session.oversized && exitCode == ExitOk)
        printOversizedTail(session.oversizedToStderr);
    if (session.swapAfter) {
        Bench bench(session.bench.directory());
        if (bench.load())
            bench.swap(session.fixture);
    }
    return exitCode;
}

bool stillConnected(const Session &session)
{
    if (!session.bench.isStillAttached(session.serial))
        return false;
    const std::optional<DeviceState> state = session.bench.readDevice(session.serial);
    return state && session.bench.busyReason(session.serial).isEmpty();
}

QString formatMac(const QByteArray &config)
{
    const Field f = macField();
    return QString::fromLatin1(config.mid(f.first, f.length).toHex(':').toUpper());
}

QString formatRegion(const QByteArray &config)
{
    const Field f = regionField();
    const QByteArray bytes = config.mid(f.first, f.length);
    if (bytes.count('\0') == bytes.size())
        return u"(not set)"_s;
    bool printable = true;
    for (const char c : bytes)
        printable = printable && c > 0x20 && c < 0x7F;
    if (printable)
        return QString::fromLatin1(bytes);
    QStringList hex;
    for (const char c : bytes)
        hex += formatByte(quint8(c));
    return hex.join(u' ');
}

QString formatByte(int value)
{
    return u"0x"_s + QString::number(value, 16).toUpper().rightJustified(2, u'0');
}

QString formatPower(quint8 value)
{
    return u"%1 dBm"_s.arg(value / 2.0, 0, 'f', 1);
}

QString formatField(const Field &field, const QByteArray &config)
{
    if (field.first == macField().first)
        return formatMac(config);
    if (field.first == regionField().first)
        return formatRegion(config);
    const quint8 value = quint8(config.at(field.first));
    if (field.first == rxDiversityField().first)
        return formatByte(value);
    return formatPower(value);
}

QString labelled(const QString &label, const QString &value)
{
    return QString(label + u':').leftJustified(LabelWidth) + value;
}

QStringList hexdump(const QByteArray &config)
{
    QStringList lines;
    for (int offset = 0; offset < config.size(); offset += HexdumpBytesPerLine) {
        const QByteArray row = config.mid(offset, HexdumpBytesPerLine);
        lines += u"%1: %2"_s.arg(offset, 4, 16, QLatin1Char('0'))
                     .arg(QString::fromLatin1(row.toHex(' ')))
                     .toUpper();
    }
    return lines;
}

} // namespace Sim::Rf

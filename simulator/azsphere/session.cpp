#include "simulator/azsphere/session.h"

#include "simulator/core/simtime.h"

using namespace Qt::Literals::StringLiterals;

namespace Az {

Sim::Bench openBench(bool *loaded)
{
    const QString home = Sim::Bench::homeDirectory();
    Sim::Bench bench(home.isEmpty() ? u"/nonexistent-azsphere-sim-home"_s : home);
    const bool ok = !home.isEmpty() && bench.load();
    if (loaded)
        *loaded = ok;
    return bench;
}

void failCouldNotConnect()
{
    failExact(CouldNotConnectText);
}

void failNotResponding()
{
    failExact(NotRespondingText);
}

QByteArray garbageText(Sim::DeviceState &state, const QString &seed)
{
    static const char Letters[] = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
    static const char Chars[] = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
                                " .,;:!?#%&*+-=/|~^@$()<>";
    QByteArray out;
    const int lines = 2 + int(Sim::drawRandom(state, seed) * 5);
    for (int l = 0; l < lines; ++l) {
        const int length = 16 + int(Sim::drawRandom(state, seed) * 56);
        out.append(Letters[int(Sim::drawRandom(state, seed) * (sizeof Letters - 1))]);
        for (int i = 1; i < length; ++i)
            out.append(Chars[int(Sim::drawRandom(state, seed) * (sizeof Chars - 1))]);
        out.append('\n');
    }
    return out;
}

void applyBenchWideFaults(const Context &ctx, Sim::Bench &bench)
{
    const QString command = ctx.spec->name();
    for (const Sim::Slot &slot : bench.attachedSlots()) {
        const std::optional<Sim::DeviceState> peek = bench.readDevice(slot.serial);
        if (!peek || peek->faults.isEmpty())
            continue;
        Sim::FileLock lock = bench.tryLockDevice(slot.serial);
        if (!lock.isLocked())
            continue; // busy with another command: its faults wait for a later call
        std::optional<Sim::DeviceState> state = bench.readDevice(slot.serial);
        if (!state)
            continue;
        bool changed = false;
        std::optional<Sim::Fault> hang, garbage, slow;
        auto take = [&](const char16_t *kind) -> std::optional<Sim::Fault> {
            // Only faults that name this command explicitly act on a bench-wide command.
            for (const Sim::Fault &f : state->faults) {
                if (f.kind == QStringView(kind) && !f.command.isEmpty()
                    && Sim::faultApplies(f, QString::fromUtf16(kind), command))
                    return Sim::takeFault(
                        *state, bench.config().seed, QString::fromUtf16(kind), command, &changed);
            }
            return std::nullopt;
        };
        hang = take(Sim::FaultKind::Hang);
        if (!hang)
            garbage = take(Sim::FaultKind::Garbage);
        if (!hang && !garbage)
            slow = take(Sim::FaultKind::Slow);
        QByteArray text;
        if (garbage)
            text = garbageText(*state, bench.config().seed);
        if (changed || garbage)
            bench.writeDevice(*state);
        lock.release();
        if (hang)
            Sim::sleepForever();
        if (garbage) {
            printRaw(text);
            throw CliExit {0};
        }
        if (slow)
            Sim::setSlowFactor(slow->factor);
    }
}

// ---- DeviceSession -----------------------------------------------------------------------------

DeviceSession::DeviceSession(const Context &ctx, Sim::Bench &bench)
    : DeviceSession(ctx, bench, Options {})
{ }

DeviceSession::DeviceSession(const Context &ctx, Sim::Bench &bench, Options options)
    : m_ctx(ctx)
    , m_bench(bench)
{
    if (ctx.args.has(u"--device"_s)) {
        const std::optional<Sim::Attached> found = bench.resolve(ctx.args.value(u"--device"_s));
        if (!found)
            failCouldNotConnect();
        m_slot = found->slot;
        if (found->matchedBy == Sim::MatchedBy::ConnectionPath) {
            printWarning(ctx,
                u"The device with IP '%1' is selected from parameter '%2'"_s.arg(
                    m_slot.ipAddress, ctx.args.value(u"--device"_s)));
        }
    } else {
        const QList<Sim::Slot> attached = bench.attachedSlots();
        if (attached.isEmpty())
            failCouldNotConnect();
        if (attached.size() > 1)
            failExact(u"Multiple devices are attached; use --device to specify one."_s);
        m_slot = attached.first();
    }

    m_lock = bench.tryLockDevice(m_slot.serial);
    if (!m_lock.isLocked()) {
        // Another command has the device. During a recovery it does not answer at all;
        // otherwise this command waits its turn.
        if (!bench.busyReason(m_slot.serial).isEmpty() && !options.allowRebooting)
            failNotResponding();
        QString why;
        m_lock = bench.lockDevice(m_slot.serial, &why);
        if (!m_lock.isLocked())
            fail(why);
    }
    // The device may have been unplugged while this command waited.
    checkAttached();
    std::optional<Sim::DeviceState> state = bench.readDevice(m_slot.serial);
    if (!state)
        failCouldNotConnect();
    m_state = *state;
    if (!options.allowRebooting && m_state.isRebooting(Sim::nowMs()))
        failNotResponding();
    applyStartFaults();
}

void DeviceSession::applyStartFaults()
{
    if (m_state.faults.isEmpty())
        return;
    const QString command = m_ctx.spec->name();
    const QString seed = m_bench.config().seed;
    bool changed = false;
    auto take = [&](const char16_t *kind) {
        return Sim::takeFault(m_state, seed, QString::fromUtf16(kind), command, &changed);
    };
    if (take(Sim::FaultKind::Hang)) {
        save();
        m_lock.release();
        Sim::sleepForever();
    }
    // not-responding with variant after-restart acts in `restart` only, once the device reboots.
    bool notResponding = false;
    for (const Sim::Fault &f : m_state.faults) {
        if (f.kind == Sim::FaultKind::NotResponding && f.variant != u"after-restart")
            notResponding = true;
    }
    if (notResponding) {
        QList<Sim::Fault> deferred;
        for (qsizetype i = m_state.faults.size() - 1; i >= 0; --i) {
            if (m_state.faults.at(i).variant == u"after-restart")
                deferred.prepend(m_state.faults.takeAt(i));
        }
        const bool fired = take(Sim::FaultKind::NotResponding).has_value();
        m_state.faults.append(deferred);
        if (fired) {
            save();
            failNotResponding();
        }
    }
    if (take(Sim::FaultKind::Garbage)) {
        const QByteArray text = garbageText(m_state, seed);
        save();
        printRaw(text);
        throw CliExit {0};
    }
    if (const std::optional<Sim::Fault> slow = take(Sim::FaultKind::Slow))
        Sim::setSlowFactor(slow->factor);
    if (take(Sim::FaultKind::UnplugMidStep))
        m_unplugPending = true;
    if (changed)
        save();
}

void DeviceSession::delay(double seconds, bool unplugPoint)
{
    if (m_unplugPending && unplugPoint) {
        Sim::simSleep(seconds / 2);
        m_unplugPending = false;
        m_bench.unplug(m_slot.fixture);
        failCouldNotConnect();
    }
    Sim::simSleep(seconds);
    checkAttached();
}

void DeviceSession::checkAttached()
{
    if (!m_bench.isStillAttached(m_slot.serial))
        failCouldNotConnect();
}

bool DeviceSession::isLocked() const
{
    return m_state.isDeviceComplete() && !m_state.hasCapability(11) && !m_state.hasCapability(13);
}

std::optional<Sim::Fault> DeviceSession::takeFault(const QString &kind)
{
    bool changed = false;
    std::optional<Sim::Fault> fired
        = Sim::takeFault(m_state, seed(), kind, m_ctx.spec->name(), &changed);
    if (changed)
        save();
    return fired;
}

void DeviceSession::save()
{
    QString why;
    if (!m_bench.writeDevice(m_state, &why))
        fail(why);
}

void DeviceSession::unlock()
{
    m_lock.release();
}

} // namespace Az

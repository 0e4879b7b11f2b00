#include "simulator/azsphere/session.h"

#include "simulator/core/replyfaults.h"
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
        std::optional<Sim::Fault> swap, oversized;
        if (!hang && !garbage) {
            swap = take(Sim::FaultKind::SwapBeforeCommand);
            oversized = take(Sim::FaultKind::OversizedOutput);
        }
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
        if (oversized) {
            endEffects().oversized = true;
            endEffects().oversizedToStderr = oversized->variant == u"stderr";
        }
        if (swap && swap->variant == u"after") {
            endEffects().swapFixture = slot.fixture;
        } else if (swap) {
            // The bench the command reports is the one after the swap.
            QString why;
            if (!bench.swap(slot.fixture, nullptr, &why) || !bench.load(&why))
                fail(why);
        }
    }
}

EndEffects &endEffects()
{
    static EndEffects effects;
    return effects;
}

int finishCommand(int exitCode)
{
    EndEffects &effects = endEffects();
    // Only a reply that would otherwise pass is padded: a failed command's error stays as it is.
    if (effects.oversized && exitCode == 0)
        Sim::printOversizedTail(effects.oversizedToStderr);
    if (effects.swapFixture > 0) {
        Sim::Bench bench = openBench();
        bench.swap(effects.swapFixture);
    }
    effects = EndEffects {};
    return exitCode;
}

// ---- DeviceSession -----------------------------------------------------------------------------

DeviceSession::DeviceSession(const Context &ctx, Sim::Bench &bench)
    : DeviceSession(ctx, bench, Options {})
{ }

DeviceSession::DeviceSession(const Context &ctx, Sim::Bench &bench, Options options)
    : m_ctx(ctx)
    , m_bench(bench)
{
    // A swap-before-command fault acts before the command does anything, selection included:
    // the connection-path WARNING waits until it is known which device the command gets.
    const bool mayBeSwapped = [&] {
        const QString command = ctx.spec->name();
        const std::optional<Sim::Attached> found = ctx.args.has(u"--device"_s)
            ? bench.resolve(ctx.args.value(u"--device"_s))
            : std::nullopt;
        const std::optional<Sim::DeviceState> state
            = found ? bench.readDevice(found->slot.serial) : std::nullopt;
        return state
            && Sim::peekFault(
                *state, QString::fromUtf16(Sim::FaultKind::SwapBeforeCommand), command)
                   .has_value();
    }();
    select(options, !mayBeSwapped);
    if (applySwapBeforeCommand()) {
        // The device the command was meant for has left its fixture; the command selects again
        // as usual: by ID it finds nothing ("Could not connect"), by connection path or IP it
        // gets the new device.
        m_pendingWarning.clear();
        select(options, true);
    }
    printPendingWarning();
    if (!options.allowRebooting && m_state.isRebooting(Sim::nowMs()))
        failNotResponding();
    applyStartFaults();
}

void DeviceSession::select(Options options, bool warnNow)
{
    if (m_ctx.args.has(u"--device"_s)) {
        const std::optional<Sim::Attached> found = m_bench.resolve(m_ctx.args.value(u"--device"_s));
        if (!found)
            failCouldNotConnect();
        m_slot = found->slot;
        if (found->matchedBy == Sim::MatchedBy::ConnectionPath) {
            m_pendingWarning = u"The device with IP '%1' is selected from parameter '%2'"_s.arg(
                m_slot.ipAddress, m_ctx.args.value(u"--device"_s));
        }
    } else {
        const QList<Sim::Slot> attached = m_bench.attachedSlots();
        if (attached.isEmpty())
            failCouldNotConnect();
        if (attached.size() > 1)
            failExact(u"Multiple devices are attached; use --device to specify one."_s);
        m_slot = attached.first();
    }
    if (warnNow)
        printPendingWarning();

    m_lock = m_bench.tryLockDevice(m_slot.serial);
    if (!m_lock.isLocked()) {
        // Another command has the device. During a recovery it does not answer at all;
        // otherwise this command waits its turn.
        if (!m_bench.busyReason(m_slot.serial).isEmpty() && !options.allowRebooting) {
            printPendingWarning();
            failNotResponding();
        }
        QString why;
        m_lock = m_bench.lockDevice(m_slot.serial, &why);
        if (!m_lock.isLocked())
            fail(why);
    }
    // The device may have been unplugged while this command waited.
    if (!m_bench.isStillAttached(m_slot.serial)) {
        printPendingWarning();
        failCouldNotConnect();
    }
    std::optional<Sim::DeviceState> state = m_bench.readDevice(m_slot.serial);
    if (!state) {
        printPendingWarning();
        failCouldNotConnect();
    }
    m_state = *state;
}

void DeviceSession::printPendingWarning()
{
    if (m_pendingWarning.isEmpty())
        return;
    printWarning(m_ctx, m_pendingWarning);
    m_pendingWarning.clear();
}

bool DeviceSession::applySwapBeforeCommand()
{
    if (m_state.faults.isEmpty())
        return false;
    const std::optional<Sim::Fault> fired
        = takeFault(QString::fromUtf16(Sim::FaultKind::SwapBeforeCommand));
    if (!fired)
        return false;
    if (fired->variant == u"after") {
        endEffects().swapFixture = m_slot.fixture;
        return false;
    }
    // Exactly `sphere-sim swap`: a new device (new serial and ID) takes the slot.
    m_lock.release();
    QString why;
    if (!m_bench.swap(m_slot.fixture, nullptr, &why))
        fail(why);
    if (!m_bench.load(&why))
        fail(why);
    return true;
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
    if (const std::optional<Sim::Fault> oversized = take(Sim::FaultKind::OversizedOutput)) {
        endEffects().oversized = true;
        endEffects().oversizedToStderr = oversized->variant == u"stderr";
    }
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

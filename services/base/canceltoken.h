#pragma once

#include <atomic>
#include <memory>

namespace Station {

// Why a run was stopped; the cause the record keeps names it (never "the operator" for a signal).
enum class CancelReason {
    None,
    Operator,     // Stop / Stop all in the window, or an abort request
    WindowClosed, // the station window was closed while runs were going on
    Signal,       // SIGTERM, SIGINT or SIGHUP ended the station
    Shutdown,     // the station shut down for another reason
};

// A thread-safe abort flag shared by copies, with the reason of the first cancel(). The GUI (or
// Station) calls cancel(); a worker's blocking waits (ToolRunner, UartSession) poll
// isCancelled() in short slices (<= 50 ms).
class CancelToken
{
public:
    CancelToken() = default;

    // The first call decides the reason; later ones only keep the flag set.
    void cancel(CancelReason reason = CancelReason::Operator, int signal = 0) const
    {
        int expected = 0;
        const int value
            = (signal << 8) | int(reason == CancelReason::None ? CancelReason::Operator : reason);
        m_state->compare_exchange_strong(expected, value, std::memory_order_acq_rel);
    }
    bool isCancelled() const { return m_state->load(std::memory_order_acquire) != 0; }
    CancelReason reason() const
    {
        return CancelReason(m_state->load(std::memory_order_acquire) & 0xff);
    }
    // The signal number for CancelReason::Signal, else 0.
    int signal() const { return m_state->load(std::memory_order_acquire) >> 8; }

private:
    std::shared_ptr<std::atomic_int> m_state = std::make_shared<std::atomic_int>(0);
};

} // namespace Station

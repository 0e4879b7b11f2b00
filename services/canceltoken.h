#pragma once

#include <atomic>
#include <memory>

namespace Station {

// A thread-safe abort flag shared by copies. The GUI (or Station) calls cancel(); a worker's
// blocking waits (ToolRunner, UartSession) poll isCancelled() in short slices (<= 50 ms).
class CancelToken
{
public:
    CancelToken() = default;

    void cancel() const { m_flag->store(true, std::memory_order_release); }
    bool isCancelled() const { return m_flag->load(std::memory_order_acquire); }

private:
    std::shared_ptr<std::atomic_bool> m_flag = std::make_shared<std::atomic_bool>(false);
};

} // namespace Station

// toolhelper: a child process that misbehaves on demand, for the ToolRunner tests (the idea of
// Qt's testProcessHang/testProcessCrash helpers). Plain POSIX, no Qt, so it starts fast.
//
//   toolhelper lines N            "line 1".."line N" on stdout, exit 0
//   toolhelper stderr N           "err 1".."err N" on stderr, exit 0
//   toolhelper mixed              "out 1", "err 1", "out 2" on stdout/stderr, exit 0
//   toolhelper exit N             "exiting N" on stdout and stderr, exit code N
//   toolhelper crash              abort()
//   toolhelper hang               "ready" on stdout, then sleep forever
//   toolhelper hang-pid FILE      write its pid to FILE (complete once it exists), "ready",
//                                 then sleep forever
//   toolhelper silent-after N     N lines on stdout, then sleep forever without output
//   toolhelper slow-lines N MS    N lines, one every MS milliseconds, exit 0
//   toolhelper ignore-term        ignore SIGTERM, "ready", sleep forever
//   toolhelper grandchild FILE hang|exit
//                                 fork a grandchild that keeps stdout/stderr open, writes its pid
//                                 to FILE and sleeps 60 s; the child then hangs or exits 0
//   toolhelper echo               copy stdin to stdout
//   toolhelper big BYTES out|err  BYTES of 64-byte lines ("x...x\n") on stdout or stderr
//   toolhelper crlf               "alpha\r\nbeta\r\n\r\ngamma\n"
//   toolhelper partial            "first\nsecond" (no final newline)
//   toolhelper cr                 "10%\r20%\r\n30%\rdone\n" (progress-style carriage returns)
//   toolhelper split              "one\r", pause, "\ntw", pause, "o\n": line ends split across
//                                 reads
//   toolhelper args ...           each further argument on its own line, as "[arg]"
//   toolhelper env NAME           the value of NAME, or "<unset>"
//   toolhelper pwd                the working directory
//   toolhelper flood MS out|err|both
//                                 64-byte lines as fast as the pipes take them, for MS
//                                 milliseconds, on stdout, stderr or both at once; exit 0
//   toolhelper padded HEAD BYTES TAIL
//                                 HEAD, BYTES of blank padding (spaces, a newline every 64),
//                                 then TAIL, all on stdout; exit 0 (a reply that is complete
//                                 only past the capture cap)
//   toolhelper long-line BYTES    BYTES of 'y' without a line end, then "\nend\n"

#include <algorithm>
#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <poll.h>
#include <string>
#include <time.h>
#include <unistd.h>

namespace {

void writeAll(int fd, const char *data, size_t size)
{
    while (size > 0) {
        const ssize_t n = ::write(fd, data, size);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            std::_Exit(99);
        }
        data += n;
        size -= static_cast<size_t>(n);
    }
}

void writeText(int fd, const std::string &text)
{
    writeAll(fd, text.data(), text.size());
}

[[noreturn]] void sleepForever()
{
    for (;;)
        ::pause();
}

void sleepMs(long ms)
{
    timespec ts {ms / 1000, (ms % 1000) * 1000000L};
    while (::nanosleep(&ts, &ts) != 0 && errno == EINTR) { }
}

long nowMs()
{
    timespec ts {};
    ::clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1000L + ts.tv_nsec / 1000000L;
}

std::string lineBlock(char fill)
{
    std::string line(63, fill);
    line += '\n';
    std::string block;
    for (int i = 0; i < 1024; ++i)
        block += line;
    return block;
}

// Writes to the chosen streams as fast as they take it until `ms` have passed. Non-blocking
// writes and poll(), so a reader that drains only one pipe still gets the other's bytes.
int flood(long ms, bool toOut, bool toErr)
{
    const std::string block = lineBlock('f');
    const int fds[2] = {1, 2};
    const bool wanted[2] = {toOut, toErr};
    for (int fd : fds)
        ::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) | O_NONBLOCK);
    size_t offset[2] = {0, 0};
    const long end = nowMs() + ms;
    for (long now = nowMs(); now < end; now = nowMs()) {
        pollfd polls[2];
        nfds_t count = 0;
        int index[2] = {0, 0};
        for (int i = 0; i < 2; ++i) {
            if (wanted[i]) {
                polls[count] = pollfd {fds[i], POLLOUT, 0};
                index[count++] = i;
            }
        }
        const int ready = ::poll(polls, count, static_cast<int>(end - now));
        if (ready < 0 && errno != EINTR)
            return 6;
        for (nfds_t p = 0; ready > 0 && p < count; ++p) {
            if (polls[p].revents & (POLLERR | POLLHUP))
                return 7;
            if (!(polls[p].revents & POLLOUT))
                continue;
            const int i = index[p];
            const ssize_t n = ::write(fds[i], block.data() + offset[i], block.size() - offset[i]);
            if (n > 0)
                offset[i] = (offset[i] + static_cast<size_t>(n)) % block.size();
            else if (n < 0 && errno != EAGAIN && errno != EINTR)
                return 7;
        }
    }
    // Blocking again, so the last partial line is written out whole.
    for (int i = 0; i < 2; ++i) {
        ::fcntl(fds[i], F_SETFL, ::fcntl(fds[i], F_GETFL) & ~O_NONBLOCK);
        if (wanted[i] && offset[i] != 0)
            writeAll(fds[i], block.data() + offset[i], block.size() - offset[i]);
    }
    return 0;
}

int usage()
{
    writeText(2, "toolhelper: bad arguments (see the comment at the top of toolhelper.cpp)\n");
    return 2;
}

} // namespace

int main(int argc, char **argv)
{
    if (argc < 2)
        return usage();
    const std::string mode = argv[1];
    const auto number = [&](int index) { return index < argc ? std::atol(argv[index]) : 0L; };

    if (mode == "lines") {
        std::string text;
        for (long i = 1; i <= number(2); ++i)
            text += "line " + std::to_string(i) + "\n";
        writeText(1, text);
        return 0;
    }
    if (mode == "stderr") {
        for (long i = 1; i <= number(2); ++i)
            writeText(2, "err " + std::to_string(i) + "\n");
        return 0;
    }
    if (mode == "mixed") {
        writeText(1, "out 1\n");
        writeText(2, "err 1\n");
        writeText(1, "out 2\n");
        return 0;
    }
    if (mode == "exit") {
        const std::string text = "exiting " + std::to_string(number(2)) + "\n";
        writeText(1, text);
        writeText(2, text);
        return static_cast<int>(number(2));
    }
    if (mode == "crash") {
        std::signal(SIGABRT, SIG_DFL);
        std::abort();
    }
    if (mode == "hang") {
        writeText(1, "ready\n");
        sleepForever();
    }
    if (mode == "hang-pid") {
        if (argc < 3)
            return usage();
        // Written under another name and renamed, so a reader never sees half a number.
        const std::string temporary = std::string(argv[2]) + ".part";
        const int fd = ::open(temporary.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
        if (fd < 0)
            return 4;
        writeText(fd, std::to_string(::getpid()) + "\n");
        ::close(fd);
        if (::rename(temporary.c_str(), argv[2]) != 0)
            return 4;
        writeText(1, "ready\n");
        sleepForever();
    }
    if (mode == "silent-after") {
        for (long i = 1; i <= number(2); ++i)
            writeText(1, "line " + std::to_string(i) + "\n");
        sleepForever();
    }
    if (mode == "slow-lines") {
        for (long i = 1; i <= number(2); ++i) {
            writeText(1, "line " + std::to_string(i) + "\n");
            sleepMs(number(3));
        }
        return 0;
    }
    if (mode == "ignore-term") {
        std::signal(SIGTERM, SIG_IGN);
        writeText(1, "ready\n");
        sleepForever();
    }
    if (mode == "grandchild") {
        if (argc < 4)
            return usage();
        const pid_t pid = ::fork();
        if (pid < 0)
            return 3;
        if (pid == 0) {
            // Written aside and renamed: the parent waits for the name to appear, and must
            // never see the file before it holds the number.
            const std::string partial = std::string(argv[2]) + ".partial";
            const int fd = ::open(partial.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
            if (fd < 0)
                std::_Exit(4);
            writeText(fd, std::to_string(::getpid()) + "\n");
            ::close(fd);
            if (::rename(partial.c_str(), argv[2]) != 0)
                std::_Exit(5);
            writeText(1, "grandchild started\n");
            sleepMs(60000);
            std::_Exit(0);
        }
        // Return only once the grandchild has announced itself, so the test can find it.
        for (int i = 0; i < 5000; ++i) {
            if (::access(argv[2], R_OK) == 0)
                break;
            sleepMs(1);
        }
        if (std::strcmp(argv[3], "exit") == 0)
            return 0;
        writeText(1, "ready\n");
        sleepForever();
    }
    if (mode == "echo") {
        char buffer[4096];
        for (;;) {
            const ssize_t n = ::read(0, buffer, sizeof buffer);
            if (n < 0 && errno == EINTR)
                continue;
            if (n <= 0)
                return 0;
            writeAll(1, buffer, static_cast<size_t>(n));
        }
    }
    if (mode == "big") {
        const int fd = (argc > 3 && std::strcmp(argv[3], "err") == 0) ? 2 : 1;
        const std::string block = lineBlock('x');
        long remaining = number(2);
        while (remaining > 0) {
            const size_t n = std::min<size_t>(block.size(), static_cast<size_t>(remaining));
            writeAll(fd, block.data(), n);
            remaining -= static_cast<long>(n);
        }
        return 0;
    }
    if (mode == "crlf") {
        writeText(1, "alpha\r\nbeta\r\n\r\ngamma\n");
        return 0;
    }
    if (mode == "partial") {
        writeText(1, "first\nsecond");
        return 0;
    }
    if (mode == "cr") {
        writeText(1, "10%\r20%\r\n30%\rdone\n");
        return 0;
    }
    if (mode == "split") {
        writeText(1, "one\r");
        sleepMs(100);
        writeText(1, "\ntw");
        sleepMs(100);
        writeText(1, "o\n");
        return 0;
    }
    if (mode == "args") {
        for (int i = 2; i < argc; ++i)
            writeText(1, std::string("[") + argv[i] + "]\n");
        return 0;
    }
    if (mode == "env") {
        const char *value = argc > 2 ? std::getenv(argv[2]) : nullptr;
        writeText(1, std::string(value ? value : "<unset>") + "\n");
        return 0;
    }
    if (mode == "pwd") {
        char buffer[4096];
        if (!::getcwd(buffer, sizeof buffer))
            return 5;
        writeText(1, std::string(buffer) + "\n");
        return 0;
    }
    if (mode == "flood") {
        if (argc < 4)
            return usage();
        const std::string streams = argv[3];
        return flood(number(2), streams != "err", streams != "out");
    }
    if (mode == "padded") {
        if (argc < 5)
            return usage();
        writeText(1, argv[2]);
        const std::string block = lineBlock(' ');
        long remaining = number(3);
        while (remaining > 0) {
            const size_t n = std::min<size_t>(block.size(), static_cast<size_t>(remaining));
            writeAll(1, block.data(), n);
            remaining -= static_cast<long>(n);
        }
        writeText(1, argv[4]);
        return 0;
    }
    if (mode == "long-line") {
        const std::string block(64 * 1024, 'y');
        long remaining = number(2);
        while (remaining > 0) {
            const size_t n = std::min<size_t>(block.size(), static_cast<size_t>(remaining));
            writeAll(1, block.data(), n);
            remaining -= static_cast<long>(n);
        }
        writeText(1, "\nend\n");
        return 0;
    }
    return usage();
}

#include "servecommand.h"

#include "simulator/core/bench.h"
#include "simulator/core/catalog.h"
#include "simulator/core/simtime.h"
#include "uartfirmware.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QSocketNotifier>
#include <QTimer>

#include <algorithm>
#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <memory>
#include <sys/stat.h>
#include <termios.h>
#include <unistd.h>
#include <vector>

using namespace Qt::Literals::StringLiterals;

namespace Sim {

namespace {

// How often the bench and device files are looked at (stat only, unless they changed).
constexpr int PollIntervalMs = 50;

// The poll interval; tests lengthen it with AZSPHERE_SIM_SERVE_POLL_MS (1..600000) to show
// that nothing depends on the poll seeing a reboot in time.
int pollIntervalMs()
{
    bool ok = false;
    const int ms = qEnvironmentVariableIntValue("AZSPHERE_SIM_SERVE_POLL_MS", &ok);
    return ok && ms >= 1 && ms <= 600000 ? ms : PollIntervalMs;
}

int g_signalPipe[2] = {-1, -1};

void onSignal(int)
{
    const char byte = 1;
    [[maybe_unused]] const ssize_t n = ::write(g_signalPipe[1], &byte, 1);
}

void printLine(const QString &line)
{
    std::fputs(qPrintable(line + u'\n'), stdout);
    std::fflush(stdout);
}

void printError(const QString &line)
{
    std::fputs(qPrintable(line + u'\n'), stderr);
    std::fflush(stderr);
}

// Identity of a file version: replaced atomically (rename), so inode and mtime change together.
struct FileStamp
{
    ino_t inode = 0;
    qint64 mtimeNs = -1;
    off_t size = -1;
    friend bool operator==(const FileStamp &, const FileStamp &) = default;
};

FileStamp stampOf(const QString &path)
{
    struct stat st
    { };
    if (::stat(QFile::encodeName(path).constData(), &st) != 0)
        return {};
    return {st.st_ino, qint64(st.st_mtim.tv_sec) * 1000000000 + st.st_mtim.tv_nsec, st.st_size};
}

// One open pseudo-terminal: the master end is ours; we also hold the slave open so the master
// never reads EIO while no client has the port open.
class Port final
{
public:
    // `stamp` is the version of the device file that `state` was read from.
    Port(const Bench &bench, const Slot &slot, const DeviceState &state, const FileStamp &stamp)
        : m_bench(bench)
        , m_serial(slot.serial)
        , m_connectionPath(slot.connectionPath)
        , m_stamp(stamp)
        , m_bootCount(state.bootCount)
        , m_busyUntilMs(state.busyUntilMs)
    {
        UartFirmware::Options options;
        options.deviceId = state.deviceId;
        const Catalog &cat = catalog();
        if (!cat.uartFirmware.isEmpty())
            options.firmware = cat.uartFirmware;
        if (!cat.uartVersion.isEmpty())
            options.version = cat.uartVersion;
        for (const UartMeasurement &m : cat.uartMeasurements)
            options.measurements.append({m.name, m.unit, m.nominal, m.sigma, m.decimals});
        options.replyDelayMs = scaledMs(0.05); // §9: 50 ms per reply
        options.selftestMs = scaledMs(2.0);    // §9: SELFTEST 2 s
        m_firmware = std::make_unique<UartFirmware>(
            options, [this](const QString &kind, const QString &command) {
                return takeFault(kind, command);
            });
    }

    ~Port() { close(); }
    Port(const Port &) = delete;
    Port &operator=(const Port &) = delete;

    bool open(QString *why)
    {
        m_master = ::posix_openpt(O_RDWR | O_NOCTTY | O_NONBLOCK | O_CLOEXEC);
        if (m_master < 0 || ::grantpt(m_master) != 0 || ::unlockpt(m_master) != 0) {
            *why = u"cannot open a pseudo-terminal: %1"_s.arg(
                QString::fromLocal8Bit(std::strerror(errno)));
            return false;
        }
        char name[128] = {};
        if (::ptsname_r(m_master, name, sizeof name) != 0) {
            *why = u"ptsname failed"_s;
            return false;
        }
        m_ptyPath = QString::fromLocal8Bit(name);
        m_slave = ::open(name, O_RDWR | O_NOCTTY | O_CLOEXEC);
        if (m_slave < 0) {
            *why = u"cannot open %1: %2"_s.arg(
                m_ptyPath, QString::fromLocal8Bit(std::strerror(errno)));
            return false;
        }
        // Raw 8N1 at 115200 baud, no echo (the firmware never echoes).
        struct termios tio
        { };
        if (::tcgetattr(m_slave, &tio) == 0) {
            ::cfmakeraw(&tio);
            ::cfsetispeed(&tio, B115200);
            ::cfsetospeed(&tio, B115200);
            tio.c_cflag |= CLOCAL | CREAD;
            ::tcsetattr(m_slave, TCSANOW, &tio);
        }

        m_linkPath = QDir(m_bench.uartDirectory()).filePath(m_connectionPath);
        QDir().mkpath(m_bench.uartDirectory());
        QFile::remove(m_linkPath);
        if (!QFile::link(m_ptyPath, m_linkPath)) {
            *why = u"cannot create the symlink %1"_s.arg(m_linkPath);
            return false;
        }

        m_notifier = std::make_unique<QSocketNotifier>(m_master, QSocketNotifier::Read);
        QObject::connect(
            m_notifier.get(), &QSocketNotifier::activated, &m_context, [this] { readInput(); });
        m_timer.setSingleShot(true);
        QObject::connect(&m_timer, &QTimer::timeout, &m_context, [this] {
            catchUp();
            flush();
        });
        return true;
    }

    void close()
    {
        m_timer.stop();
        m_notifier.reset();
        if (!m_linkPath.isEmpty() && QFileInfo(m_linkPath).symLinkTarget() == m_ptyPath)
            QFile::remove(m_linkPath);
        if (m_slave >= 0)
            ::close(m_slave);
        if (m_master >= 0)
            ::close(m_master);
        m_slave = m_master = -1;
    }

    QString serial() const { return m_serial; }
    QString connectionPath() const { return m_connectionPath; }
    QString ptyPath() const { return m_ptyPath; }

    // A device attached while we serve: it boots now, and its banner follows.
    void expectBanner() { m_bannerPending = true; }

    // Called at every poll.
    void poll()
    {
        catchUp();
        flush();
    }

private:
    std::optional<QString> takeFault(const QString &kind, const QString &command)
    {
        // Cheap look first (the file is small); the locked draw only when a fault could apply.
        const std::optional<DeviceState> state = m_bench.readDevice(m_serial);
        if (!state || !peekFault(*state, kind, command))
            return std::nullopt;
        Bench bench(m_bench.directory());
        if (!bench.load())
            return std::nullopt;
        const std::optional<Fault> fired = bench.takeFault(m_serial, kind, command);
        if (!fired)
            return std::nullopt;
        return fired->variant;
    }

    // Brings the firmware up to date with the device file: a boot recorded there (restart,
    // keystore update, end of recovery) stops the old firmware at once and starts the new one
    // when the reboot is over. Done at every poll and also before any input is taken or output
    // is given, so a boot takes effect as of its recorded time even when the poll is late
    // (at time scale 0 the station's next line can come before the poll sees the reboot).
    void catchUp()
    {
        const FileStamp stamp = stampOf(m_bench.deviceFile(m_serial));
        if (stamp != m_stamp) {
            // Unreadable (damaged): keep the old stamp so the next look tries again.
            if (const std::optional<DeviceState> state = m_bench.readDevice(m_serial)) {
                m_stamp = stamp;
                m_busyUntilMs = state->busyUntilMs;
                if (state->bootCount != m_bootCount) {
                    m_bootCount = state->bootCount;
                    m_bannerPending = true;
                }
            }
        }
        // Rebooting (from the state file), or a recovery running (its marker file; asked only
        // when the marker exists, so an idle look is two stat() calls).
        m_busy = m_busyUntilMs > nowMs()
            || (QFile::exists(m_bench.busyFile(m_serial))
                && !m_bench.busyReason(m_serial).isEmpty());
        if (m_bannerPending && !m_busy) {
            m_bannerPending = false;
            m_firmware->boot(s_clock.elapsed());
        }
    }

    void readInput()
    {
        catchUp();
        char buffer[512];
        for (;;) {
            const ssize_t n = ::read(m_master, buffer, sizeof buffer);
            if (n <= 0)
                break;
            // A device that is rebooting or being recovered does not listen.
            if (m_busy || m_bannerPending)
                continue;
            m_firmware->receive(QByteArray(buffer, n), s_clock.elapsed());
        }
        flush();
    }

    void flush()
    {
        // Nor does it answer: replies the old firmware still owed are dropped by the boot.
        if (m_busy || m_bannerPending) {
            m_timer.stop();
            return;
        }
        const QByteArray out = m_firmware->takeDue(s_clock.elapsed());
        if (!out.isEmpty() && m_master >= 0) {
            // Non-blocking: when nobody reads the port and its buffer is full, output is lost,
            // as on a real serial line.
            [[maybe_unused]] const ssize_t n = ::write(m_master, out.constData(), out.size());
        }
        if (const auto due = m_firmware->nextDueMs())
            m_timer.start(int(std::clamp<qint64>(*due - s_clock.elapsed(), 0, 24 * 3600 * 1000)));
    }

public:
    static QElapsedTimer s_clock;

private:
    const Bench &m_bench;
    QString m_serial;
    QString m_connectionPath;
    FileStamp m_stamp; // the device file version last read
    qint64 m_bootCount = 0;
    qint64 m_busyUntilMs = 0; // wall time
    bool m_bannerPending = false;
    bool m_busy = false;
    std::unique_ptr<UartFirmware> m_firmware;
    int m_master = -1;
    int m_slave = -1;
    QString m_ptyPath;
    QString m_linkPath;
    QObject m_context;
    QTimer m_timer;
    std::unique_ptr<QSocketNotifier> m_notifier;
};

QElapsedTimer Port::s_clock;

class Server final
{
public:
    explicit Server(const QString &dir)
        : m_bench(dir)
    { }

    bool start(QString *why)
    {
        if (!m_bench.load(why))
            return false;
        // Links left by a serve that was killed may point at ptys now used by someone else.
        QDir uartDir(m_bench.uartDirectory());
        for (const QFileInfo &entry : uartDir.entryInfoList(QDir::System | QDir::Files)) {
            if (entry.isSymLink())
                QFile::remove(entry.filePath());
        }
        m_benchStamp = stampOf(m_bench.benchFile());
        if (!sync(false, why))
            return false;
        QObject::connect(&m_timer, &QTimer::timeout, &m_context, [this] {
            QString error;
            if (!sync(true, &error) && !error.isEmpty())
                printError(u"error: "_s + error);
        });
        m_timer.start(pollIntervalMs());
        return true;
    }

    void stop()
    {
        m_timer.stop();
        m_ports.clear(); // closes the ptys and removes the symlinks
    }

private:
    // Opens ports for newly attached devices, closes those of unplugged ones, and lets every
    // port look at its device (boots).
    bool sync(bool running, QString *why)
    {
        const FileStamp benchStamp = stampOf(m_bench.benchFile());
        if (benchStamp != m_benchStamp) {
            QString error;
            if (m_bench.load(&error))
                m_benchStamp = benchStamp; // else: retry at the next poll
        }
        const QList<Slot> attached = m_bench.attachedSlots();

        // Close ports whose device went away (unplugged, or swapped for another one).
        for (auto it = m_ports.begin(); it != m_ports.end();) {
            const bool present = std::any_of(attached.begin(), attached.end(), [&](const Slot &s) {
                return s.connectionPath == (*it)->connectionPath() && s.serial == (*it)->serial();
            });
            if (present)
                ++it;
            else
                it = m_ports.erase(it);
        }

        for (const Slot &slot : attached) {
            Port *port = nullptr;
            for (const auto &p : m_ports) {
                if (p->serial() == slot.serial)
                    port = p.get();
            }
            if (!port) {
                const FileStamp stamp = stampOf(m_bench.deviceFile(slot.serial));
                const std::optional<DeviceState> state = m_bench.readDevice(slot.serial);
                if (!state)
                    continue; // damaged: try again at the next poll
                auto fresh = std::make_unique<Port>(m_bench, slot, *state, stamp);
                QString error;
                if (!fresh->open(&error)) {
                    if (why)
                        *why = error;
                    return false;
                }
                printLine(u"UART %1 %2"_s.arg(fresh->connectionPath(), fresh->ptyPath()));
                if (running)
                    fresh->expectBanner(); // attached while we serve: it boots now
                port = fresh.get();
                m_ports.push_back(std::move(fresh));
            }
            port->poll();
        }
        return true;
    }

    Bench m_bench;
    FileStamp m_benchStamp;
    std::vector<std::unique_ptr<Port>> m_ports;
    QObject m_context;
    QTimer m_timer;
};

int usageError(const QString &message)
{
    printError(u"sphere-sim serve: error: "_s + message);
    printError(u"Run 'sphere-sim serve --help' for detailed information about the command."_s);
    return 2;
}

} // namespace

int runServeCommand(const QStringList &args)
{
    QString home;
    for (qsizetype i = 0; i < args.size(); ++i) {
        const QString &arg = args[i];
        if (arg == u"--home"_s) {
            if (i + 1 >= args.size())
                return usageError(u"argument --home: expected one argument"_s);
            home = args[++i];
        } else if (arg.startsWith(u"--home="_s)) {
            home = arg.mid(7);
        } else if (arg == u"--help"_s || arg == u"-h"_s) {
            std::fputs("usage: sphere-sim serve [--home DIR]\n\n"
                       "Publishes each attached device's UART as a pseudo-terminal, symlinked as\n"
                       "<bench>/uart/<connection path>, until SIGTERM or SIGINT.\n",
                stdout);
            return 0;
        } else {
            return usageError(u"unrecognized arguments: "_s + args.mid(i).join(u' '));
        }
    }
    const QString dir = Bench::homeDirectory(home);
    if (dir.isEmpty()) {
        printError(u"error: No bench: set AZSPHERE_SIM_HOME or pass --home."_s);
        return 1;
    }

    static int argc = 1;
    static char appName[] = "sphere-sim";
    static char *argv[] = {appName, nullptr};
    std::unique_ptr<QCoreApplication> app;
    if (!QCoreApplication::instance())
        app = std::make_unique<QCoreApplication>(argc, argv);

    if (::pipe2(g_signalPipe, O_CLOEXEC | O_NONBLOCK) != 0) {
        printError(u"error: cannot create a pipe"_s);
        return 1;
    }
    struct sigaction action
    { };
    action.sa_handler = onSignal;
    sigemptyset(&action.sa_mask);
    struct sigaction oldTerm
    {
    }, oldInt {}, oldPipe {};
    ::sigaction(SIGTERM, &action, &oldTerm);
    ::sigaction(SIGINT, &action, &oldInt);
    struct sigaction ignore
    { };
    ignore.sa_handler = SIG_IGN;
    ::sigaction(SIGPIPE, &ignore, &oldPipe);

    Port::s_clock.start();
    int exitCode = 0;
    {
        QEventLoop loop;
        QSocketNotifier stopNotifier(g_signalPipe[0], QSocketNotifier::Read);
        QObject::connect(
            &stopNotifier, &QSocketNotifier::activated, &loop, [&loop] { loop.quit(); });
        Server server(dir);
        QString why;
        if (server.start(&why)) {
            loop.exec();
        } else {
            printError(u"error: "_s + why);
            exitCode = 1;
        }
        server.stop();
    }

    ::sigaction(SIGTERM, &oldTerm, nullptr);
    ::sigaction(SIGINT, &oldInt, nullptr);
    ::sigaction(SIGPIPE, &oldPipe, nullptr);
    ::close(g_signalPipe[0]);
    ::close(g_signalPipe[1]);
    g_signalPipe[0] = g_signalPipe[1] = -1;
    return exitCode;
}

} // namespace Sim

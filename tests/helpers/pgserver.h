#pragma once

// A throwaway PostgreSQL 15 for the plant tests: initdb in a temporary directory, started with
// pg_ctl on a free TCP port on 127.0.0.1 and a Unix socket in that directory, stopped and
// removed again when the object goes. PostgreSQL refuses to run as root, and the tests run as
// root in CI: then its programs run as the `postgres` user through `runuser` (argument lists,
// never a shell). Each test process makes its own server, so tests stay parallel-safe.
//
// Logins: the superuser `postgres` over the socket without a password (trust); over TCP every
// login needs its password (scram-sha-256), which the tests give through a passfile.

#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QTemporaryDir>
#include <QThread>

#include <arpa/inet.h>
#include <chrono>
#include <memory>
#include <netinet/in.h>
#include <pwd.h>
#include <sys/socket.h>
#include <unistd.h>

using namespace Qt::Literals::StringLiterals;

namespace TestPg {

class PgServer
{
public:
    // The password of `postgres` for TCP logins.
    static QString superuserPassword() { return u"pg-test-superuser"_s; }

    PgServer() = default;
    PgServer(const PgServer &) = delete;
    PgServer &operator=(const PgServer &) = delete;
    ~PgServer() { stop(); }

    // Empty when PostgreSQL 15 is installed; otherwise why the tests cannot have a server.
    static QString notInstalledReason()
    {
        for (const QString &tool : {u"initdb"_s, u"pg_ctl"_s, u"pg_isready"_s}) {
            if (!QFileInfo(bin(tool)).isExecutable())
                return u"PostgreSQL 15 is not installed (no %1): apt-get install postgresql-15"_s
                    .arg(bin(tool));
        }
        return {};
    }

    // postgresql.conf lines added after the test settings (later lines win), e.g. a larger
    // shared_buffers for a benchmark. Call before start().
    void setExtraConfiguration(const QString &lines) { m_extraConfiguration = lines; }

    // Starts the server; an empty string when it runs, else what went wrong.
    QString start()
    {
        m_dir = std::make_unique<QTemporaryDir>(QDir::tempPath() + u"/pgserver-XXXXXX"_s);
        if (!m_dir->isValid())
            return u"cannot create a temporary directory: %1"_s.arg(m_dir->errorString());
        if (::geteuid() == 0) {
            const struct passwd *pg = ::getpwnam("postgres");
            if (!pg)
                return u"running as root, but there is no postgres user to run the server"_s;
            if (::chown(QFile::encodeName(m_dir->path()).constData(), pg->pw_uid, pg->pw_gid) != 0)
                return u"cannot hand %1 to the postgres user"_s.arg(m_dir->path());
            m_asPostgres = true;
        }
        const QString pwfile = m_dir->filePath(u"pwfile"_s);
        {
            QFile file(pwfile);
            if (!file.open(QIODevice::WriteOnly)
                || file.write(superuserPassword().toUtf8() + '\n') < 0)
                return u"cannot write %1"_s.arg(pwfile);
        }
        if (m_asPostgres) {
            const struct passwd *pg = ::getpwnam("postgres");
            if (::chown(QFile::encodeName(pwfile).constData(), pg->pw_uid, pg->pw_gid) != 0)
                return u"cannot hand %1 to the postgres user"_s.arg(pwfile);
        }
        QString output;
        if (run(bin(u"initdb"_s),
                {u"-D"_s,
                    dataDir(),
                    u"-U"_s,
                    u"postgres"_s,
                    u"--pwfile"_s,
                    pwfile,
                    u"--auth-local=trust"_s,
                    u"--auth-host=scram-sha-256"_s,
                    u"--encoding=UTF8"_s,
                    u"--locale=C"_s,
                    u"--no-sync"_s},
                std::chrono::seconds(120),
                &output)
            != 0)
            return u"initdb failed: %1"_s.arg(output);
        QFile::remove(pwfile);
        // A port that was free a moment ago may be taken by a parallel test: try a few.
        for (int attempt = 0; attempt < 5; ++attempt) {
            m_port = freePort();
            if (m_port == 0)
                return u"no free TCP port on 127.0.0.1"_s;
            QFile conf(dataDir() + u"/postgresql.conf"_s);
            if (!conf.open(QIODevice::Append))
                return u"cannot write postgresql.conf"_s;
            // Later lines win in postgresql.conf. synchronous_commit stays on: the outage tests
            // stop the server as if it were killed, and a commit the relay was told of must
            // survive that (fsync off only loses data when the machine itself goes down).
            conf.write(
                u"\nlisten_addresses = '127.0.0.1'\nport = %1\n"
                "unix_socket_directories = '%2'\nfsync = off\n"
                "synchronous_commit = on\nfull_page_writes = off\nshared_buffers = '16MB'\nmax_connections = 30\n"_s
                    .arg(m_port)
                    .arg(m_dir->path())
                    .toUtf8());
            conf.write(QString(u"\n"_s + m_extraConfiguration + u"\n"_s).toUtf8());
            conf.close();
            const int started = run(bin(u"pg_ctl"_s),
                {u"-D"_s, dataDir(), u"-l"_s, logFile(), u"-w"_s, u"-t"_s, u"60"_s, u"start"_s},
                std::chrono::seconds(90),
                &output);
            if (started == 0 && waitReady(std::chrono::seconds(30))) {
                m_running = true;
                return {};
            }
            run(bin(u"pg_ctl"_s),
                {u"-D"_s, dataDir(), u"-m"_s, u"immediate"_s, u"-w"_s, u"stop"_s},
                std::chrono::seconds(30),
                nullptr);
            if (!log().contains("could not bind"))
                return u"the server did not start: %1\n%2"_s.arg(output, QString::fromUtf8(log()));
        }
        return u"the server found no free port: %1"_s.arg(QString::fromUtf8(log()));
    }

    void stop()
    {
        if (!m_running)
            return;
        m_running = false;
        if (run(bin(u"pg_ctl"_s),
                {u"-D"_s, dataDir(), u"-m"_s, u"fast"_s, u"-w"_s, u"-t"_s, u"30"_s, u"stop"_s},
                std::chrono::seconds(40),
                nullptr)
            != 0)
            run(bin(u"pg_ctl"_s),
                {u"-D"_s, dataDir(), u"-m"_s, u"immediate"_s, u"-w"_s, u"stop"_s},
                std::chrono::seconds(30),
                nullptr);
    }

    // Stops a running server as an outage would: "fast" (an orderly shutdown that ends the
    // sessions), or "immediate" (as if the server were killed: no checkpoint, recovery at the next
    // start). resume() starts it again on the same data and port. True when it did.
    bool halt(const QString &mode = u"fast"_s)
    {
        if (!m_running)
            return false;
        if (run(bin(u"pg_ctl"_s),
                {u"-D"_s, dataDir(), u"-m"_s, mode, u"-w"_s, u"-t"_s, u"30"_s, u"stop"_s},
                std::chrono::seconds(40),
                nullptr)
            != 0)
            return false;
        m_running = false;
        return true;
    }
    bool resume()
    {
        if (m_running)
            return true;
        QString output;
        if (run(bin(u"pg_ctl"_s),
                {u"-D"_s, dataDir(), u"-l"_s, logFile(), u"-w"_s, u"-t"_s, u"60"_s, u"start"_s},
                std::chrono::seconds(90),
                &output)
                != 0
            || !waitReady(std::chrono::seconds(30)))
            return false;
        m_running = true;
        return true;
    }
    bool isRunning() const { return m_running; }

    int port() const { return m_port; }
    QString directory() const { return m_dir ? m_dir->path() : QString(); }

    // The superuser over the Unix socket (no password), on database `db`.
    QString adminConninfo(const QString &db = u"postgres"_s) const
    {
        return u"host=%1 port=%2 user=postgres dbname=%3"_s.arg(m_dir->path()).arg(m_port).arg(db);
    }
    // `user` over TCP on 127.0.0.1; the password comes from `passfile`.
    QString tcpConninfo(const QString &user, const QString &db, const QString &passfile) const
    {
        return u"host=127.0.0.1 port=%1 user=%2 dbname=%3 passfile=%4"_s.arg(m_port).arg(
            user, db, passfile);
    }

    QByteArray log() const
    {
        QFile file(logFile());
        return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
    }

private:
    static QString bin(const QString &tool) { return u"/usr/lib/postgresql/15/bin/"_s + tool; }
    QString dataDir() const { return m_dir->filePath(u"data"_s); }
    QString logFile() const { return m_dir->filePath(u"server.log"_s); }

    // Runs a PostgreSQL program (as the postgres user when the test is root); its exit code,
    // or -1 when it did not finish in time.
    int run(const QString &program,
        const QStringList &arguments,
        std::chrono::milliseconds timeout,
        QString *output) const
    {
        QProcess process;
        process.setWorkingDirectory(m_dir->path());
        process.setProcessChannelMode(QProcess::MergedChannels);
        if (m_asPostgres)
            process.start(
                u"runuser"_s, QStringList {u"-u"_s, u"postgres"_s, u"--"_s, program} + arguments);
        else
            process.start(program, arguments);
        if (!process.waitForFinished(int(timeout.count()))) {
            process.kill();
            process.waitForFinished();
            if (output)
                *output = u"%1 did not finish: %2"_s.arg(program, process.errorString());
            return -1;
        }
        if (output)
            *output = QString::fromUtf8(process.readAll());
        return process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    }

    // Polls pg_isready until the server accepts connections or the deadline passes.
    bool waitReady(std::chrono::milliseconds within) const
    {
        QDeadlineTimer deadline(within);
        while (!deadline.hasExpired()) {
            if (run(bin(u"pg_isready"_s),
                    {u"-h"_s, m_dir->path(), u"-p"_s, QString::number(m_port), u"-t"_s, u"5"_s},
                    std::chrono::seconds(10),
                    nullptr)
                == 0)
                return true;
            QThread::msleep(100);
        }
        return false;
    }

    static int freePort()
    {
        const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
        if (fd < 0)
            return 0;
        sockaddr_in address {};
        address.sin_family = AF_INET;
        address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        address.sin_port = 0;
        socklen_t length = sizeof(address);
        int port = 0;
        if (::bind(fd, reinterpret_cast<sockaddr *>(&address), sizeof(address)) == 0
            && ::getsockname(fd, reinterpret_cast<sockaddr *>(&address), &length) == 0)
            port = ntohs(address.sin_port);
        ::close(fd);
        return port;
    }

    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_extraConfiguration;
    int m_port = 0;
    bool m_asPostgres = false;
    bool m_running = false;
};

} // namespace TestPg

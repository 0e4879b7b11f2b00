#pragma once

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>
#include <QTest>

// Shared helpers of the simulator CLI tests: a bench in its own temporary directory, and runs of
// the azsphere / sphere-sim executables with that bench and a chosen time scale. The tests treat
// the simulator as a black box, exactly as the station does.
namespace SimTest {

inline QString azsphereProgram()
{
    return QStringLiteral(STATION_SIM_BIN_DIR "/azsphere");
}

inline QString azProgram()
{
    return QStringLiteral(STATION_SIM_BIN_DIR "/az");
}

inline QString sphereSimProgram()
{
    return QStringLiteral(STATION_BIN_DIR "/sphere-sim");
}

struct RunResult
{
    int exitCode = -1;
    bool finished = false;
    QString out;
    QString err;
};

inline QString seedDeviceId(const QString &seed, const QString &serial)
{
    return QString::fromLatin1(QCryptographicHash::hash(
        (seed + QLatin1Char(':') + serial).toUtf8(), QCryptographicHash::Sha512)
                                   .toHex());
}

inline QString serialOf(int n)
{
    return QStringLiteral("SIM%1").arg(n, 5, 10, QLatin1Char('0'));
}

class Bench
{
public:
    explicit Bench(const QString &timeScale = QStringLiteral("0"))
    {
        m_env = QProcessEnvironment::systemEnvironment();
        m_env.insert(QStringLiteral("AZSPHERE_SIM_HOME"), m_dir.path());
        m_env.insert(QStringLiteral("AZSPHERE_SIM_TIME_SCALE"), timeScale);
        m_env.insert(QStringLiteral("TZ"), QStringLiteral("UTC"));
    }

    bool isValid() const { return m_dir.isValid(); }
    QString path() const { return m_dir.path(); }
    QProcessEnvironment environment() const { return m_env; }
    void setTimeScale(const QString &scale)
    {
        m_env.insert(QStringLiteral("AZSPHERE_SIM_TIME_SCALE"), scale);
    }
    void setEnvironmentVariable(const QString &name, const QString &value)
    {
        m_env.insert(name, value);
    }

    RunResult run(const QString &program, const QStringList &args, int timeoutMs = 30000) const
    {
        QProcess p;
        p.setProcessEnvironment(m_env);
        p.setWorkingDirectory(m_dir.path());
        p.setProgram(program);
        p.setArguments(args);
        p.start();
        p.closeWriteChannel();
        RunResult r;
        if (!p.waitForStarted(10000))
            return r;
        r.finished = p.waitForFinished(timeoutMs);
        if (!r.finished) {
            p.kill();
            p.waitForFinished(5000);
        }
        r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
        r.out = QString::fromUtf8(p.readAllStandardOutput());
        r.err = QString::fromUtf8(p.readAllStandardError());
        return r;
    }

    RunResult az(const QStringList &args, int timeoutMs = 30000) const
    {
        return run(azsphereProgram(), args, timeoutMs);
    }

    // The `az` stand-in (`az sphere ...`).
    RunResult azCli(const QStringList &args, int timeoutMs = 30000) const
    {
        return run(azProgram(), args, timeoutMs);
    }

    RunResult sim(const QStringList &args, int timeoutMs = 30000) const
    {
        return run(sphereSimProgram(), args, timeoutMs);
    }

    // Creates the bench; QVERIFY-style failure text in *why when it does not work.
    bool create(int devices, const QStringList &extra = {}) const
    {
        const RunResult r = sim(QStringList {QStringLiteral("bench"),
                                    QStringLiteral("create"),
                                    QStringLiteral("--devices"),
                                    QString::number(devices)}
            + extra);
        if (r.exitCode != 0)
            qWarning("bench create failed: %s", qPrintable(r.err));
        return r.exitCode == 0;
    }

    QString deviceId(int n, const QString &seed = QStringLiteral("sphere-station")) const
    {
        return seedDeviceId(seed, serialOf(n));
    }

    // The device's state file, parsed (the simulator's own storage; tests use it to check that
    // nothing is half-written).
    QJsonObject deviceState(int n) const
    {
        QFile f(m_dir.path() + QStringLiteral("/devices/") + serialOf(n) + QStringLiteral(".json"));
        if (!f.open(QIODevice::ReadOnly))
            return {};
        return QJsonDocument::fromJson(f.readAll()).object();
    }

    QProcess *start(const QString &program, const QStringList &args, QObject *parent) const
    {
        auto *p = new QProcess(parent);
        p->setProcessEnvironment(m_env);
        p->setWorkingDirectory(m_dir.path());
        p->setProgram(program);
        p->setArguments(args);
        p->start();
        p->closeWriteChannel();
        return p;
    }

private:
    QTemporaryDir m_dir;
    QProcessEnvironment m_env;
};

inline QJsonDocument parseJson(const QString &text, bool *ok = nullptr)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(text.toUtf8(), &error);
    if (ok)
        *ok = error.error == QJsonParseError::NoError;
    return doc;
}

inline QJsonObject jsonOf(const RunResult &r)
{
    return parseJson(r.out).object();
}

// Replaces {ID1}, {ID2}, {ID3} in text with the bench's device IDs.
inline QString withDeviceIds(QString text, const Bench &bench)
{
    for (int n = 1; n <= 3; ++n)
        text.replace(QStringLiteral("{ID%1}").arg(n), bench.deviceId(n));
    return text;
}

// The columns of the cloud error tables: the bench's state, setup commands, the command, its exit
// code and stderr.
inline void addCloudErrorColumns()
{
    QTest::addColumn<QString>("state");
    QTest::addColumn<QStringList>("setup");
    QTest::addColumn<QString>("command");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("err");
}

// Starts one command twice at the same moment (a claim race) and waits for both: both must end
// normally, one with exit 0 (*winner) and the other with exit 1 (*loser). The caller returns when
// QTest::currentTestFailed().
inline void runRace(const Bench &bench,
    const QString &program,
    const QStringList &args,
    QObject *owner,
    QProcess **winner,
    QProcess **loser)
{
    QProcess *first = bench.start(program, args, owner);
    QProcess *second = bench.start(program, args, owner);
    QVERIFY(first->waitForFinished(30000));
    QVERIFY(second->waitForFinished(30000));
    QCOMPARE(first->exitStatus(), QProcess::NormalExit);
    QCOMPARE(second->exitStatus(), QProcess::NormalExit);
    const QList<int> codes = {first->exitCode(), second->exitCode()};
    QCOMPARE(codes.count(0), 1);
    QCOMPARE(codes.count(1), 1);
    *winner = first->exitCode() == 0 ? first : second;
    *loser = *winner == first ? second : first;
}

// The §1.3 usage error: two lines on stderr.
inline QString usageText(const QString &prog, const QString &message)
{
    return prog + QStringLiteral(": error: ") + message + QStringLiteral("\nRun '") + prog
        + QStringLiteral(" --help' for detailed information about the command.\n");
}

inline QString pathWarning(const QString &ip, const QString &path)
{
    return QStringLiteral("WARNING: The device with IP '%1' is selected from parameter '%2'\n")
        .arg(ip, path);
}

// Assets made once per test executable (sphere-sim assets).
class Assets
{
public:
    bool make(const Bench &bench)
    {
        if (!m_dir.isValid())
            return false;
        const RunResult r
            = bench.sim({QStringLiteral("assets"), QStringLiteral("--out"), m_dir.path()}, 120000);
        if (r.exitCode != 0) {
            qWarning("sphere-sim assets failed: %s", qPrintable(r.err));
            return false;
        }
        QFile f(m_dir.path() + QStringLiteral("/manifest.json"));
        if (!f.open(QIODevice::ReadOnly))
            return false;
        m_manifest = QJsonDocument::fromJson(f.readAll()).object();
        return true;
    }
    QString path(const QString &relative) const
    {
        return m_dir.path() + QLatin1Char('/') + relative;
    }
    QJsonObject package(const QString &relative) const
    {
        for (const QJsonValue &v : m_manifest.value(QStringLiteral("packages")).toArray()) {
            if (v[QStringLiteral("path")].toString() == relative)
                return v.toObject();
        }
        return {};
    }
    QString dir() const { return m_dir.path(); }

private:
    QTemporaryDir m_dir;
    QJsonObject m_manifest;
};

// Rewrites a simulator-generated package's hash (signature bytes 0..31 = SHA-256 of everything
// before the 64-byte signature, bytes 32..63 zero), so a modified package stays "intact".
inline QByteArray resign(QByteArray bytes)
{
    const qsizetype body = bytes.size() - 64;
    const QByteArray hash = QCryptographicHash::hash(bytes.left(body), QCryptographicHash::Sha256);
    bytes.replace(body, 32, hash);
    bytes.replace(body + 32, 32, QByteArray(32, '\0'));
    return bytes;
}

inline bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(bytes) == bytes.size();
}

inline QByteArray readFile(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

} // namespace SimTest

// RfToolCli stand-in (REFERENCE.md §7.2): reads one command per line from stdin, answers each
// with one reply (a hexdump for `config read data`), and saves the working e-fuse buffer on
// `config save` under the e-fuse rule.

#include "rfcommon.h"
#include "simulator/core/simtime.h"

#include <QRegularExpression>

#include <cstdio>
#include <unistd.h>

using namespace Qt::Literals::StringLiterals;
using namespace Sim;

namespace {

// §9: 1 s to start, 0.2 s per command, 2 s per `config save`.
constexpr double StartSeconds = 1.0;
constexpr double CommandSeconds = 0.2;
constexpr double SaveSeconds = 2.0;
constexpr int MaxOffset = 0x3FF;
constexpr int MaxValue = 0xFF;

const QString UnknownCommand = u"ERROR: Unknown command."_s;
const QString InvalidArguments = u"ERROR: Invalid arguments."_s;

// "0x36" (hex) or "54" (decimal).
std::optional<int> parseNumber(const QString &text, int max)
{
    bool ok = false;
    const int value = text.startsWith(u"0x"_s, Qt::CaseInsensitive) ? text.mid(2).toInt(&ok, 16)
                                                                    : text.toInt(&ok, 10);
    if (!ok || value < 0 || value > max || text.size() > 8)
        return std::nullopt;
    return value;
}

class Shell
{
public:
    explicit Shell(Rf::Session session)
        : m_session(std::move(session))
        , m_working(m_session.state.efuse)
    { }

    bool hadError() const { return m_hadError; }

    // Returns false when the session ends (exit).
    bool run(const QString &line)
    {
        const QStringList tokens = line.simplified().split(u' ', Qt::SkipEmptyParts);
        if (tokens.isEmpty())
            return true;
        simSleep(CommandSeconds);
        const auto is = [&](int i, const QString &word) {
            return tokens.value(i).compare(word, Qt::CaseInsensitive) == 0;
        };
        if (is(0, u"exit"_s) || is(0, u"quit"_s)) {
            if (tokens.size() == 1)
                return false;
            reply(InvalidArguments);
            return true;
        }
        if (!is(0, u"config"_s)) {
            reply(UnknownCommand);
            return true;
        }
        if (is(1, u"write"_s) && is(2, u"data"_s))
            writeData(tokens.mid(3));
        else if (is(1, u"write"_s) && is(2, u"MacAddress"_s))
            writeMac(tokens.mid(3));
        else if (is(1, u"read"_s) && is(2, u"data"_s))
            tokens.size() == 3 ? readData() : reply(InvalidArguments);
        else if (is(1, u"save"_s))
            tokens.size() == 2 ? save() : reply(InvalidArguments);
        else
            reply(UnknownCommand);
        return true;
    }

private:
    void reply(const QString &text)
    {
        if (text.startsWith(u"ERROR"_s))
            m_hadError = true;
        Rf::printLine(text);
    }

    void writeData(const QStringList &args)
    {
        const auto offset = parseNumber(args.value(0), MaxOffset);
        const auto value = parseNumber(args.value(1), MaxValue);
        if (args.size() != 2 || !offset || !value)
            return reply(InvalidArguments);
        m_working[*offset] = char(*value);
        reply(u"OK"_s);
    }

    void writeMac(const QStringList &args)
    {
        static const QRegularExpression mac(
            QRegularExpression::anchoredPattern(u"([0-9A-Fa-f]{2}:){5}[0-9A-Fa-f]{2}"_s));
        if (args.size() != 1 || !mac.match(args.first()).hasMatch())
            return reply(InvalidArguments);
        const QByteArray bytes = QByteArray::fromHex(args.first().toLatin1().replace(':', ""));
        const Rf::Field field = Rf::macField();
        for (int i = 0; i < field.length; ++i)
            m_working[field.first + i] = bytes.at(i);
        reply(u"OK"_s);
    }

    void readData()
    {
        for (const QString &line : Rf::hexdump(m_working))
            Rf::printLine(line);
    }

    void save()
    {
        simSleep(SaveSeconds);
        const Bench &bench = m_session.bench;
        FileLock lock = bench.lockDevice(m_session.serial);
        std::optional<DeviceState> state = bench.readDevice(m_session.serial);
        if (!lock.isLocked() || !state || !Rf::stillConnected(m_session))
            return reply(u"ERROR: Could not connect to the device."_s);
        QByteArray saved = state->efuse;
        saved.resize(Rf::ConfigSize, '\0');
        // E-fuse rule (§4.4): a non-zero saved byte can only be saved again with the same value.
        for (int offset = 0; offset < Rf::ConfigSize; ++offset) {
            const quint8 was = quint8(saved.at(offset));
            if (was != 0 && m_working.at(offset) != saved.at(offset)) {
                return reply(u"ERROR: Offset %1 is already programmed (%2); e-fuse values cannot "
                             u"be changed."_s.arg(Rf::formatByte(offset), Rf::formatByte(was)));
            }
        }
        state->efuse = m_working;
        QString why;
        if (!bench.writeDevice(*state, &why))
            return reply(u"ERROR: Could not connect to the device."_s);
        reply(u"Configuration saved."_s);
    }

    Rf::Session m_session;
    QByteArray m_working; // edited by `config write`, saved by `config save`
    bool m_hadError = false;
};

int usage(const QString &message)
{
    Rf::printErrorLine(u"RfToolCli: "_s + message);
    Rf::printErrorLine(
        u"usage: RfToolCli [--device <connection path|IP|ID>]  (commands on stdin)"_s);
    return Rf::ExitUsage;
}

} // namespace

int main(int argc, char *argv[])
{
    QString device;
    for (int i = 1; i < argc; ++i) {
        const QString arg = QString::fromLocal8Bit(argv[i]);
        if (arg == u"--device"_s || arg == u"-d"_s) {
            if (i + 1 >= argc)
                return usage(u"argument --device: expected one argument"_s);
            device = QString::fromLocal8Bit(argv[++i]);
        } else if (arg.startsWith(u"--device="_s)) {
            device = arg.mid(9);
        } else if (arg == u"--help"_s || arg == u"-h"_s) {
            usage(u"Interactive RF configuration tool."_s);
            return Rf::ExitOk;
        } else {
            return usage(u"unrecognized arguments: "_s + arg);
        }
    }

    simSleep(StartSeconds);
    int exitCode = Rf::ExitFailure;
    std::optional<Rf::Session> session = Rf::connect(device, u"RfToolCli"_s, &exitCode);
    if (!session)
        return exitCode;

    const Rf::Session connected = *session; // for the end (Rf::finish)
    Shell shell(std::move(*session));
    const bool interactive = ::isatty(STDIN_FILENO);
    QByteArray line;
    for (;;) {
        if (interactive) {
            std::fputs("> ", stdout);
            std::fflush(stdout);
        }
        line.clear();
        int c = 0;
        while ((c = std::fgetc(stdin)) != EOF && c != '\n')
            line.append(char(c));
        if (c == EOF && line.isEmpty())
            break;
        if (!shell.run(QString::fromLocal8Bit(line)))
            break;
        if (c == EOF)
            break;
    }
    return Rf::finish(connected, shell.hadError() ? Rf::ExitFailure : Rf::ExitOk);
}

// RfSettingsTool stand-in (REFERENCE.md §7.1): show | show -hexdump | check --expected <file>.

#include "rfcommon.h"
#include "simulator/core/simtime.h"

#include <QFile>

using namespace Qt::Literals::StringLiterals;
using namespace Sim;

namespace {

// §9: 3 s to start, 0.2 s per command.
constexpr double StartSeconds = 3.0;
constexpr double CommandSeconds = 0.2;

int usage(const QString &message)
{
    Rf::printErrorLine(u"RfSettingsTool: "_s + message);
    Rf::printErrorLine(
        u"usage: RfSettingsTool show [-hexdump] [--device <connection path|IP|ID>]"_s);
    Rf::printErrorLine(
        u"       RfSettingsTool check --expected <file.bin> [--device <connection path|IP|ID>]"_s);
    return Rf::ExitUsage;
}

int show(const QByteArray &config, bool hex)
{
    if (hex) {
        for (const QString &line : Rf::hexdump(config))
            Rf::printLine(line);
        return Rf::ExitOk;
    }
    for (const Rf::Field &field : {Rf::macField(),
             Rf::regionField(),
             Rf::rxDiversityField(),
             Rf::txPower24Field(),
             Rf::txPower5Field()})
        Rf::printLine(Rf::labelled(field.label, Rf::formatField(field, config)));
    return Rf::ExitOk;
}

int check(const QByteArray &device, const QByteArray &expected)
{
    Rf::printLine(u"Comparing configurations."_s);
    bool failed = false;
    QList<bool> named(Rf::ConfigSize, false);

    const Rf::Field mac = Rf::macField();
    for (int i = 0; i < mac.length; ++i)
        named[mac.first + i] = true;
    Rf::printLine(u"SKIPPED: MAC address (per device)"_s);

    for (const Rf::Field &field :
        {Rf::regionField(), Rf::rxDiversityField(), Rf::txPower24Field(), Rf::txPower5Field()}) {
        for (int i = 0; i < field.length; ++i)
            named[field.first + i] = true;
        const QString want = Rf::formatField(field, expected);
        const QString have = Rf::formatField(field, device);
        if (device.mid(field.first, field.length) == expected.mid(field.first, field.length)) {
            Rf::printLine(u"OK: %1: %2"_s.arg(field.label, have));
        } else {
            Rf::printLine(u"ERROR: %1: expected %2, device %3"_s.arg(field.label, want, have));
            failed = true;
        }
    }
    for (int offset = 0; offset < Rf::ConfigSize; ++offset) {
        if (named[offset] || device.at(offset) == expected.at(offset))
            continue;
        Rf::printLine(u"ERROR: Offset 0x%1: expected %2, device %3"_s.arg(
            QString::number(offset, 16).rightJustified(4, u'0').toUpper(),
            Rf::formatByte(quint8(expected.at(offset))),
            Rf::formatByte(quint8(device.at(offset)))));
        failed = true;
    }
    Rf::printLine(QString());
    Rf::printLine(failed ? u"Configuration check failed."_s : u"Configuration check passed."_s);
    return failed ? Rf::ExitFailure : Rf::ExitOk;
}

} // namespace

int main(int argc, char *argv[])
{
    QStringList args;
    for (int i = 1; i < argc; ++i)
        args += QString::fromLocal8Bit(argv[i]);

    QString command;
    QString device;
    QString expectedPath;
    bool hex = false;
    bool hasExpected = false;
    for (qsizetype i = 0; i < args.size(); ++i) {
        const QString &arg = args[i];
        const auto value = [&](const QString &name, QString *target) {
            if (arg == name) {
                if (i + 1 >= args.size())
                    return false;
                *target = args[++i];
                return true;
            }
            *target = arg.mid(name.size() + 1);
            return true;
        };
        if (arg == u"--device"_s || arg == u"-d"_s || arg.startsWith(u"--device="_s)) {
            if (!value(arg == u"-d"_s ? u"-d"_s : u"--device"_s, &device))
                return usage(u"argument --device: expected one argument"_s);
        } else if (arg == u"--expected"_s || arg.startsWith(u"--expected="_s)) {
            if (!value(u"--expected"_s, &expectedPath))
                return usage(u"argument --expected: expected one argument"_s);
            hasExpected = true;
        } else if (arg == u"-hexdump"_s || arg == u"--hexdump"_s) {
            hex = true;
        } else if (arg == u"--help"_s || arg == u"-h"_s) {
            usage(u"Reads the device's RF configuration."_s);
            return Rf::ExitOk;
        } else if (command.isEmpty() && (arg == u"show"_s || arg == u"check"_s)) {
            command = arg;
        } else {
            return usage(u"unrecognized arguments: "_s + arg);
        }
    }
    if (command.isEmpty())
        return usage(u"a command is required: show or check"_s);
    if (command == u"show"_s && hasExpected)
        return usage(u"--expected belongs to check"_s);
    if (command == u"check"_s && hex)
        return usage(u"-hexdump belongs to show"_s);
    if (command == u"check"_s && !hasExpected)
        return usage(u"check needs --expected <file.bin>"_s);

    QByteArray expected;
    if (command == u"check"_s) {
        QFile file(expectedPath);
        if (!file.open(QIODevice::ReadOnly)) {
            Rf::printLine(u"ERROR: Cannot open '%1'."_s.arg(expectedPath));
            return Rf::ExitUsage;
        }
        expected = file.readAll();
        if (expected.size() != Rf::ConfigSize) {
            Rf::printLine(
                u"ERROR: Expected configuration file '%1' must be 1024 bytes."_s.arg(expectedPath));
            return Rf::ExitUsage;
        }
    }

    simSleep(StartSeconds);
    int exitCode = Rf::ExitFailure;
    const std::optional<Rf::Session> session = Rf::connect(device, u"RfSettingsTool"_s, &exitCode);
    if (!session)
        return exitCode;
    simSleep(CommandSeconds);
    Rf::printLine(u"Reading configuration data from device."_s);
    const QByteArray config = session->state.efuse;
    return Rf::finish(*session, command == u"show"_s ? show(config, hex) : check(config, expected));
}

#include "services/rf/rftooloutput.h"

#include "services/azsphere/errorcatalog.h"
#include "services/base/tr.h"

#include <QRegularExpression>

using namespace Qt::Literals::StringLiterals;

namespace Station::RfToolOutput {

namespace {

const QLatin1String ReadingLine("Reading configuration data from device.");
const QLatin1String ComparingLine("Comparing configurations.");
constexpr qsizetype HexdumpLines = 64;
constexpr qsizetype BytesPerLine = 16;

tl::unexpected<Error> unreadable(const QByteArray &stdOut, const QString &reason)
{
    return fail(ErrorCatalog::outputUnparsable(QString::fromUtf8(stdOut), reason));
}

QStringList outputLines(const QByteArray &stdOut)
{
    QStringList lines = QString::fromUtf8(stdOut).split(u'\n');
    for (QString &line : lines) {
        if (line.endsWith(u'\r'))
            line.chop(1);
    }
    if (!lines.isEmpty() && lines.last().isEmpty())
        lines.removeLast();
    return lines;
}

std::optional<QByteArray> parseMac(const QString &text)
{
    static const QRegularExpression pattern(
        u"^([0-9A-Fa-f]{2}):([0-9A-Fa-f]{2}):([0-9A-Fa-f]{2}):([0-9A-Fa-f]{2}):"
        "([0-9A-Fa-f]{2}):([0-9A-Fa-f]{2})$"_s);
    const QRegularExpressionMatch match = pattern.match(text);
    if (!match.hasMatch())
        return std::nullopt;
    QByteArray bytes;
    for (int group = 1; group <= 6; ++group)
        bytes.append(char(match.captured(group).toUInt(nullptr, 16)));
    return bytes;
}

// "US"; "(not set)"; or hex when unprintable ("0x5501", "0x55 0x01", "55 01").
std::optional<QByteArray> parseRegion(const QString &text)
{
    if (text == "(not set)"_L1)
        return QByteArray(2, '\0');
    static const QRegularExpression printable(u"^[\\x21-\\x7E]{2}$"_s);
    if (printable.match(text).hasMatch() && !text.startsWith("0x"_L1))
        return text.toLatin1();
    QString digits = text;
    digits.remove(u"0x"_s, Qt::CaseInsensitive);
    digits.remove(u' ');
    digits.remove(u',');
    static const QRegularExpression hex(u"^[0-9A-Fa-f]{4}$"_s);
    if (!hex.match(digits).hasMatch())
        return std::nullopt;
    return QByteArray::fromHex(digits.toLatin1());
}

std::optional<double> parseDbm(const QString &text)
{
    static const QRegularExpression pattern(u"^(-?[0-9]+(\\.[0-9]+)?) dBm$"_s);
    const QRegularExpressionMatch match = pattern.match(text);
    if (!match.hasMatch())
        return std::nullopt;
    return match.captured(1).toDouble();
}

Error makeError(ErrorCode code, const Text &message, const Text &remedy, const QString &detail)
{
    return Error::make(code, message, detail, remedy);
}

bool isHexdumpLine(const QString &line)
{
    static const QRegularExpression pattern(u"^[0-9A-Fa-f]{4}:( [0-9A-Fa-f]{2}){16}\\s*$"_s);
    return pattern.match(line).hasMatch();
}

Error cliRefusal(const QString &line, const QByteArray &stdOut)
{
    const QString raw = QString::fromUtf8(stdOut).trimmed();
    if (line.contains("already programmed"_L1, Qt::CaseInsensitive))
        return makeError(ErrorCode::EfuseAlreadyProgrammed,
            Tr::tr("An e-fuse already holds another value and cannot be "
                   "programmed again: %1")
                .arg(line),
            Tr::tr("Set the device aside; call engineering."),
            raw);
    if (line.contains("Unknown command"_L1) || line.contains("Invalid arguments"_L1))
        return makeError(ErrorCode::ToolUsage,
            Tr::tr("The station called the tool wrongly: %1").arg(line),
            Tr::tr("Call engineering with the raw output."),
            raw);
    if (std::optional<Error> known = ErrorCatalog::match(line)) {
        known->detail = raw;
        return *known;
    }
    return makeError(ErrorCode::ToolFailed,
        Tr::tr("The RF tool refused a command: %1").arg(line),
        Tr::tr("Retry once; send the raw output to engineering"),
        raw);
}

} // namespace

Result<RfSettings> parseShow(const QByteArray &stdOut)
{
    static const QRegularExpression labelled(u"^([^:]+):\\s*(.*)$"_s);
    RfSettings settings;
    int found = 0;
    enum Field { Mac = 1, Region = 2, Rx = 4, Power24 = 8, Power5 = 16, All = 31 };
    for (const QString &raw : outputLines(stdOut)) {
        const QString line = raw.trimmed();
        if (line.isEmpty() || line == ReadingLine)
            continue;
        const QRegularExpressionMatch match = labelled.match(line);
        if (!match.hasMatch())
            return unreadable(stdOut, u"unexpected line \"%1\""_s.arg(line));
        const QString label = match.captured(1).trimmed();
        const QString value = match.captured(2).trimmed();
        if (label == "MAC address"_L1) {
            const std::optional<QByteArray> mac = parseMac(value);
            if (!mac)
                return unreadable(stdOut, u"bad MAC address \"%1\""_s.arg(value));
            settings.macAddress = value;
            settings.mac = *mac;
            found |= Mac;
        } else if (label == "Region code"_L1) {
            const std::optional<QByteArray> region = parseRegion(value);
            if (!region)
                return unreadable(stdOut, u"bad region code \"%1\""_s.arg(value));
            settings.regionBytes = *region;
            settings.regionCode = settings.isRegionSet() ? value : QString();
            found |= Region;
        } else if (label == "Rx diversity"_L1) {
            bool ok = false;
            settings.rxDiversity = value.startsWith("0x"_L1, Qt::CaseInsensitive)
                ? value.mid(2).toInt(&ok, 16)
                : value.toInt(&ok);
            if (!ok)
                return unreadable(stdOut, u"bad Rx diversity \"%1\""_s.arg(value));
            found |= Rx;
        } else if (label == "Target power 2.4 GHz"_L1 || label == "Target power 5 GHz"_L1) {
            const std::optional<double> power = parseDbm(value);
            if (!power)
                return unreadable(stdOut, u"bad power \"%1\""_s.arg(value));
            if (label.contains("2.4"_L1)) {
                settings.targetPower24Dbm = *power;
                found |= Power24;
            } else {
                settings.targetPower5Dbm = *power;
                found |= Power5;
            }
        } else if (label.startsWith("ERROR"_L1)) {
            return unreadable(stdOut, line);
        }
        // Other labels: a newer tool may print more; the station needs only these five.
    }
    if (found != All)
        return unreadable(stdOut, u"missing one of the five labelled lines"_s);
    return settings;
}

Result<QByteArray> parseHexdump(const QStringList &lines)
{
    QByteArray bytes;
    qsizetype row = 0;
    for (const QString &raw : lines) {
        const QString line = raw.trimmed();
        if (line.isEmpty() || line == ReadingLine)
            continue;
        if (!isHexdumpLine(line))
            return tl::make_unexpected(ErrorCatalog::outputUnparsable(
                lines.join(u'\n'), u"not a hexdump line: \"%1\""_s.arg(line)));
        const uint offset = line.left(4).toUInt(nullptr, 16);
        if (offset != uint(row * BytesPerLine))
            return tl::make_unexpected(ErrorCatalog::outputUnparsable(
                lines.join(u'\n'), u"offset %1 out of order"_s.arg(line.left(4))));
        bytes += QByteArray::fromHex(line.mid(5).toLatin1());
        ++row;
    }
    if (row != HexdumpLines)
        return tl::make_unexpected(ErrorCatalog::outputUnparsable(
            lines.join(u'\n'), u"%1 hexdump lines, expected %2"_s.arg(row).arg(HexdumpLines)));
    return bytes;
}

Result<QByteArray> parseHexdump(const QByteArray &stdOut)
{
    return parseHexdump(outputLines(stdOut));
}

Result<RfCheckReport> parseCheck(const QByteArray &stdOut)
{
    const QStringList lines = outputLines(stdOut);
    qsizetype at = 0;
    while (at < lines.size() && lines.at(at).trimmed() != ComparingLine)
        ++at;
    if (at == lines.size())
        return unreadable(stdOut, u"missing the line \"Comparing configurations.\""_s);

    // Verified rule (a real client): the text after `Comparing configurations.` up to the
    // first blank line fails the check if it contains ERROR.
    RfCheckReport report;
    for (++at; at < lines.size(); ++at) {
        const QString line = lines.at(at).trimmed();
        if (line.isEmpty())
            break;
        report.lines.append(line);
        if (line.contains("ERROR"_L1))
            report.errorLines.append(line);
    }
    for (++at; at < lines.size(); ++at) {
        if (!lines.at(at).trimmed().isEmpty()) {
            report.summary = lines.at(at).trimmed();
            break;
        }
    }
    report.passed = report.errorLines.isEmpty();
    return report;
}

Result<QList<RfCliExchange>> parseCliReplies(const QStringList &commands, const QByteArray &stdOut)
{
    QStringList replies;
    for (QString line : outputLines(stdOut)) {
        // The prompt appears only on a terminal; tolerate it anyway.
        while (line.startsWith("> "_L1))
            line.remove(0, 2);
        line = line.trimmed();
        if (!line.isEmpty())
            replies.append(line);
    }

    // Without capability 12 the tool refuses before reading any input.
    if (!replies.isEmpty() && replies.first().startsWith("ERROR"_L1)
        && (replies.first().contains("RF test mode"_L1)
            || replies.first().contains("Could not connect"_L1)))
        return fail(cliRefusal(replies.first(), stdOut));

    QList<RfCliExchange> exchanges;
    qsizetype next = 0;
    for (const QString &raw : commands) {
        const QString command = raw.trimmed();
        if (command.isEmpty())
            continue;
        if (command == "exit"_L1)
            break;
        if (next >= replies.size())
            return unreadable(stdOut, u"no reply to \"%1\""_s.arg(command));
        const QString reply = replies.at(next++);
        if (reply.startsWith("ERROR"_L1))
            return fail(cliRefusal(reply, stdOut));

        RfCliExchange exchange {command, {reply}};
        if (command == "config read data"_L1) {
            const qsizetype first = next - 1;
            if (first + HexdumpLines > replies.size())
                return unreadable(stdOut, u"short hexdump after \"config read data\""_s);
            exchange.reply = replies.mid(first, HexdumpLines);
            if (const auto dump = parseHexdump(exchange.reply); !dump)
                return unreadable(stdOut, u"bad hexdump after \"config read data\""_s);
            next = first + HexdumpLines;
        } else if (command == "config save"_L1) {
            if (reply != "Configuration saved."_L1)
                return unreadable(stdOut, u"unexpected reply to \"config save\": %1"_s.arg(reply));
        } else if (reply != "OK"_L1) {
            return unreadable(stdOut, u"unexpected reply to \"%1\": %2"_s.arg(command, reply));
        }
        exchanges.append(exchange);
    }
    return exchanges;
}

Error classify(const ToolResult &result)
{
    // The catalogue's OutputTooLarge: no message in a cut reply's head is trusted.
    if (result.isTruncated())
        return ErrorCatalog::classify(result);
    if (result.outcome == ToolOutcome::ExitCode || result.outcome == ToolOutcome::Succeeded) {
        const QString text
            = ErrorCatalog::classifiableText(result.stdOutText(), result.stdErrText());
        static const QRegularExpression badSize(
            u"Expected configuration file '([^']*)' must be 1024 bytes"_s);
        // classifiableText() has taken the line's "ERROR: " tag off.
        static const QRegularExpression cannotOpen(u"Cannot open '([^']*)'"_s);
        if (const QRegularExpressionMatch match = badSize.match(text); match.hasMatch())
            return makeError(ErrorCode::RecipeInvalid,
                Tr::tr("The recipe's expected RF configuration file %1 is not 1024 "
                       "bytes.")
                    .arg(match.captured(1)),
                Tr::tr("Fix the recipe's RF configuration file."),
                ErrorCatalog::rawText(result));
        if (const QRegularExpressionMatch match = cannotOpen.match(text); match.hasMatch())
            return makeError(ErrorCode::FileMissing,
                Tr::tr("The RF tool cannot open the file %1.").arg(match.captured(1)),
                Tr::tr("Fix the recipe's RF configuration file."),
                ErrorCatalog::rawText(result));
        if (text.contains("already programmed"_L1, Qt::CaseInsensitive)) {
            for (const QString &line : text.split(u'\n')) {
                if (line.contains("already programmed"_L1, Qt::CaseInsensitive))
                    return cliRefusal(line.trimmed(), result.stdOut);
            }
        }
    }
    return ErrorCatalog::classify(result);
}

QStringList regionCommands(const QString &regionCode)
{
    static const QRegularExpression pattern(u"^[A-Z]{2}$"_s);
    if (!pattern.match(regionCode).hasMatch())
        return {};
    const auto hex
        = [](QChar c) -> QString { return u"0x"_s + QString::number(c.unicode(), 16).toUpper(); };
    return {u"config write data 0x36 %1"_s.arg(hex(regionCode.at(0))),
        u"config write data 0x37 %1"_s.arg(hex(regionCode.at(1))),
        u"config save"_s,
        u"exit"_s};
}

QStringList macAddressCommands(const QString &macAddress)
{
    if (!parseMac(macAddress))
        return {};
    return {u"config write MacAddress %1"_s.arg(macAddress.toUpper()), u"config save"_s, u"exit"_s};
}

} // namespace Station::RfToolOutput

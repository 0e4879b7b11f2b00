#include "simulator/azsphere/cli.h"

#include "simulator/core/bench.h"

#include <QJsonArray>
#include <QRegularExpression>
#include <QUuid>

#include <cstdio>

using namespace Qt::Literals::StringLiterals;

namespace Az {

namespace {

const QStringList OutputChoices
    = {u"json"_s, u"jsonc"_s, u"yaml"_s, u"yamlc"_s, u"tsv"_s, u"table"_s, u"none"_s};

QList<OptionSpec> globalOptions()
{
    using K = OptionSpec::Kind;
    return {
        OptionSpec {u"--debug"_s,
            {},
            K::Flag,
            false,
            {},
            {},
            u"Increase logging verbosity to show all debug logs."_s},
        OptionSpec {
            u"--help"_s, u"-h"_s, K::Flag, false, {}, {}, u"Show this help message and exit."_s},
        OptionSpec {u"--only-show-errors"_s,
            {},
            K::Flag,
            false,
            {},
            {},
            u"Only show errors, suppressing warnings."_s},
        OptionSpec {u"--output"_s,
            u"-o"_s,
            K::Value,
            false,
            OutputChoices,
            {},
            u"Output format. Allowed values: json, jsonc, none, table, tsv, yaml, yamlc. Default: table."_s},
        OptionSpec {u"--verbose"_s,
            {},
            K::Flag,
            false,
            {},
            {},
            u"Increase logging verbosity. Use --debug for full debug logs."_s},
    };
}

OptionSpec deviceOption()
{
    return OptionSpec {u"--device"_s,
        u"-d"_s,
        OptionSpec::Kind::Value,
        false,
        {},
        {},
        u"The device to run the command on when multiple devices are attached. Specify the ID, IP, or Local Connection ID of an attached device."_s};
}

QList<OptionSpec> commandOptions(const CommandSpec &spec)
{
    QList<OptionSpec> options = spec.options;
    if (spec.deviceCommand)
        options.append(deviceOption());
    return options;
}

bool isNegativeNumber(const QString &token)
{
    static const QRegularExpression re(u"^-\\d+$|^-\\d*\\.\\d+$"_s);
    return re.match(token).hasMatch();
}

bool looksLikeOption(const QString &token)
{
    return token.size() > 1 && token.startsWith(u'-') && !isNegativeNumber(token);
}

void writeStream(FILE *stream, const QByteArray &bytes)
{
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stream);
    std::fflush(stream);
}

QString cellText(const QJsonValue &v)
{
    switch (v.type()) {
    case QJsonValue::Bool:
        return v.toBool() ? u"True"_s : u"False"_s;
    case QJsonValue::Null:
    case QJsonValue::Undefined:
        return {};
    case QJsonValue::Double: {
        const double d = v.toDouble();
        if (d == double(qint64(d)))
            return QString::number(qint64(d));
        return QString::number(d);
    }
    case QJsonValue::String:
        return v.toString();
    default:
        return {};
    }
}

QString headerOf(const Column &c)
{
    if (!c.header.isEmpty())
        return c.header;
    if (c.key.isEmpty())
        return c.key;
    return c.key.left(1).toUpper() + c.key.mid(1);
}

QString rightTrimmed(const QString &s)
{
    qsizetype end = s.size();
    while (end > 0 && s.at(end - 1) == u' ')
        --end;
    return s.left(end);
}

} // namespace

QString OptionSpec::displayName() const
{
    return shortName.isEmpty() ? longName : longName + u'/' + shortName;
}

QString CommandSpec::prog() const
{
    return u"azsphere "_s + path.join(u' ');
}

QString CommandSpec::name() const
{
    QStringList p = path;
    if (!p.isEmpty() && p.first() == u"device")
        p.removeFirst();
    return p.join(u' ');
}

// ---- streams -----------------------------------------------------------------------------------

void printLine(const QString &line)
{
    writeStream(stdout, (line + u'\n').toUtf8());
}

void printRaw(const QByteArray &bytes)
{
    writeStream(stdout, bytes);
}

void printErrorLine(const QString &line)
{
    writeStream(stderr, (line + u'\n').toUtf8());
}

void printWarning(const Context &ctx, const QString &text)
{
    if (!ctx.onlyShowErrors)
        printErrorLine(u"WARNING: "_s + text);
}

void fail(const QString &text, int code)
{
    if (text.endsWith(u'.'))
        failExact(text, code);
    failExact(text + u'.', code);
}

void failExact(const QString &text, int code)
{
    printErrorLine(u"error: "_s + text);
    throw CliExit {code};
}

void usageError(const QString &prog, const QString &message)
{
    printErrorLine(prog + u": error: "_s + message);
    printErrorLine(u"Run '"_s + prog + u" --help' for detailed information about the command."_s);
    throw CliExit {2};
}

void usageError(const CommandSpec &spec, const QString &message)
{
    usageError(spec.prog(), message);
}

QString deviceMessage(int code)
{
    static const QString dev = u" ('azsphere device enable-development')"_s;
    switch (code) {
    case 7340047:
    case 14680081:
        return u"Image not trusted by device; check if application development capability is enabled"_s
            + dev;
    case 7340050:
        return u"Image could not be staged; check that it is a valid image package"_s;
    case 7340056:
        return u"Installation failed; check if application development capability is enabled"_s
            + dev;
    case 7340069:
        return u"Permission denied; check if application development capability is enabled"_s + dev;
    case 7340071:
        return u"Over-the-air updating of the device is in progress and sideloading is temporarily disabled. Please retry later."_s;
    case 7340079:
        return u"Image has an invalid component ID. Re-package your image and retry."_s;
    case 14680076:
        return u"Application is not present"_s;
    case 14680082:
        return u"Insufficient free space on the device"_s;
    case 3145729:
        return u"Application already exists on the device"_s;
    case 3145735:
        return u"A reboot is required"_s;
    case 4194306:
        return u"The application has already been deployed to this device"_s;
    case 10485765:
        return u"Device is busy and refused request"_s;
    case 13:
        return u"Permission denied; application development capability may be required"_s + dev;
    case 1048596:
        return u"Operation not permitted; check if application development capability is enabled"_s
            + dev;
    case 13631490:
        return u"Network already exists"_s;
    case 13631491:
        return u"Network not found"_s;
    case 13631503:
        return u"SSID is too long"_s;
    case 13631505:
        return u"The Wi-Fi interface is still initializing. Please try again."_s;
    case 13631510:
        return u"There are not enough resources to add additional Wi-Fi networks."_s;
    case 13631513:
        return u"PSK is too short."_s;
    default:
        return u"Unknown device error: %1"_s.arg(code);
    }
}

// ---- parsing -----------------------------------------------------------------------------------

Context parseArguments(const CommandSpec &spec, const QStringList &arguments)
{
    const QList<OptionSpec> own = commandOptions(spec);
    QList<OptionSpec> all = own;
    all.append(globalOptions());

    for (const QString &token : arguments) {
        if (token == u"--"_s)
            break;
        if (token == u"-h" || token == u"--help") {
            printCommandHelp(spec);
            throw CliExit {0};
        }
    }

    auto findLong = [&](const QString &name) -> const OptionSpec * {
        for (const OptionSpec &o : all) {
            if (o.longName == name)
                return &o;
        }
        return nullptr;
    };
    auto findShort = [&](const QString &name) -> const OptionSpec * {
        for (const OptionSpec &o : all) {
            if (!o.shortName.isEmpty() && o.shortName == name)
                return &o;
        }
        return nullptr;
    };

    Context ctx;
    ctx.spec = &spec;
    QStringList extras;
    for (qsizetype i = 0; i < arguments.size(); ++i) {
        const QString token = arguments.at(i);
        if (token == u"--") {
            for (qsizetype j = i + 1; j < arguments.size(); ++j)
                extras.append(arguments.at(j));
            break;
        }
        const OptionSpec *option = nullptr;
        QString inlineValue;
        bool hasInline = false;
        if (token.startsWith(u"--") && token.size() > 2) {
            const qsizetype eq = token.indexOf(u'=');
            const QString name = eq < 0 ? token : token.left(eq);
            option = findLong(name);
            if (eq >= 0) {
                hasInline = true;
                inlineValue = token.mid(eq + 1);
            }
        } else if (looksLikeOption(token)) {
            option = findShort(token.left(2));
            if (option && token.size() > 2) {
                hasInline = true;
                inlineValue = token.mid(2);
                if (inlineValue.startsWith(u'='))
                    inlineValue = inlineValue.mid(1);
            }
        }
        if (!option) {
            extras.append(token);
            continue;
        }
        const QString display = option->displayName();
        switch (option->kind) {
        case OptionSpec::Kind::Flag:
            if (hasInline)
                usageError(spec,
                    u"argument %1: ignored explicit argument '%2'"_s.arg(display, inlineValue));
            ctx.args.set(option->longName, {u"true"_s});
            break;
        case OptionSpec::Kind::Value: {
            QString value;
            if (hasInline) {
                value = inlineValue;
            } else if (i + 1 < arguments.size() && !looksLikeOption(arguments.at(i + 1))) {
                value = arguments.at(++i);
            } else {
                usageError(spec, u"argument %1: expected one argument"_s.arg(display));
            }
            if (!option->choices.isEmpty() && !option->choices.contains(value)) {
                QStringList quoted;
                for (const QString &c : option->choices)
                    quoted.append(u'\'' + c + u'\'');
                usageError(spec,
                    u"argument %1: invalid choice: '%2' (choose from %3)"_s.arg(
                        display, value, quoted.join(u", "_s)));
            }
            if (option->valueType == u"int") {
                bool ok = false;
                value.toInt(&ok);
                if (!ok)
                    usageError(spec, u"argument %1: invalid int value: '%2'"_s.arg(display, value));
            } else if (option->valueType == u"guid") {
                if (QUuid::fromString(value).isNull())
                    usageError(
                        spec, u"argument %1: invalid guid value: '%2'"_s.arg(display, value));
            }
            ctx.args.set(option->longName, {value});
            break;
        }
        case OptionSpec::Kind::Multi: {
            QStringList values;
            if (hasInline)
                values.append(inlineValue);
            while (i + 1 < arguments.size() && !looksLikeOption(arguments.at(i + 1))
                && arguments.at(i + 1) != u"--")
                values.append(arguments.at(++i));
            if (values.isEmpty())
                usageError(spec, u"argument %1: expected at least one argument"_s.arg(display));
            if (option->valueType == u"guid") {
                for (const QString &v : values) {
                    if (QUuid::fromString(v).isNull())
                        usageError(
                            spec, u"argument %1: invalid guid value: '%2'"_s.arg(display, v));
                }
            }
            ctx.args.set(option->longName, values);
            break;
        }
        }
    }

    QStringList missing;
    for (const OptionSpec &o : own) {
        if (o.required && !ctx.args.has(o.longName))
            missing.append(o.displayName());
    }
    if (!missing.isEmpty())
        usageError(spec, u"the following arguments are required: "_s + missing.join(u", "_s));
    if (!extras.isEmpty())
        usageError(spec, u"unrecognized arguments: "_s + extras.join(u' '));

    const QString output = ctx.args.value(u"--output"_s);
    if (output == u"json" || output == u"jsonc" || output == u"yaml" || output == u"yamlc")
        ctx.format = OutputFormat::Json;
    else if (output == u"tsv")
        ctx.format = OutputFormat::Tsv;
    else if (output == u"none")
        ctx.format = OutputFormat::None;
    else
        ctx.format = OutputFormat::Table;
    ctx.onlyShowErrors = ctx.args.has(u"--only-show-errors"_s);
    return ctx;
}

// ---- help --------------------------------------------------------------------------------------

namespace {

QString optionLabel(const OptionSpec &o)
{
    QString label = o.longName;
    if (!o.shortName.isEmpty())
        label += u' ' + o.shortName;
    if (o.required)
        label += u" [Required]"_s;
    return label;
}

void printOptionBlock(const QString &title, const QList<OptionSpec> &options)
{
    if (options.isEmpty())
        return;
    printLine(title);
    for (const OptionSpec &o : options)
        printLine(u"    "_s + optionLabel(o).leftJustified(28) + u": "_s + o.help);
    printLine(QString());
}

} // namespace

void printCommandHelp(const CommandSpec &spec)
{
    printLine(QString());
    printLine(u"Command"_s);
    printLine(u"    "_s + spec.path.join(u' ').prepend(u"azsphere "_s) + u" : "_s + spec.summary);
    if (spec.deprecatedAlias)
        printLine(
            u"        This command has been deprecated and will be removed in a future release. Use '"_s
            + spec.replacement + u"' instead."_s);
    printLine(QString());
    printOptionBlock(u"Arguments"_s, commandOptions(spec));
    printOptionBlock(u"Global Arguments"_s, globalOptions());
}

void printGroupHelp(const QStringList &groupPath,
    const QList<QPair<QString, QString>> &subgroups,
    const QList<QPair<QString, QString>> &commands)
{
    printLine(QString());
    printLine(u"Group"_s);
    printLine(u"    "_s + (QStringList {u"azsphere"_s} + groupPath).join(u' '));
    printLine(QString());
    if (!subgroups.isEmpty()) {
        printLine(u"Subgroups:"_s);
        for (const auto &g : subgroups)
            printLine(u"    "_s + g.first.leftJustified(20) + u": "_s + g.second);
        printLine(QString());
    }
    if (!commands.isEmpty()) {
        printLine(u"Commands:"_s);
        for (const auto &c : commands)
            printLine(u"    "_s + c.first.leftJustified(20) + u": "_s + c.second);
        printLine(QString());
    }
}

// ---- results -----------------------------------------------------------------------------------

QString renderTable(const QList<Column> &columns, const QList<QJsonObject> &rows)
{
    if (rows.isEmpty())
        return {};
    QList<qsizetype> widths;
    for (const Column &c : columns) {
        qsizetype w = headerOf(c).size();
        for (const QJsonObject &row : rows)
            w = std::max(w, cellText(row.value(c.key)).size());
        widths.append(w);
    }
    auto line = [&](const std::function<QString(qsizetype)> &cell) -> QString {
        QString text;
        for (qsizetype i = 0; i < columns.size(); ++i) {
            text += u' ';
            text += cell(i).leftJustified(widths.at(i));
        }
        return rightTrimmed(text) + u'\n';
    };
    QString out;
    const QString dashes = line([&](qsizetype i) { return QString(widths.at(i), u'-'); });
    out += dashes;
    out += line([&](qsizetype i) { return headerOf(columns.at(i)); });
    out += line([&](qsizetype i) { return QString(widths.at(i), u'='); });
    for (const QJsonObject &row : rows)
        out += line([&](qsizetype i) { return cellText(row.value(columns.at(i).key)); });
    out += dashes;
    return out;
}

void printResult(const Context &ctx,
    const QJsonValue &json,
    const QList<Column> &columns,
    const QList<QJsonObject> &rows)
{
    switch (ctx.format) {
    case OutputFormat::None:
        return;
    case OutputFormat::Json:
        printRaw(Sim::toSortedJson(json));
        return;
    case OutputFormat::Table:
        printRaw(renderTable(columns, rows).toUtf8());
        return;
    case OutputFormat::Tsv: {
        QString out;
        for (const QJsonObject &row : rows) {
            QStringList cells;
            for (const Column &c : columns)
                cells.append(cellText(row.value(c.key)));
            out += cells.join(u'\t') + u'\n';
        }
        printRaw(out.toUtf8());
        return;
    }
    }
}

} // namespace Az

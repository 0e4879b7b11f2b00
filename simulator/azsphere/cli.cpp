#include "simulator/azsphere/cli.h"

#include "simulator/core/bench.h"

#include <QHash>
#include <QJsonArray>
#include <QRegularExpression>
#include <QUuid>

#include <algorithm>
#include <cstdio>

using namespace Qt::Literals::StringLiterals;

namespace Az {

namespace {

Dialect g_dialect = Dialect::Legacy;

// az lists the formats in this order in its error text.
const QStringList OutputChoices
    = {u"json"_s, u"jsonc"_s, u"yaml"_s, u"yamlc"_s, u"table"_s, u"tsv"_s, u"none"_s};
const QStringList LegacyOutputChoices
    = {u"json"_s, u"jsonc"_s, u"yaml"_s, u"yamlc"_s, u"tsv"_s, u"table"_s, u"none"_s};

const QString QueryReference
    = u"To learn more about --query, please visit: 'https://docs.microsoft.com/cli/azure/query-azure-cli'"_s;

QList<OptionSpec> globalOptions()
{
    using K = OptionSpec::Kind;
    const bool az = g_dialect == Dialect::Az;
    QList<OptionSpec> options = {
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
            az ? OutputChoices : LegacyOutputChoices,
            {},
            az ? u"Output format. Allowed values: json, jsonc, none, table, tsv, yaml, yamlc. Default: json."_s
               : u"Output format. Allowed values: json, jsonc, none, table, tsv, yaml, yamlc. Default: table."_s},
        OptionSpec {u"--query"_s,
            {},
            K::Value,
            false,
            {},
            {},
            u"JMESPath query string. See http://jmespath.org/ for more information and examples."_s},
        OptionSpec {u"--verbose"_s,
            {},
            K::Flag,
            false,
            {},
            {},
            u"Increase logging verbosity. Use --debug for full debug logs."_s},
    };
    if (az)
        options.append(OptionSpec {u"--subscription"_s,
            {},
            K::Value,
            false,
            {},
            {},
            u"Name or ID of subscription (accepted and ignored: the simulator has one subscription)."_s});
    return options;
}

OptionSpec deviceOption()
{
    return OptionSpec {u"--device"_s,
        u"-d"_s,
        OptionSpec::Kind::Value,
        false,
        {},
        {},
        g_dialect == Dialect::Az
            ? u"The device to run the command on when multiple devices are attached. Specify the ID, IP address, or Local Connection ID of an attached device."_s
            : u"The device to run the command on when multiple devices are attached. Specify the ID, IP, or Local Connection ID of an attached device."_s};
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

Dialect dialect()
{
    return g_dialect;
}

void setDialect(Dialect d)
{
    g_dialect = d;
}

QString toolPrefix()
{
    return g_dialect == Dialect::Az ? u"az sphere"_s : u"azsphere"_s;
}

QString OptionSpec::displayName() const
{
    return shortName.isEmpty() ? longName : longName + u'/' + shortName;
}

QString CommandSpec::prog() const
{
    return (outsideTool ? u"az"_s : toolPrefix()) + u' ' + path.join(u' ');
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

void printStatus(const Context &ctx, const QString &text)
{
    if (ctx.dialect == Dialect::Az)
        printWarning(ctx, text);
    else
        printLine(text);
}

void fail(const QString &text, int code)
{
    if (text.endsWith(u'.'))
        failExact(text, code);
    failExact(text + u'.', code);
}

void failExact(const QString &text, int code)
{
    printErrorLine((g_dialect == Dialect::Az ? u"ERROR: "_s : u"error: "_s) + text);
    throw CliExit {code};
}

namespace {

[[noreturn]] void azParserError(const QString &message, const QString &hint = {})
{
    printErrorLine(u"ERROR: "_s + message);
    if (!hint.isEmpty())
        printErrorLine(hint);
    printErrorLine(QString());
    printErrorLine(u"Examples from AI knowledge base:"_s);
    printErrorLine(u"https://aka.ms/cli_ref"_s);
    printErrorLine(u"Read more about the command in reference docs"_s);
    throw CliExit {2};
}

// Python's repr() of a string, as argparse quotes an invalid value.
QString pyRepr(const QString &text)
{
    const bool doubleQuotes = text.contains(u'\'') && !text.contains(u'"');
    const QChar quote = doubleQuotes ? u'"' : u'\'';
    QString out = quote;
    for (const QChar c : text) {
        if (c == u'\\')
            out += u"\\\\"_s;
        else if (c == quote)
            out += QString(u'\\') + c;
        else if (c == u'\n')
            out += u"\\n"_s;
        else if (c == u'\t')
            out += u"\\t"_s;
        else
            out += c;
    }
    return out + quote;
}

} // namespace

void usageError(const QString &prog, const QString &message)
{
    if (g_dialect == Dialect::Az)
        azParserError(message);
    printErrorLine(prog + u": error: "_s + message);
    printErrorLine(u"Run '"_s + prog + u" --help' for detailed information about the command."_s);
    throw CliExit {2};
}

void unknownCommand(const QString &token)
{
    // With dynamic install off (as the station runs az), az 2.45.0 adds a hint line; observed
    // with Debian's azure-cli (docs/simulator.md).
    const bool dynamicInstallOff = qEnvironmentVariable("AZURE_EXTENSION_USE_DYNAMIC_INSTALL")
                                       .compare("no"_L1, Qt::CaseInsensitive)
        == 0;
    azParserError(u"'%1' is misspelled or not recognized by the system."_s.arg(token),
        dynamicInstallOff
            ? u"If the command is from an extension, please make sure the corresponding extension "
              "is installed. To learn more about extensions, please visit "
              "'https://docs.microsoft.com/cli/azure/azure-cli-extensions-overview'"_s
            : QString());
}

QString invalidChoiceText(const QString &prog, const OptionSpec &option, const QString &value)
{
    if (g_dialect == Dialect::Az)
        return u"%1: '%2' is not a valid value for '%3'. Allowed values: %4."_s.arg(
            prog, value, option.longName, option.choices.join(u", "_s));
    QStringList quoted;
    for (const QString &c : option.choices)
        quoted.append(u'\'' + c + u'\'');
    return u"argument %1: invalid choice: '%2' (choose from %3)"_s.arg(
        option.displayName(), value, quoted.join(u", "_s));
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
    const bool az = g_dialect == Dialect::Az;
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

    // argparse: an exact long option, else the one long option the text abbreviates.
    auto findLong = [&](const QString &name, const QString &token) -> const OptionSpec * {
        for (const OptionSpec &o : all) {
            if (o.longName == name)
                return &o;
        }
        QList<const OptionSpec *> matches;
        for (const OptionSpec &o : all) {
            if (o.longName.startsWith(name))
                matches.append(&o);
        }
        if (matches.size() > 1) {
            QStringList names;
            for (const OptionSpec *o : matches)
                names.append(o->longName);
            usageError(
                spec, u"ambiguous option: %1 could match %2"_s.arg(token, names.join(u", "_s)));
        }
        return matches.isEmpty() ? nullptr : matches.first();
    };
    auto findShort = [&](const QString &name) -> const OptionSpec * {
        for (const OptionSpec &o : all) {
            if (!o.shortName.isEmpty() && o.shortName == name)
                return &o;
        }
        return nullptr;
    };
    // az's enumerations are case-insensitive and give the canonical spelling.
    auto choose = [&](const OptionSpec &option, const QString &value) -> QString {
        for (const QString &c : option.choices) {
            if (c == value || (az && c.compare(value, Qt::CaseInsensitive) == 0))
                return c;
        }
        usageError(spec, invalidChoiceText(spec.prog(), option, value));
    };

    Context ctx;
    ctx.spec = &spec;
    ctx.dialect = g_dialect;
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
            option = findLong(name, token);
            if (eq >= 0) {
                hasInline = true;
                inlineValue = token.mid(eq + 1);
            }
        } else if (looksLikeOption(token)) {
            // An exact option string first (az's two-letter `-dg`, `-cd`), else argparse's
            // `-dVALUE`.
            const qsizetype eq = token.indexOf(u'=');
            option = findShort(eq < 0 ? token : token.left(eq));
            if (option && eq >= 0) {
                hasInline = true;
                inlineValue = token.mid(eq + 1);
            } else if (!option) {
                option = findShort(token.left(2));
                if (option && token.size() > 2) {
                    hasInline = true;
                    inlineValue = token.mid(2);
                    if (inlineValue.startsWith(u'='))
                        inlineValue = inlineValue.mid(1);
                }
            }
        }
        if (!option) {
            extras.append(token);
            continue;
        }
        const QString display = option->displayName();
        switch (option->kind) {
        case OptionSpec::Kind::Flag: {
            if (az && option->threeState) {
                // `--force`, `--force true`, `--force=false`.
                static const QStringList Bools = {u"false"_s, u"true"_s};
                QString value = u"true"_s;
                if (hasInline) {
                    value = inlineValue;
                } else if (i + 1 < arguments.size()
                    && Bools.contains(arguments.at(i + 1), Qt::CaseInsensitive)) {
                    value = arguments.at(++i);
                }
                OptionSpec asChoice = *option;
                asChoice.choices = Bools;
                if (choose(asChoice, value) == u"true")
                    ctx.args.set(option->longName, {u"true"_s});
                else
                    ctx.args.remove(option->longName);
                break;
            }
            if (hasInline)
                usageError(spec,
                    u"argument %1: ignored explicit argument '%2'"_s.arg(display, inlineValue));
            ctx.args.set(option->longName, {u"true"_s});
            break;
        }
        case OptionSpec::Kind::Value: {
            QString value;
            if (hasInline) {
                value = inlineValue;
            } else if (i + 1 < arguments.size() && !looksLikeOption(arguments.at(i + 1))) {
                value = arguments.at(++i);
            } else {
                usageError(spec, u"argument %1: expected one argument"_s.arg(display));
            }
            if (!option->choices.isEmpty())
                value = choose(*option, value);
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
            if (option->longName == u"--query") {
                ctx.query = Jmes::Expression::compile(value);
                if (!ctx.query) {
                    const QString message
                        = u"argument --query: invalid jmespath_type value: "_s + pyRepr(value);
                    if (!az)
                        usageError(spec, message);
                    printErrorLine(u"ERROR: "_s + message);
                    printErrorLine(QueryReference);
                    throw CliExit {2};
                }
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
    if (output.isEmpty())
        ctx.format = az ? OutputFormat::Json : OutputFormat::Table;
    else if (output == u"json" || output == u"jsonc")
        ctx.format = OutputFormat::Json;
    else if (output == u"yaml" || output == u"yamlc") // legacy: printed as JSON (valid YAML)
        ctx.format = az ? OutputFormat::Yaml : OutputFormat::Json;
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
    printLine(u"    "_s + spec.prog() + u" : "_s + spec.summary);
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
    printLine(u"    "_s + (QStringList {toolPrefix()} + groupPath).join(u' '));
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

namespace {

// A legacy table cell: one line per element of a list, otherwise one line.
QStringList cellLines(const QJsonValue &v)
{
    if (!v.isArray())
        return {cellText(v)};
    QStringList lines;
    for (const QJsonValue &element : v.toArray())
        lines.append(cellText(element));
    return lines;
}

// The legacy table's columns and rows for an arbitrary value (a --query result): one row per
// array element (a lone value is one row); an object's scalar and list members in sorted key
// order, first seen first; anything else is one "Result" cell.
void legacyRowsFor(const QJsonValue &value, QList<Column> *columns, QList<QJsonObject> *rows)
{
    const QJsonArray items = value.isArray() ? value.toArray() : QJsonArray {value};
    for (const QJsonValue &item : items) {
        QJsonObject row;
        if (item.isObject()) {
            const QJsonObject o = item.toObject();
            for (auto it = o.begin(); it != o.end(); ++it) {
                if (!it.value().isObject())
                    row.insert(it.key(), it.value());
            }
        } else {
            row.insert(u"Result"_s, item);
        }
        for (auto it = row.begin(); it != row.end(); ++it) {
            const bool known = std::any_of(columns->cbegin(),
                columns->cend(),
                [&](const Column &c) { return c.key == it.key(); });
            if (!known)
                columns->append(Column {it.key(), {}});
        }
        rows->append(row);
    }
}

QString pyScalar(const QJsonValue &v)
{
    switch (v.type()) {
    case QJsonValue::Null:
    case QJsonValue::Undefined:
        return u"None"_s;
    case QJsonValue::Array:
    case QJsonValue::Object:
        return QString::fromUtf8(Sim::toSortedJson(v)).simplified();
    default:
        return cellText(v);
    }
}

// PyYAML's plain-scalar test, simplified: strings that would read back as another type, or that
// start with an indicator or hold ": " / " #", are single-quoted.
QString yamlScalar(const QJsonValue &v)
{
    switch (v.type()) {
    case QJsonValue::Null:
    case QJsonValue::Undefined:
        return u"null"_s;
    case QJsonValue::Bool:
        return v.toBool() ? u"true"_s : u"false"_s;
    case QJsonValue::Double:
        return cellText(v);
    default:
        break;
    }
    const QString s = v.toString();
    static const QRegularExpression implicit(
        u"^(?:~|null|Null|NULL|y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE"
        u"|on|On|ON|off|Off|OFF|[-+]?[0-9_]+|0x[0-9a-fA-F_]+|0o?[0-7_]+"
        u"|[-+]?(?:[0-9][0-9_]*)?\\.[0-9_]*(?:[eE][-+]?[0-9]+)?|[-+]?\\.(?:inf|Inf|INF)|\\.(?:nan|"
        u"NaN|NAN)"
        u"|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\\.[0-9_]*)?"
        u"|[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}(?:[Tt ].*)?)$"_s);
    static const QString Indicators = u"-?:,[]{}#&*!|>'\"%@`"_s;
    const bool quote = s.isEmpty() || implicit.match(s).hasMatch() || Indicators.contains(s.at(0))
        || s.startsWith(u' ') || s.endsWith(u' ') || s.contains(u": "_s) || s.contains(u" #"_s)
        || s.endsWith(u':') || s.contains(u'\n') || s.contains(u'\t');
    if (!quote)
        return s;
    QString escaped = s;
    escaped.replace(u'\'', u"''"_s);
    return u'\'' + escaped + u'\'';
}

bool isEmptyContainer(const QJsonValue &v)
{
    return (v.isArray() && v.toArray().isEmpty()) || (v.isObject() && v.toObject().isEmpty());
}

QString yamlInline(const QJsonValue &v)
{
    if (v.isArray())
        return u"[]"_s;
    if (v.isObject())
        return u"{}"_s;
    return yamlScalar(v);
}

// Block YAML of a non-empty container whose lines start at column `indent`.
QString yamlBlock(const QJsonValue &value, int indent)
{
    const QString pad(indent, u' ');
    QString out;
    if (value.isObject()) {
        const QJsonObject o = value.toObject();
        QStringList keys = o.keys();
        std::sort(keys.begin(), keys.end());
        for (const QString &key : keys) {
            const QJsonValue v = o.value(key);
            out += pad + yamlScalar(key) + u':';
            if (v.isObject() && !isEmptyContainer(v))
                out += u'\n' + yamlBlock(v, indent + 2);
            else if (v.isArray() && !isEmptyContainer(v))
                out += u'\n' + yamlBlock(v, indent); // PyYAML does not indent a list in a map
            else
                out += u' ' + yamlInline(v) + u'\n';
        }
        return out;
    }
    for (const QJsonValue &v : value.toArray()) {
        out += pad + u"- "_s;
        if ((v.isObject() || v.isArray()) && !isEmptyContainer(v))
            out += yamlBlock(v, indent + 2).mid(indent + 2); // the first line follows "- "
        else
            out += yamlInline(v) + u'\n';
    }
    return out;
}

} // namespace

QString renderTable(const QList<Column> &columns, const QList<QJsonObject> &rows)
{
    if (rows.isEmpty())
        return {};
    QList<qsizetype> widths;
    for (const Column &c : columns) {
        qsizetype w = headerOf(c).size();
        for (const QJsonObject &row : rows) {
            for (const QString &line : cellLines(row.value(c.key)))
                w = std::max(w, line.size());
        }
        widths.append(w);
    }
    auto line = [&](const std::function<QString(qsizetype)> &cell) -> QString {
        QString text;
        for (qsizetype i = 0; i < columns.size(); ++i) {
            if (i > 0)
                text += u' ';
            text += cell(i).leftJustified(widths.at(i));
        }
        return rightTrimmed(u' ' + text) + u'\n';
    };
    qsizetype total = columns.isEmpty() ? 0 : columns.size() - 1;
    for (qsizetype w : widths)
        total += w;
    // One dash run per column at the top and after every row, one continuous '=' rule under the
    // headers, list cells one element per line.
    QString out;
    const QString dashes = line([&](qsizetype i) { return QString(widths.at(i), u'-'); });
    out += dashes;
    out += line([&](qsizetype i) { return headerOf(columns.at(i)); });
    out += u' ' + QString(total, u'=') + u'\n';
    for (const QJsonObject &row : rows) {
        QList<QStringList> cells;
        qsizetype height = 1;
        for (const Column &c : columns) {
            cells.append(cellLines(row.value(c.key)));
            height = std::max(height, cells.last().size());
        }
        for (qsizetype l = 0; l < height; ++l)
            out += line([&](qsizetype i) { return cells.at(i).value(l); });
        out += dashes;
    }
    return out;
}

QString renderAzTable(const QJsonValue &value)
{
    // knack: a dict is a one-row list; per row the scalar members, keys sorted, `id`, `type`,
    // `etag` and nulls dropped, the header the key with its first letter upper-cased; a list
    // element that is no dict is a "Result" cell. tabulate "simple": columns as wide as the
    // header plus 2 or the longest cell, two spaces apart, left-aligned, trailing spaces cut.
    const QJsonArray items = value.isArray() ? value.toArray() : QJsonArray {value};
    QStringList headers;
    QList<QHash<QString, QString>> rows;
    for (const QJsonValue &item : items) {
        QHash<QString, QString> row;
        auto add = [&](const QString &header, const QString &text) {
            if (!headers.contains(header))
                headers.append(header);
            row.insert(header, text);
        };
        if (item.isObject()) {
            const QJsonObject o = item.toObject();
            for (auto it = o.begin(); it != o.end(); ++it) {
                static const QStringList Skip = {u"id"_s, u"type"_s, u"etag"_s};
                const QJsonValue v = it.value();
                if (Skip.contains(it.key()) || v.isNull() || v.isArray() || v.isObject())
                    continue;
                add(it.key().left(1).toUpper() + it.key().mid(1), cellText(v));
            }
        } else if (item.isArray()) {
            const QJsonArray a = item.toArray();
            for (qsizetype i = 0; i < a.size(); ++i)
                add(u"Column%1"_s.arg(i + 1), pyScalar(a.at(i)));
        } else {
            add(u"Result"_s, pyScalar(item));
        }
        rows.append(row);
    }
    if (headers.isEmpty())
        return u"\n"_s;
    QList<qsizetype> widths;
    for (const QString &h : headers) {
        qsizetype w = h.size() + 2;
        for (const auto &row : rows)
            w = std::max(w, row.value(h).size());
        widths.append(w);
    }
    auto line = [&](const std::function<QString(qsizetype)> &cell) -> QString {
        QStringList cells;
        for (qsizetype i = 0; i < headers.size(); ++i)
            cells.append(cell(i).leftJustified(widths.at(i)));
        return rightTrimmed(cells.join(u"  "_s)) + u'\n';
    };
    QString out = line([&](qsizetype i) { return headers.at(i); });
    out += line([&](qsizetype i) { return QString(widths.at(i), u'-'); });
    for (const auto &row : rows)
        out += line([&](qsizetype i) { return row.value(headers.at(i)); });
    return out;
}

QString renderAzTsv(const QJsonValue &value)
{
    // knack: one line per element (a lone value is one line); an object's values in key order,
    // a nested list as its length, a nested object as an empty field, None for null.
    auto field = [](const QJsonValue &v) -> QString {
        if (v.isArray())
            return QString::number(v.toArray().size());
        if (v.isObject())
            return {};
        return pyScalar(v);
    };
    const QJsonArray items = value.isArray() ? value.toArray() : QJsonArray {value};
    QString out;
    for (const QJsonValue &item : items) {
        QStringList fields;
        if (item.isObject()) {
            const QJsonObject o = item.toObject();
            for (auto it = o.begin(); it != o.end(); ++it)
                fields.append(field(it.value()));
        } else if (item.isArray()) {
            for (const QJsonValue &v : item.toArray())
                fields.append(field(v));
        } else {
            fields.append(field(item));
        }
        out += fields.join(u'\t') + u'\n';
    }
    return out;
}

QString renderYaml(const QJsonValue &value)
{
    if (value.isArray() || value.isObject())
        return isEmptyContainer(value) ? yamlInline(value) + u'\n' : yamlBlock(value, 0);
    return yamlScalar(value) + u"\n...\n"_s; // PyYAML ends a lone scalar's document
}

void printResult(const Context &ctx,
    const QJsonValue &json,
    const QList<Column> &columns,
    const QList<QJsonObject> &rows)
{
    QJsonValue result = json;
    if (ctx.query) {
        try {
            result = ctx.query->search(json);
        } catch (const Jmes::EvalError &e) {
            const QString text = u"Invalid jmespath query supplied for `--query`: "_s + e.message;
            if (ctx.dialect == Dialect::Az) {
                printErrorLine(u"ERROR: "_s + text);
                printErrorLine(QueryReference);
                throw CliExit {1};
            }
            failExact(text);
        }
        if (result.isNull() || result.isUndefined())
            return; // knack prints nothing for a None result
    }
    switch (ctx.format) {
    case OutputFormat::None:
        return;
    case OutputFormat::Json:
        printRaw(Sim::toSortedJson(result));
        return;
    case OutputFormat::Yaml:
        printRaw(renderYaml(result).toUtf8());
        return;
    case OutputFormat::Table:
        if (ctx.dialect == Dialect::Az) {
            printRaw(renderAzTable(result).toUtf8());
        } else if (ctx.query) {
            QList<Column> queryColumns;
            QList<QJsonObject> queryRows;
            legacyRowsFor(result, &queryColumns, &queryRows);
            printRaw(renderTable(queryColumns, queryRows).toUtf8());
        } else {
            printRaw(renderTable(columns, rows).toUtf8());
        }
        return;
    case OutputFormat::Tsv: {
        if (ctx.dialect == Dialect::Az || ctx.query) {
            printRaw(renderAzTsv(result).toUtf8());
            return;
        }
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

#pragma once

#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QString>
#include <QStringList>

#include <functional>

// The azsphere stand-in's command-line layer: argparse/knack-style parsing (§1.1, §1.3), the
// output formats (table grammar, sorted-key JSON, tsv, none) and the stdout/stderr rules.
namespace Az {

// Thrown to end the command with an exit code; caught in main().
struct CliExit
{
    int code = 0;
};

enum class OutputFormat { Table, Json, Tsv, None };

struct OptionSpec
{
    enum class Kind { Value, Flag, Multi };
    QString longName;  // "--device"
    QString shortName; // "-d" or empty
    Kind kind = Kind::Value;
    bool required = false;
    QStringList choices;
    QString valueType; // "int" or "guid": checked while parsing (argparse's type=)
    QString help;

    QString displayName() const; // "--device/-d"
};

struct Context;

struct CommandSpec
{
    QStringList path; // {"device", "sideload", "deploy"}
    QString summary;
    QList<OptionSpec> options;
    bool deviceCommand = false; // takes --device/-d
    bool deprecatedAlias = false;
    QString replacement; // for deprecated aliases: the command to use instead
    std::function<void(Context &)> run;

    QString prog() const; // "azsphere device sideload deploy"
    QString name() const; // "sideload deploy" (the name faults filter on)
};

class Args
{
public:
    bool has(const QString &longName) const { return m_values.contains(longName); }
    QString value(const QString &longName) const { return m_values.value(longName).value(0); }
    QStringList values(const QString &longName) const { return m_values.value(longName); }
    void set(const QString &longName, const QStringList &values)
    {
        m_values.insert(longName, values);
    }

private:
    QHash<QString, QStringList> m_values;
};

struct Context
{
    const CommandSpec *spec = nullptr;
    Args args;
    OutputFormat format = OutputFormat::Table;
    bool onlyShowErrors = false;
};

// Parses the arguments after the command path. Prints help and throws CliExit{0} for --help;
// prints the usage error and throws CliExit{2} for bad arguments.
Context parseArguments(const CommandSpec &spec, const QStringList &arguments);
// Help texts (exit 0).
void printCommandHelp(const CommandSpec &spec);
void printGroupHelp(const QStringList &groupPath,
    const QList<QPair<QString, QString>> &subgroups,
    const QList<QPair<QString, QString>> &commands);

// Streams: every line is flushed as printed.
void printLine(const QString &line);
void printRaw(const QByteArray &bytes);
void printErrorLine(const QString &line);
void printWarning(const Context &ctx, const QString &text);

// "error: <text>" on stderr, then CliExit{code}. Adds the final '.' when the text lacks one.
[[noreturn]] void fail(const QString &text, int code = 1);
// The same without adding a period (texts fixed by the reference without one).
[[noreturn]] void failExact(const QString &text, int code = 1);
// The two-line usage error of §1.3, exit 2.
[[noreturn]] void usageError(const CommandSpec &spec, const QString &message);
[[noreturn]] void usageError(const QString &prog, const QString &message);

// A device error code's message (§3.2).
QString deviceMessage(int code);

struct Column
{
    QString key;
    QString header; // empty: the key with its first letter upper-cased
};

// Prints a data command's result: JSON (sorted keys, 2-space indent), the table grammar of §1.1
// over `rows` and `columns`, tsv (the same rows, headerless, tab-separated) or nothing.
void printResult(const Context &ctx,
    const QJsonValue &json,
    const QList<Column> &columns,
    const QList<QJsonObject> &rows);
// The table text alone (empty for zero rows).
QString renderTable(const QList<Column> &columns, const QList<QJsonObject> &rows);

} // namespace Az

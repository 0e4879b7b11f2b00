#pragma once

#include "simulator/azsphere/jmespath.h"

#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QString>
#include <QStringList>

#include <functional>
#include <optional>

// The command-line layer of the two CLI stand-ins, `azsphere` (the legacy dialect) and `az`
// (`az sphere ...`): argparse/knack-style parsing, the output formats (the legacy table grammar,
// az's tabulate table, sorted-key JSON, yaml, tsv, none), --query and the stdout/stderr rules.
// The commands are shared; a Context says which dialect they answer in.
namespace Az {

enum class Dialect { Legacy, Az };

// The dialect of this process (set once by main()); fail() and usageError() use it.
Dialect dialect();
void setDialect(Dialect dialect);
// "azsphere" or "az sphere".
QString toolPrefix();

// Thrown to end the command with an exit code; caught in main().
struct CliExit
{
    int code = 0;
};

enum class OutputFormat { Table, Json, Yaml, Tsv, None };

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
    // az only: a flag that also takes an optional true/false (`[--force {false, true}]`).
    bool threeState = false;

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
    bool outsideTool = false; // az: a command of az itself (`az version`), not of `az sphere`
    QString replacement;      // for deprecated aliases: the command to use instead
    std::function<void(Context &)> run;

    QString prog() const; // "azsphere device sideload deploy" / "az sphere device sideload deploy"
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
    void remove(const QString &longName) { m_values.remove(longName); }

private:
    QHash<QString, QStringList> m_values;
};

struct Context
{
    const CommandSpec *spec = nullptr;
    Args args;
    Dialect dialect = Dialect::Legacy;
    OutputFormat format = OutputFormat::Table;
    bool onlyShowErrors = false;
    std::optional<Jmes::Expression> query; // --query, compiled while parsing
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
// An action command's status line: stdout in the legacy dialect, a `WARNING: ` line on stderr in
// az (suppressed by --only-show-errors).
void printStatus(const Context &ctx, const QString &text);

// "error: <text>" (az: "ERROR: <text>") on stderr, then CliExit{code}. Adds the final '.' when
// the text lacks one.
[[noreturn]] void fail(const QString &text, int code = 1);
// The same without adding a period (texts fixed by the reference without one).
[[noreturn]] void failExact(const QString &text, int code = 1);
// A usage error, exit 2: the legacy two-line argparse form, or az's `ERROR: <message>` followed
// by a blank line and the "Examples from AI knowledge base:" trailer.
[[noreturn]] void usageError(const CommandSpec &spec, const QString &message);
[[noreturn]] void usageError(const QString &prog, const QString &message);
// az's unknown command or group: `ERROR: '<token>' is misspelled or not recognized by the
// system.` and the trailer, exit 2.
[[noreturn]] void unknownCommand(const QString &token);
// az's error for an argument whose value is not among its choices.
QString invalidChoiceText(const QString &prog, const OptionSpec &option, const QString &value);

// A device error code's message (§3.2).
QString deviceMessage(int code);

struct Column
{
    QString key;
    QString header; // empty: the key with its first letter upper-cased
};

// Prints a data command's result after --query. Legacy: JSON (sorted keys, 2-space indent), the
// legacy table grammar over `rows` and `columns` (or, with --query, over the query's result), tsv
// (the same rows, headerless, tab-separated) or nothing. az: knack's renderings of the JSON
// value (json, yaml, the tabulate table, tsv, none). A null result prints nothing.
void printResult(const Context &ctx,
    const QJsonValue &json,
    const QList<Column> &columns,
    const QList<QJsonObject> &rows);
// The legacy table text alone (empty for zero rows).
QString renderTable(const QList<Column> &columns, const QList<QJsonObject> &rows);
// az's renderings of a JSON value.
QString renderAzTable(const QJsonValue &value);
QString renderAzTsv(const QJsonValue &value);
QString renderYaml(const QJsonValue &value);

} // namespace Az

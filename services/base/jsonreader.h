#pragma once

#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QRegularExpression>
#include <QString>
#include <QStringList>

#include <optional>

// Building blocks of the readers of the station's JSON formats (the recipe, its step parameters,
// the UART script, the OS versions file): a list of problems, each with its field path, and a
// reader for one JSON object that reports wrong, missing and unknown members instead of stopping
// at the first. Any thread.
namespace Station::JsonReader {

enum class Need { Optional, Required };
enum class Empty { Refused, Allowed };

// "steps[3].params" + "images" -> "steps[3].params.images"; "" + "name" -> "name".
QString member(const QString &parent, const QString &key);
// "steps" + 3 -> "steps[3]".
QString element(const QString &parent, qsizetype index);
QString quoted(const QString &text);
QString quotedList(const QStringList &items); // "a", "b", "c"
// "508eddf2-b8c3-4a99-93d9-a045d9a060eb", in either case, without braces.
bool isGuid(const QString &text);
// The candidate a misspelt word most likely meant (edit distance 1 for short words, else 2), or
// empty.
QString closestMatch(const QString &word, const QStringList &candidates);

struct Problem
{
    QString path;
    QString reason;
};

class Problems
{
public:
    void add(const QString &path, const QString &reason) { m_list.append(Problem {path, reason}); }
    bool isEmpty() const { return m_list.isEmpty(); }
    qsizetype count() const { return m_list.size(); }
    QStringList lines() const; // "<path>: <reason>"

private:
    QList<Problem> m_list;
};

// Reads the members of one JSON object, reporting wrong types and missing required members at
// their field path. Every member the format allows is named up front; checkUnknownKeys() then
// reports the rest (with a "did you mean" hint), so a misspelt key never passes silently. The
// member "_comment" (a string) is allowed everywhere.
class ObjectReader
{
public:
    ObjectReader(Problems &problems,
        const QJsonObject &object,
        const QString &path,
        const QStringList &keys);

    const QString &path() const { return m_path; }
    Problems &problems() const { return m_problems; }
    QString pathOf(const QString &key) const { return member(m_path, key); }
    bool has(const QString &key) const;
    QJsonValue value(const QString &key) const;
    void report(const QString &key, const QString &reason) const;

    // True when the member is there; reports a missing required one.
    bool present(const QString &key, Need need) const;
    // Each returns nothing when the member is absent or wrong (then reported).
    std::optional<QString> string(
        const QString &key, Need need, Empty empty = Empty::Refused) const;
    // A non-empty string that reaches the record or the headless output (a name, a version):
    // NUL and other control characters are refused (services/base/textcheck.h).
    std::optional<QString> name(const QString &key, Need need) const;
    std::optional<bool> boolean(const QString &key, Need need = Need::Optional) const;
    std::optional<int> integer(
        const QString &key, int min, int max, Need need = Need::Optional) const;
    std::optional<double> number(const QString &key, Need need) const;
    std::optional<QJsonArray> array(const QString &key, Need need, int minItems = 0) const;
    std::optional<QString> choice(const QString &key, const QStringList &allowed, Need need) const;
    // An optional string that must compile as a QRegularExpression.
    std::optional<QRegularExpression> regex(const QString &key) const;

    void checkUnknownKeys() const;

private:
    Problems &m_problems;
    QJsonObject m_object;
    QString m_path;
    QStringList m_keys;
};

} // namespace Station::JsonReader

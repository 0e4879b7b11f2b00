#include "services/base/jsonreader.h"

#include "services/base/textcheck.h"
#include "services/base/tr.h"

#include <algorithm>
#include <cmath>
#include <numeric>

using namespace Qt::Literals::StringLiterals;

namespace Station::JsonReader {

namespace {

const QString CommentKey = u"_comment"_s;

int editDistance(const QString &a, const QString &b)
{
    QList<int> previous(b.size() + 1);
    QList<int> current(b.size() + 1);
    std::iota(previous.begin(), previous.end(), 0);
    for (qsizetype i = 1; i <= a.size(); ++i) {
        current[0] = int(i);
        for (qsizetype j = 1; j <= b.size(); ++j) {
            const int cost = a.at(i - 1).toLower() == b.at(j - 1).toLower() ? 0 : 1;
            current[j] = std::min({previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost});
        }
        std::swap(previous, current);
    }
    return previous[b.size()];
}

} // namespace

QString member(const QString &parent, const QString &key)
{
    return parent.isEmpty() ? key : parent + u'.' + key;
}

bool isGuid(const QString &text)
{
    static const QRegularExpression re(
        u"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$"_s);
    return re.match(text).hasMatch();
}

QString element(const QString &parent, qsizetype index)
{
    return parent + u'[' + QString::number(index) + u']';
}

QString quoted(const QString &text)
{
    return u'"' + text + u'"';
}

QString quotedList(const QStringList &items)
{
    QStringList out;
    out.reserve(items.size());
    for (const QString &item : items)
        out.append(quoted(item));
    return out.join(u", "_s);
}

QString closestMatch(const QString &word, const QStringList &candidates)
{
    const int limit = word.size() <= 4 ? 1 : 2;
    QString best;
    int bestDistance = limit + 1;
    for (const QString &candidate : candidates) {
        const int distance = editDistance(word, candidate);
        if (distance < bestDistance) {
            best = candidate;
            bestDistance = distance;
        }
    }
    return best;
}

QStringList Problems::lines() const
{
    QStringList out;
    out.reserve(m_list.size());
    for (const Problem &problem : m_list)
        out.append(problem.path + u": "_s + problem.reason);
    return out;
}

ObjectReader::ObjectReader(
    Problems &problems, const QJsonObject &object, const QString &path, const QStringList &keys)
    : m_problems(problems)
    , m_object(object)
    , m_path(path)
    , m_keys(keys)
{ }

bool ObjectReader::has(const QString &key) const
{
    Q_ASSERT(m_keys.contains(key));
    return m_object.contains(key);
}

QJsonValue ObjectReader::value(const QString &key) const
{
    Q_ASSERT(m_keys.contains(key));
    return m_object.value(key);
}

void ObjectReader::report(const QString &key, const QString &reason) const
{
    m_problems.add(pathOf(key), reason);
}

bool ObjectReader::present(const QString &key, Need need) const
{
    if (has(key))
        return true;
    if (need == Need::Required)
        report(key, Tr::tr("is required"));
    return false;
}

std::optional<QString> ObjectReader::string(const QString &key, Need need, Empty empty) const
{
    if (!present(key, need))
        return std::nullopt;
    const QJsonValue v = value(key);
    if (!v.isString()) {
        report(key, Tr::tr("must be a string"));
        return std::nullopt;
    }
    if (empty == Empty::Refused && v.toString().isEmpty()) {
        report(key, Tr::tr("must not be empty"));
        return std::nullopt;
    }
    return v.toString();
}

std::optional<QString> ObjectReader::name(const QString &key, Need need) const
{
    const std::optional<QString> text = string(key, need);
    if (!text)
        return std::nullopt;
    if (const QString problem = nameTextProblem(*text); !problem.isEmpty()) {
        report(key, problem);
        return std::nullopt;
    }
    return text;
}

std::optional<bool> ObjectReader::boolean(const QString &key, Need need) const
{
    if (!present(key, need))
        return std::nullopt;
    const QJsonValue v = value(key);
    if (!v.isBool()) {
        report(key, Tr::tr("must be true or false"));
        return std::nullopt;
    }
    return v.toBool();
}

std::optional<int> ObjectReader::integer(const QString &key, int min, int max, Need need) const
{
    if (!present(key, need))
        return std::nullopt;
    const QJsonValue v = value(key);
    const double d = v.toDouble();
    if (!v.isDouble() || !std::isfinite(d) || std::floor(d) != d || d < min || d > max) {
        report(key, Tr::tr("must be an integer from %1 to %2").arg(min).arg(max));
        return std::nullopt;
    }
    return int(d);
}

std::optional<double> ObjectReader::number(const QString &key, Need need) const
{
    if (!present(key, need))
        return std::nullopt;
    const QJsonValue v = value(key);
    if (!v.isDouble() || !std::isfinite(v.toDouble())) {
        report(key, Tr::tr("must be a number"));
        return std::nullopt;
    }
    return v.toDouble();
}

std::optional<QJsonArray> ObjectReader::array(const QString &key, Need need, int minItems) const
{
    if (!present(key, need))
        return std::nullopt;
    const QJsonValue v = value(key);
    if (!v.isArray()) {
        report(key, Tr::tr("must be an array"));
        return std::nullopt;
    }
    if (v.toArray().size() < minItems) {
        report(key,
            minItems == 1 ? Tr::tr("must not be empty")
                          : Tr::tr("must have at least %n entries", nullptr, minItems));
        return std::nullopt;
    }
    return v.toArray();
}

std::optional<QString> ObjectReader::choice(
    const QString &key, const QStringList &allowed, Need need) const
{
    const std::optional<QString> text = string(key, need, Empty::Allowed);
    if (!text)
        return std::nullopt;
    if (!allowed.contains(*text)) {
        report(key, Tr::tr("must be one of: %1").arg(quotedList(allowed)));
        return std::nullopt;
    }
    return text;
}

std::optional<QRegularExpression> ObjectReader::regex(const QString &key) const
{
    const std::optional<QString> pattern = string(key, Need::Optional);
    if (!pattern)
        return std::nullopt;
    QRegularExpression re(*pattern);
    if (!re.isValid()) {
        report(key,
            Tr::tr("invalid regular expression: %1 at offset %2")
                .arg(re.errorString())
                .arg(re.patternErrorOffset()));
        return std::nullopt;
    }
    return re;
}

void ObjectReader::checkUnknownKeys() const
{
    for (auto it = m_object.begin(); it != m_object.end(); ++it) {
        const QString key = it.key();
        if (m_keys.contains(key))
            continue;
        if (key == CommentKey) {
            if (!it.value().isString())
                report(key, Tr::tr("must be a string"));
            continue;
        }
        const QString suggestion = closestMatch(key, m_keys);
        if (suggestion.isEmpty())
            report(key, Tr::tr("unknown key"));
        else
            report(key, Tr::tr("unknown key; did you mean \"%1\"?").arg(suggestion));
    }
}

} // namespace Station::JsonReader

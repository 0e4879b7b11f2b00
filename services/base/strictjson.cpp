#include "services/base/strictjson.h"

#include "services/base/tr.h"

#include <QHash>
#include <QJsonParseError>

using namespace Qt::Literals::StringLiterals;

namespace Station::StrictJson {

namespace {

// The recipe loader's path form: "a.b", "a[3]"; an empty key reads as "".
QString member(const QString &parent, const QString &key)
{
    const QString shown = key.isEmpty() ? u"\"\""_s : key;
    return parent.isEmpty() ? shown : parent + u'.' + shown;
}

QString element(const QString &parent, qsizetype index)
{
    return parent + u'[' + QString::number(index) + u']';
}

// A small recursive-descent scanner over JSON that QJsonDocument has already accepted: it
// decodes only object keys (as QJsonDocument does, so "a" and "\u0061" are the same key) and
// skips everything else. Depth is bounded by QJsonDocument's own nesting limit.
class Scanner
{
public:
    explicit Scanner(const QByteArray &json)
        : m_at(json.constData())
        , m_end(json.constData() + json.size())
    {
        if (m_end - m_at >= 3 && m_at[0] == '\xef' && m_at[1] == '\xbb' && m_at[2] == '\xbf')
            m_at += 3; // UTF-8 byte order mark
    }

    void scan()
    {
        skipSpace();
        value(QString());
    }

    const QList<Problem> &problems() const { return m_problems; }

private:
    bool atEnd() const { return m_at >= m_end; }

    void skipSpace()
    {
        while (!atEnd() && (*m_at == ' ' || *m_at == '\t' || *m_at == '\n' || *m_at == '\r'))
            ++m_at;
    }

    bool value(const QString &path)
    {
        if (atEnd())
            return false;
        switch (*m_at) {
        case '{':
            return object(path);
        case '[':
            return array(path);
        case '"':
            return string(nullptr);
        default:
            return scalar();
        }
    }

    bool object(const QString &path)
    {
        ++m_at; // '{'
        QHash<QString, int> counts;
        QHash<QString, qsizetype> reported; // key -> index in m_problems
        skipSpace();
        if (!atEnd() && *m_at == '}') {
            ++m_at;
            return true;
        }
        for (;;) {
            skipSpace();
            QString key;
            if (!string(&key))
                return false;
            const int count = ++counts[key];
            if (count == 2) {
                reported.insert(key, m_problems.size());
                m_problems.append(Problem {member(path, key), QString()});
            }
            skipSpace();
            if (atEnd() || *m_at != ':')
                return false;
            ++m_at;
            skipSpace();
            if (!value(member(path, key)))
                return false;
            skipSpace();
            if (atEnd())
                return false;
            if (*m_at == ',') {
                ++m_at;
                continue;
            }
            if (*m_at != '}')
                return false;
            ++m_at;
            break;
        }
        for (auto it = reported.cbegin(); it != reported.cend(); ++it) {
            const int count = counts.value(it.key());
            m_problems[it.value()].reason = count == 2
                ? Tr::tr("the key \"%1\" appears twice").arg(it.key())
                : Tr::tr("the key \"%1\" appears %n times", nullptr, count).arg(it.key());
        }
        return true;
    }

    bool array(const QString &path)
    {
        ++m_at; // '['
        skipSpace();
        if (!atEnd() && *m_at == ']') {
            ++m_at;
            return true;
        }
        for (qsizetype index = 0;; ++index) {
            skipSpace();
            if (!value(element(path, index)))
                return false;
            skipSpace();
            if (atEnd())
                return false;
            if (*m_at == ',') {
                ++m_at;
                continue;
            }
            if (*m_at != ']')
                return false;
            ++m_at;
            return true;
        }
    }

    // A string at m_at; decoded into *out when out is set.
    bool string(QString *out)
    {
        if (atEnd() || *m_at != '"')
            return false;
        ++m_at;
        QByteArray run; // raw UTF-8 since the last escape
        const auto flush = [&] {
            if (out && !run.isEmpty())
                out->append(QString::fromUtf8(run));
            run.clear();
        };
        while (!atEnd()) {
            const char c = *m_at++;
            if (c == '"') {
                flush();
                return true;
            }
            if (c != '\\') {
                if (out)
                    run.append(c);
                continue;
            }
            if (atEnd())
                return false;
            const char escape = *m_at++;
            if (!out)
                continue; // \uXXXX: its hex digits are plain characters to skip
            flush();
            switch (escape) {
            case 'b':
                out->append(u'\b');
                break;
            case 'f':
                out->append(u'\f');
                break;
            case 'n':
                out->append(u'\n');
                break;
            case 'r':
                out->append(u'\r');
                break;
            case 't':
                out->append(u'\t');
                break;
            case 'u': {
                if (m_end - m_at < 4)
                    return false;
                bool ok = false;
                const ushort unit = QByteArray(m_at, 4).toUShort(&ok, 16);
                if (!ok)
                    return false;
                m_at += 4;
                out->append(QChar(unit));
                break;
            }
            default: // '"', '\\', '/'
                out->append(QChar::fromLatin1(escape));
                break;
            }
        }
        return false;
    }

    // A number, true, false or null: everything up to the next delimiter.
    bool scalar()
    {
        const char *start = m_at;
        while (!atEnd() && *m_at != ',' && *m_at != '}' && *m_at != ']' && *m_at != ' '
            && *m_at != '\t' && *m_at != '\n' && *m_at != '\r')
            ++m_at;
        return m_at != start;
    }

    const char *m_at;
    const char *m_end;
    QList<Problem> m_problems;
};

} // namespace

QList<Problem> repeatedKeys(const QByteArray &json)
{
    Scanner scanner(json);
    scanner.scan();
    return scanner.problems();
}

tl::expected<QJsonDocument, QList<Problem>> parse(const QByteArray &json)
{
    QJsonParseError error;
    QJsonDocument document = QJsonDocument::fromJson(json, &error);
    if (error.error != QJsonParseError::NoError) {
        return tl::make_unexpected(QList<Problem> {Problem {QString(),
            Tr::tr("not valid JSON: %1 at offset %2").arg(error.errorString()).arg(error.offset)}});
    }
    QList<Problem> repeated = repeatedKeys(json);
    if (!repeated.isEmpty())
        return tl::make_unexpected(std::move(repeated));
    return document;
}

QStringList lines(const QList<Problem> &problems)
{
    QStringList out;
    out.reserve(problems.size());
    for (const Problem &problem : problems)
        out.append(
            problem.path.isEmpty() ? problem.reason : problem.path + u": "_s + problem.reason);
    return out;
}

} // namespace Station::StrictJson

#include "simulator/azsphere/jmespath.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <cmath>
#include <vector>

using namespace Qt::Literals::StringLiterals;

namespace Jmes {

namespace {

enum class T {
    Eof,
    UnquotedId,
    QuotedId,
    Literal,
    Number,
    Dot,
    Star,
    LBracket,
    RBracket,
    Filter,
    Flatten,
    LBrace,
    RBrace,
    LParen,
    RParen,
    Comma,
    Colon,
    Pipe,
    Or,
    And,
    Not,
    Eq,
    Ne,
    Lt,
    Le,
    Gt,
    Ge,
    Current,
    Expref,
};

struct Token
{
    T type = T::Eof;
    QString text;      // identifiers
    QJsonValue value;  // literals
    qint64 number = 0; // numbers
};

struct ParseError
{ };

// The reference parser's binding powers.
int bindingPower(T t)
{
    switch (t) {
    case T::Pipe:
        return 1;
    case T::Or:
        return 2;
    case T::And:
        return 3;
    case T::Eq:
    case T::Ne:
    case T::Lt:
    case T::Le:
    case T::Gt:
    case T::Ge:
        return 5;
    case T::Flatten:
        return 9;
    case T::Star:
        return 20;
    case T::Filter:
        return 21;
    case T::Dot:
        return 40;
    case T::Not:
        return 45;
    case T::LBrace:
        return 50;
    case T::LBracket:
        return 55;
    case T::LParen:
        return 60;
    default:
        return 0;
    }
}

constexpr int ProjectionStop = 10;

// A JSON text of one value (Qt parses only arrays and objects at the top).
std::optional<QJsonValue> parseJsonValue(const QString &text)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson((u"["_s + text + u"]"_s).toUtf8(), &error);
    if (error.error != QJsonParseError::NoError || !doc.isArray() || doc.array().size() != 1)
        return std::nullopt;
    return doc.array().first();
}

std::vector<Token> tokenize(const QString &s)
{
    std::vector<Token> tokens;
    qsizetype i = 0;
    const qsizetype n = s.size();
    auto simple = [&](T type, qsizetype length) {
        tokens.push_back(Token {type, {}, {}, 0});
        i += length;
    };
    // The text up to the closing `quote` (backslash escapes it), without the quotes.
    auto delimited = [&](QChar quote) -> QString {
        qsizetype j = i + 1;
        while (j < n && s.at(j) != quote) {
            if (s.at(j) == u'\\' && j + 1 < n)
                ++j;
            ++j;
        }
        if (j >= n)
            throw ParseError {};
        const QString inner = s.mid(i + 1, j - i - 1);
        i = j + 1;
        return inner;
    };
    while (i < n) {
        const QChar c = s.at(i);
        const QChar next = i + 1 < n ? s.at(i + 1) : QChar();
        if (c == u' ' || c == u'\t' || c == u'\n' || c == u'\r') {
            ++i;
        } else if ((c.isLetter() && c.unicode() < 128) || c == u'_') {
            qsizetype j = i;
            while (j < n
                && ((s.at(j).unicode() < 128 && s.at(j).isLetterOrNumber()) || s.at(j) == u'_'))
                ++j;
            tokens.push_back(Token {T::UnquotedId, s.mid(i, j - i), {}, 0});
            i = j;
        } else if ((c.isDigit() && c.unicode() < 128) || (c == u'-' && next.isDigit())) {
            qsizetype j = i + 1;
            while (j < n && s.at(j).isDigit() && s.at(j).unicode() < 128)
                ++j;
            bool ok = false;
            const qint64 number = s.mid(i, j - i).toLongLong(&ok);
            if (!ok)
                throw ParseError {};
            tokens.push_back(Token {T::Number, {}, {}, number});
            i = j;
        } else if (c == u'"') {
            const QString inner = delimited(u'"');
            const std::optional<QJsonValue> v = parseJsonValue(u'"' + inner + u'"');
            if (!v || !v->isString())
                throw ParseError {};
            tokens.push_back(Token {T::QuotedId, v->toString(), {}, 0});
        } else if (c == u'\'') {
            QString inner = delimited(u'\'');
            inner.replace(u"\\'"_s, u"'"_s);
            tokens.push_back(Token {T::Literal, {}, inner, 0});
        } else if (c == u'`') {
            QString inner = delimited(u'`');
            inner.replace(u"\\`"_s, u"`"_s);
            std::optional<QJsonValue> v = parseJsonValue(inner);
            if (!v) // the reference implementation's deprecated fallback: an unquoted string
                v = parseJsonValue(u'"' + inner.trimmed() + u'"');
            if (!v)
                throw ParseError {};
            tokens.push_back(Token {T::Literal, {}, *v, 0});
        } else if (c == u'[') {
            if (next == u']')
                simple(T::Flatten, 2);
            else if (next == u'?')
                simple(T::Filter, 2);
            else
                simple(T::LBracket, 1);
        } else if (c == u'|') {
            simple(next == u'|' ? T::Or : T::Pipe, next == u'|' ? 2 : 1);
        } else if (c == u'&') {
            simple(next == u'&' ? T::And : T::Expref, next == u'&' ? 2 : 1);
        } else if (c == u'!') {
            simple(next == u'=' ? T::Ne : T::Not, next == u'=' ? 2 : 1);
        } else if (c == u'=') {
            if (next != u'=')
                throw ParseError {};
            simple(T::Eq, 2);
        } else if (c == u'<') {
            simple(next == u'=' ? T::Le : T::Lt, next == u'=' ? 2 : 1);
        } else if (c == u'>') {
            simple(next == u'=' ? T::Ge : T::Gt, next == u'=' ? 2 : 1);
        } else {
            static const QString Singles = u".*],:@(){}"_s;
            static const T Types[] = {T::Dot,
                T::Star,
                T::RBracket,
                T::Comma,
                T::Colon,
                T::Current,
                T::LParen,
                T::RParen,
                T::LBrace,
                T::RBrace};
            const qsizetype k = Singles.indexOf(c);
            if (k < 0)
                throw ParseError {};
            simple(Types[k], 1);
        }
    }
    tokens.push_back(Token {});
    return tokens;
}

} // namespace

struct Node
{
    enum class Kind {
        Field,
        Subexpression,
        IndexExpression,
        Index,
        Slice,
        Projection,
        ValueProjection,
        FilterProjection, // children: left, right, condition
        Flatten,
        Comparator,
        Or,
        And,
        Not,
        Literal,
        Current,
        Identity,
        Pipe,
        MultiList,
        MultiHash, // keys[i] names children[i]
        Function,
        Expref,
    };
    Kind kind = Kind::Identity;
    QString name; // field or function name
    QJsonValue value;
    qint64 index = 0;
    std::optional<qint64> slice[3];
    T op = T::Eof;
    std::vector<std::shared_ptr<Node>> children;
    QStringList keys;
};

namespace {

using NodePtr = std::shared_ptr<Node>;

NodePtr make(Node::Kind kind, std::vector<NodePtr> children = {})
{
    auto node = std::make_shared<Node>();
    node->kind = kind;
    node->children = std::move(children);
    return node;
}

// A Pratt parser with the reference implementation's grammar and binding powers.
class Parser
{
public:
    explicit Parser(std::vector<Token> tokens)
        : m_tokens(std::move(tokens))
    { }

    NodePtr parse()
    {
        NodePtr result = expression(0);
        if (current() != T::Eof)
            throw ParseError {};
        return result;
    }

private:
    T current() const { return m_tokens.at(m_pos).type; }
    T lookahead(size_t k) const
    {
        return m_pos + k < m_tokens.size() ? m_tokens.at(m_pos + k).type : T::Eof;
    }
    const Token &token() const { return m_tokens.at(m_pos); }
    void advance()
    {
        if (m_pos + 1 < m_tokens.size())
            ++m_pos;
    }
    void match(T type)
    {
        if (current() != type)
            throw ParseError {};
        advance();
    }

    NodePtr expression(int power)
    {
        const Token left = token();
        advance();
        NodePtr node = nud(left);
        while (power < bindingPower(current())) {
            const T t = current();
            advance();
            node = led(t, node);
        }
        return node;
    }

    NodePtr nud(const Token &t)
    {
        switch (t.type) {
        case T::Literal: {
            NodePtr node = make(Node::Kind::Literal);
            node->value = t.value;
            return node;
        }
        case T::UnquotedId:
        case T::QuotedId: {
            if (t.type == T::QuotedId && current() == T::LParen)
                throw ParseError {}; // a quoted identifier is no function name
            NodePtr node = make(Node::Kind::Field);
            node->name = t.text;
            return node;
        }
        case T::Star: {
            NodePtr right = current() == T::RBracket ? make(Node::Kind::Identity)
                                                     : projectionRhs(bindingPower(T::Star));
            return make(Node::Kind::ValueProjection, {make(Node::Kind::Identity), right});
        }
        case T::Filter:
            return filter(make(Node::Kind::Identity));
        case T::LBrace:
            return multiHash();
        case T::LParen: {
            NodePtr inner = expression(0);
            match(T::RParen);
            return inner;
        }
        case T::Flatten: {
            NodePtr left = make(Node::Kind::Flatten, {make(Node::Kind::Identity)});
            return make(Node::Kind::Projection, {left, projectionRhs(bindingPower(T::Flatten))});
        }
        case T::Not: {
            NodePtr inner = expression(bindingPower(T::Not));
            return make(Node::Kind::Not, {inner});
        }
        case T::LBracket: {
            if (current() == T::Number || current() == T::Colon)
                return projectIfSlice(make(Node::Kind::Identity), indexExpression());
            if (current() == T::Star && lookahead(1) == T::RBracket) {
                advance();
                advance();
                return make(Node::Kind::Projection,
                    {make(Node::Kind::Identity), projectionRhs(bindingPower(T::Star))});
            }
            return multiList();
        }
        case T::Current:
            return make(Node::Kind::Current);
        case T::Expref:
            return make(Node::Kind::Expref, {expression(0)});
        default:
            throw ParseError {};
        }
    }

    NodePtr led(T t, NodePtr left)
    {
        switch (t) {
        case T::Dot: {
            if (current() != T::Star) {
                NodePtr right = dotRhs(bindingPower(T::Dot));
                if (left->kind == Node::Kind::Subexpression) {
                    left->children.push_back(right);
                    return left;
                }
                return make(Node::Kind::Subexpression, {left, right});
            }
            advance();
            return make(Node::Kind::ValueProjection, {left, projectionRhs(bindingPower(T::Dot))});
        }
        case T::Pipe:
            return make(Node::Kind::Pipe, {left, expression(bindingPower(T::Pipe))});
        case T::Or:
            return make(Node::Kind::Or, {left, expression(bindingPower(T::Or))});
        case T::And:
            return make(Node::Kind::And, {left, expression(bindingPower(T::And))});
        case T::LParen: {
            if (left->kind != Node::Kind::Field)
                throw ParseError {};
            NodePtr function = make(Node::Kind::Function);
            function->name = left->name;
            while (current() != T::RParen) {
                function->children.push_back(expression(0));
                if (current() == T::Comma)
                    match(T::Comma);
                else if (current() != T::RParen)
                    throw ParseError {};
            }
            match(T::RParen);
            return function;
        }
        case T::Filter:
            return filter(left);
        case T::Eq:
        case T::Ne:
        case T::Lt:
        case T::Le:
        case T::Gt:
        case T::Ge: {
            NodePtr node = make(Node::Kind::Comparator, {left, expression(bindingPower(t))});
            node->op = t;
            return node;
        }
        case T::Flatten: {
            NodePtr flat = make(Node::Kind::Flatten, {left});
            return make(Node::Kind::Projection, {flat, projectionRhs(bindingPower(T::Flatten))});
        }
        case T::LBracket: {
            if (current() == T::Number || current() == T::Colon) {
                NodePtr right = indexExpression();
                if (left->kind == Node::Kind::IndexExpression) {
                    left->children.push_back(right);
                    return left;
                }
                return projectIfSlice(left, right);
            }
            match(T::Star);
            match(T::RBracket);
            return make(Node::Kind::Projection, {left, projectionRhs(bindingPower(T::Star))});
        }
        default:
            throw ParseError {};
        }
    }

    NodePtr filter(NodePtr left)
    {
        NodePtr condition = expression(0);
        match(T::RBracket);
        NodePtr right = current() == T::Flatten ? make(Node::Kind::Identity)
                                                : projectionRhs(bindingPower(T::Filter));
        return make(Node::Kind::FilterProjection, {left, right, condition});
    }

    NodePtr indexExpression()
    {
        if (current() == T::Colon || lookahead(1) == T::Colon)
            return sliceExpression();
        NodePtr node = make(Node::Kind::Index);
        node->index = token().number;
        advance();
        match(T::RBracket);
        return node;
    }

    NodePtr sliceExpression()
    {
        NodePtr node = make(Node::Kind::Slice);
        int part = 0;
        while (current() != T::RBracket && part < 3) {
            if (current() == T::Colon) {
                ++part;
                if (part == 3)
                    throw ParseError {};
                advance();
            } else if (current() == T::Number) {
                node->slice[part] = token().number;
                advance();
            } else {
                throw ParseError {};
            }
        }
        match(T::RBracket);
        return node;
    }

    NodePtr projectIfSlice(NodePtr left, NodePtr right)
    {
        const bool isSlice = right->kind == Node::Kind::Slice;
        NodePtr index = make(Node::Kind::IndexExpression, {left, right});
        if (!isSlice)
            return index;
        return make(Node::Kind::Projection, {index, projectionRhs(bindingPower(T::Star))});
    }

    NodePtr multiList()
    {
        NodePtr node = make(Node::Kind::MultiList);
        for (;;) {
            node->children.push_back(expression(0));
            if (current() == T::RBracket)
                break;
            match(T::Comma);
        }
        match(T::RBracket);
        return node;
    }

    NodePtr multiHash()
    {
        NodePtr node = make(Node::Kind::MultiHash);
        for (;;) {
            if (current() != T::UnquotedId && current() != T::QuotedId)
                throw ParseError {};
            node->keys.append(token().text);
            advance();
            match(T::Colon);
            node->children.push_back(expression(0));
            if (current() == T::Comma) {
                match(T::Comma);
            } else if (current() == T::RBrace) {
                match(T::RBrace);
                break;
            } else {
                throw ParseError {};
            }
        }
        return node;
    }

    NodePtr projectionRhs(int power)
    {
        if (bindingPower(current()) < ProjectionStop)
            return make(Node::Kind::Identity);
        if (current() == T::LBracket || current() == T::Filter)
            return expression(power);
        if (current() == T::Dot) {
            match(T::Dot);
            return dotRhs(power);
        }
        throw ParseError {};
    }

    NodePtr dotRhs(int power)
    {
        const T t = current();
        if (t == T::UnquotedId || t == T::QuotedId || t == T::Star)
            return expression(power);
        if (t == T::LBracket) {
            match(T::LBracket);
            return multiList();
        }
        if (t == T::LBrace) {
            match(T::LBrace);
            return multiHash();
        }
        throw ParseError {};
    }

    std::vector<Token> m_tokens;
    size_t m_pos = 0;
};

// ---- evaluation --------------------------------------------------------------------------------

bool isFalse(const QJsonValue &v)
{
    switch (v.type()) {
    case QJsonValue::Null:
    case QJsonValue::Undefined:
        return true;
    case QJsonValue::Bool:
        return !v.toBool();
    case QJsonValue::String:
        return v.toString().isEmpty();
    case QJsonValue::Array:
        return v.toArray().isEmpty();
    case QJsonValue::Object:
        return v.toObject().isEmpty();
    case QJsonValue::Double:
        return false;
    }
    return false;
}

QString typeName(const QJsonValue &v)
{
    switch (v.type()) {
    case QJsonValue::Bool:
        return u"boolean"_s;
    case QJsonValue::Double:
        return u"number"_s;
    case QJsonValue::String:
        return u"string"_s;
    case QJsonValue::Array:
        return u"array"_s;
    case QJsonValue::Object:
        return u"object"_s;
    default:
        return u"null"_s;
    }
}

QJsonValue numberValue(double d)
{
    if (std::isfinite(d) && d == std::floor(d) && std::fabs(d) < 9.0e15)
        return QJsonValue(qint64(d));
    return QJsonValue(d);
}

QString compactJson(const QJsonValue &v)
{
    if (v.isArray())
        return QString::fromUtf8(QJsonDocument(v.toArray()).toJson(QJsonDocument::Compact));
    if (v.isObject())
        return QString::fromUtf8(QJsonDocument(v.toObject()).toJson(QJsonDocument::Compact));
    const QByteArray wrapped = QJsonDocument(QJsonArray {v}).toJson(QJsonDocument::Compact);
    return QString::fromUtf8(wrapped.mid(1, wrapped.size() - 2));
}

class Interpreter
{
public:
    QJsonValue visit(const Node &node, const QJsonValue &value) const
    {
        using K = Node::Kind;
        switch (node.kind) {
        case K::Field:
            return value.isObject() ? value.toObject().value(node.name) : QJsonValue();
        case K::Subexpression:
        case K::IndexExpression:
        case K::Pipe: {
            QJsonValue result = value;
            for (const NodePtr &child : node.children)
                result = visit(*child, result);
            return normalize(result);
        }
        case K::Index: {
            if (!value.isArray())
                return QJsonValue();
            const QJsonArray a = value.toArray();
            const qint64 i = node.index < 0 ? a.size() + node.index : node.index;
            return i >= 0 && i < a.size() ? a.at(i) : QJsonValue();
        }
        case K::Slice:
            return slice(node, value);
        case K::Projection: {
            const QJsonValue base = visit(*node.children.at(0), value);
            if (!base.isArray())
                return QJsonValue();
            return collect(base.toArray(), *node.children.at(1));
        }
        case K::ValueProjection: {
            const QJsonValue base = visit(*node.children.at(0), value);
            if (!base.isObject())
                return QJsonValue();
            QJsonArray values;
            const QJsonObject o = base.toObject();
            for (auto it = o.begin(); it != o.end(); ++it)
                values.append(it.value());
            return collect(values, *node.children.at(1));
        }
        case K::FilterProjection: {
            const QJsonValue base = visit(*node.children.at(0), value);
            if (!base.isArray())
                return QJsonValue();
            QJsonArray kept;
            for (const QJsonValue &element : base.toArray()) {
                if (!isFalse(visit(*node.children.at(2), element)))
                    kept.append(element);
            }
            return collect(kept, *node.children.at(1));
        }
        case K::Flatten: {
            const QJsonValue base = visit(*node.children.at(0), value);
            if (!base.isArray())
                return QJsonValue();
            QJsonArray merged;
            for (const QJsonValue &element : base.toArray()) {
                if (element.isArray()) {
                    for (const QJsonValue &inner : element.toArray())
                        merged.append(inner);
                } else {
                    merged.append(element);
                }
            }
            return merged;
        }
        case K::Comparator:
            return compare(
                node.op, visit(*node.children.at(0), value), visit(*node.children.at(1), value));
        case K::Or: {
            const QJsonValue left = visit(*node.children.at(0), value);
            return isFalse(left) ? visit(*node.children.at(1), value) : left;
        }
        case K::And: {
            const QJsonValue left = visit(*node.children.at(0), value);
            return isFalse(left) ? left : visit(*node.children.at(1), value);
        }
        case K::Not:
            return isFalse(visit(*node.children.at(0), value));
        case K::Literal:
            return node.value;
        case K::Current:
        case K::Identity:
            return normalize(value);
        case K::MultiList: {
            if (isNull(value))
                return QJsonValue();
            QJsonArray list;
            for (const NodePtr &child : node.children)
                list.append(visit(*child, value));
            return list;
        }
        case K::MultiHash: {
            if (isNull(value))
                return QJsonValue();
            QJsonObject hash;
            for (size_t i = 0; i < node.children.size(); ++i)
                hash.insert(node.keys.at(qsizetype(i)), visit(*node.children.at(i), value));
            return hash;
        }
        case K::Function:
            return function(node, value);
        case K::Expref:
            throw EvalError {u"Expression references are only valid as function arguments"_s};
        }
        return QJsonValue();
    }

private:
    static bool isNull(const QJsonValue &v) { return v.isNull() || v.isUndefined(); }
    static QJsonValue normalize(const QJsonValue &v) { return v.isUndefined() ? QJsonValue() : v; }

    QJsonValue collect(const QJsonArray &base, const Node &right) const
    {
        QJsonArray collected;
        for (const QJsonValue &element : base) {
            const QJsonValue current = visit(right, element);
            if (!isNull(current))
                collected.append(current);
        }
        return collected;
    }

    static QJsonValue slice(const Node &node, const QJsonValue &value)
    {
        if (!value.isArray())
            return QJsonValue();
        const QJsonArray a = value.toArray();
        const qint64 length = a.size();
        const qint64 step = node.slice[2].value_or(1);
        if (step == 0)
            throw EvalError {u"Invalid slice expression: step cannot be 0"_s};
        // Python's slice.indices().
        const qint64 lower = step < 0 ? -1 : 0;
        const qint64 upper = step < 0 ? length - 1 : length;
        auto bound = [&](std::optional<qint64> given, qint64 fallback) {
            if (!given)
                return fallback;
            qint64 v = *given;
            if (v < 0)
                return std::max(v + length, lower);
            return std::min(v, upper);
        };
        const qint64 start = bound(node.slice[0], step < 0 ? upper : lower);
        const qint64 stop = bound(node.slice[1], step < 0 ? lower : upper);
        QJsonArray out;
        for (qint64 i = start; step > 0 ? i < stop : i > stop; i += step)
            out.append(a.at(i));
        return out;
    }

    static QJsonValue compare(T op, const QJsonValue &left, const QJsonValue &right)
    {
        if (op == T::Eq)
            return normalize(left) == normalize(right);
        if (op == T::Ne)
            return normalize(left) != normalize(right);
        int order = 0;
        if (left.isDouble() && right.isDouble()) {
            const double l = left.toDouble(), r = right.toDouble();
            order = l < r ? -1 : (l > r ? 1 : 0);
        } else if (left.isString() && right.isString()) {
            order = left.toString().compare(right.toString());
        } else {
            return QJsonValue();
        }
        switch (op) {
        case T::Lt:
            return order < 0;
        case T::Le:
            return order <= 0;
        case T::Gt:
            return order > 0;
        case T::Ge:
            return order >= 0;
        default:
            return QJsonValue();
        }
    }

    [[noreturn]] static void typeError(
        const QString &function, const QJsonValue &v, const QString &expected)
    {
        throw EvalError {
            u"In function %1(), invalid type for value: %2, expected one of: %3, received: \"%4\""_s
                .arg(function, compactJson(v), expected, typeName(v))};
    }

    static void arity(const QString &function, size_t given, size_t expected)
    {
        if (given != expected)
            throw EvalError {
                u"Expected %1 argument%2 for function %3(), received %4"_s.arg(expected)
                    .arg(expected == 1 ? u""_s : u"s"_s, function)
                    .arg(given)};
    }

    // The values an expression reference gives for each element of an array argument.
    QList<QJsonValue> mapped(const QString &function, const Node &expref, const QJsonArray &a) const
    {
        if (expref.kind != Node::Kind::Expref)
            throw EvalError {
                u"In function %1(), invalid type for value: expected expref"_s.arg(function)};
        QList<QJsonValue> keys;
        for (const QJsonValue &element : a)
            keys.append(visit(*expref.children.at(0), element));
        return keys;
    }

    QJsonValue function(const Node &node, const QJsonValue &value) const
    {
        const QString &f = node.name;
        const size_t argc = node.children.size();
        // Expression references stay unevaluated; everything else is evaluated first.
        QList<QJsonValue> args;
        for (const NodePtr &child : node.children)
            args.append(child->kind == Node::Kind::Expref ? QJsonValue() : visit(*child, value));
        auto arg = [&](int i) -> const QJsonValue & { return args.at(i); };
        auto strings = [&](const QJsonArray &a) {
            return std::all_of(
                a.begin(), a.end(), [](const QJsonValue &v) { return v.isString(); });
        };
        auto numbers = [&](const QJsonArray &a) {
            return std::all_of(
                a.begin(), a.end(), [](const QJsonValue &v) { return v.isDouble(); });
        };

        if (f == u"length") {
            arity(f, argc, 1);
            if (arg(0).isString())
                return qint64(arg(0).toString().toUcs4().size());
            if (arg(0).isArray())
                return qint64(arg(0).toArray().size());
            if (arg(0).isObject())
                return qint64(arg(0).toObject().size());
            typeError(f, arg(0), u"['string', 'array', 'object']"_s);
        }
        if (f == u"contains") {
            arity(f, argc, 2);
            if (arg(0).isArray())
                return arg(0).toArray().contains(arg(1));
            if (arg(0).isString())
                return arg(1).isString() && arg(0).toString().contains(arg(1).toString());
            typeError(f, arg(0), u"['array', 'string']"_s);
        }
        if (f == u"starts_with" || f == u"ends_with") {
            arity(f, argc, 2);
            for (int i = 0; i < 2; ++i) {
                if (!arg(i).isString())
                    typeError(f, arg(i), u"['string']"_s);
            }
            return f == u"starts_with" ? arg(0).toString().startsWith(arg(1).toString())
                                       : arg(0).toString().endsWith(arg(1).toString());
        }
        if (f == u"keys" || f == u"values") {
            arity(f, argc, 1);
            if (!arg(0).isObject())
                typeError(f, arg(0), u"['object']"_s);
            const QJsonObject o = arg(0).toObject();
            QJsonArray out;
            for (auto it = o.begin(); it != o.end(); ++it)
                out.append(f == u"keys" ? QJsonValue(it.key()) : it.value());
            return out;
        }
        if (f == u"type") {
            arity(f, argc, 1);
            return typeName(arg(0));
        }
        if (f == u"to_string") {
            arity(f, argc, 1);
            return arg(0).isString() ? arg(0) : QJsonValue(compactJson(arg(0)));
        }
        if (f == u"to_number") {
            arity(f, argc, 1);
            if (arg(0).isDouble())
                return arg(0);
            if (arg(0).isString()) {
                bool ok = false;
                const double d = arg(0).toString().toDouble(&ok);
                return ok ? numberValue(d) : QJsonValue();
            }
            return QJsonValue();
        }
        if (f == u"to_array") {
            arity(f, argc, 1);
            return arg(0).isArray() ? arg(0) : QJsonValue(QJsonArray {arg(0)});
        }
        if (f == u"not_null") {
            if (argc == 0)
                throw EvalError {
                    u"Expected at least 1 argument for function not_null(), received 0"_s};
            for (const QJsonValue &v : args) {
                if (!isNull(v))
                    return v;
            }
            return QJsonValue();
        }
        if (f == u"abs" || f == u"ceil" || f == u"floor") {
            arity(f, argc, 1);
            if (!arg(0).isDouble())
                typeError(f, arg(0), u"['number']"_s);
            const double d = arg(0).toDouble();
            return numberValue(f == u"abs" ? std::fabs(d)
                    : f == u"ceil"         ? std::ceil(d)
                                           : std::floor(d));
        }
        if (f == u"join") {
            arity(f, argc, 2);
            if (!arg(0).isString())
                typeError(f, arg(0), u"['string']"_s);
            if (!arg(1).isArray() || !strings(arg(1).toArray()))
                typeError(f, arg(1), u"['array-string']"_s);
            QStringList parts;
            for (const QJsonValue &v : arg(1).toArray())
                parts.append(v.toString());
            return parts.join(arg(0).toString());
        }
        if (f == u"reverse") {
            arity(f, argc, 1);
            if (arg(0).isString()) {
                QString s = arg(0).toString();
                std::reverse(s.begin(), s.end());
                return s;
            }
            if (!arg(0).isArray())
                typeError(f, arg(0), u"['string', 'array']"_s);
            QJsonArray out;
            for (const QJsonValue &v : arg(0).toArray())
                out.prepend(v);
            return out;
        }
        if (f == u"sum" || f == u"avg") {
            arity(f, argc, 1);
            if (!arg(0).isArray() || !numbers(arg(0).toArray()))
                typeError(f, arg(0), u"['array-number']"_s);
            const QJsonArray a = arg(0).toArray();
            double total = 0;
            for (const QJsonValue &v : a)
                total += v.toDouble();
            if (f == u"avg")
                return a.isEmpty() ? QJsonValue() : numberValue(total / double(a.size()));
            return numberValue(total);
        }
        if (f == u"max" || f == u"min" || f == u"sort") {
            arity(f, argc, 1);
            if (!arg(0).isArray() || !(numbers(arg(0).toArray()) || strings(arg(0).toArray())))
                typeError(f, arg(0), u"['array-number', 'array-string']"_s);
            QList<QJsonValue> items;
            for (const QJsonValue &v : arg(0).toArray())
                items.append(v);
            std::stable_sort(items.begin(), items.end(), lessThan);
            if (f == u"sort")
                return toArray(items);
            if (items.isEmpty())
                return QJsonValue();
            return f == u"max" ? items.last() : items.first();
        }
        if (f == u"sort_by" || f == u"max_by" || f == u"min_by") {
            arity(f, argc, 2);
            if (!arg(0).isArray())
                typeError(f, arg(0), u"['array']"_s);
            const QJsonArray a = arg(0).toArray();
            const QList<QJsonValue> keys = mapped(f, *node.children.at(1), a);
            const bool allNumbers = std::all_of(
                keys.begin(), keys.end(), [](const QJsonValue &v) { return v.isDouble(); });
            const bool allStrings = std::all_of(
                keys.begin(), keys.end(), [](const QJsonValue &v) { return v.isString(); });
            if (!allNumbers && !allStrings)
                throw EvalError {u"In function %1(), invalid type for value: expected one of: "
                                 u"['number', 'string']"_s.arg(f)};
            std::vector<qsizetype> order(size_t(a.size()));
            for (qsizetype i = 0; i < a.size(); ++i)
                order[size_t(i)] = i;
            std::stable_sort(order.begin(), order.end(), [&](qsizetype l, qsizetype r) {
                return lessThan(keys.at(l), keys.at(r));
            });
            if (f == u"sort_by") {
                QJsonArray out;
                for (qsizetype i : order)
                    out.append(a.at(i));
                return out;
            }
            if (order.empty())
                return QJsonValue();
            if (f == u"min_by")
                return a.at(order.front());
            // The first of equal maxima, as Python's max().
            qsizetype best = order.back();
            for (qsizetype i : order) {
                if (!lessThan(keys.at(i), keys.at(best))) {
                    best = i;
                    break;
                }
            }
            return a.at(best);
        }
        if (f == u"map") {
            arity(f, argc, 2);
            if (!arg(1).isArray())
                typeError(f, arg(1), u"['array']"_s);
            return toArray(mapped(f, *node.children.at(0), arg(1).toArray()));
        }
        if (f == u"merge") {
            QJsonObject merged;
            for (const QJsonValue &v : args) {
                if (!v.isObject())
                    typeError(f, v, u"['object']"_s);
                const QJsonObject o = v.toObject();
                for (auto it = o.begin(); it != o.end(); ++it)
                    merged.insert(it.key(), it.value());
            }
            return merged;
        }
        throw EvalError {u"Unknown function: %1()"_s.arg(f)};
    }

    static bool lessThan(const QJsonValue &l, const QJsonValue &r)
    {
        if (l.isDouble() && r.isDouble())
            return l.toDouble() < r.toDouble();
        return l.toString() < r.toString();
    }

    static QJsonArray toArray(const QList<QJsonValue> &items)
    {
        QJsonArray out;
        for (const QJsonValue &v : items)
            out.append(v);
        return out;
    }
};

} // namespace

std::optional<Expression> Expression::compile(const QString &text)
{
    try {
        Parser parser(tokenize(text));
        Expression e;
        e.m_root = parser.parse();
        return e;
    } catch (const ParseError &) {
        return std::nullopt;
    }
}

QJsonValue Expression::search(const QJsonValue &data) const
{
    const QJsonValue result = Interpreter().visit(*m_root, data);
    return result.isUndefined() ? QJsonValue() : result;
}

} // namespace Jmes

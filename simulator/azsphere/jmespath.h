#pragma once

#include <QJsonValue>
#include <QString>

#include <memory>
#include <optional>

// The JMESPath subset behind --query (both dialects; docs/simulator.md lists what is supported).
// Semantics follow the Python reference implementation the real CLIs use: a missing field is
// null, projections drop null results, ordering comparators compare numbers (or two strings) and
// give null otherwise. Objects are Qt JSON objects, so their keys are always in sorted order.
namespace Jmes {

struct Node;

// A failure while evaluating (a function given the wrong type or number of arguments, an
// unknown function, a zero slice step). The message reads like the reference implementation's.
struct EvalError
{
    QString message;
};

class Expression
{
public:
    // nullopt when `text` is not a valid expression of the subset.
    static std::optional<Expression> compile(const QString &text);
    // The result; null when nothing matched. Throws EvalError.
    QJsonValue search(const QJsonValue &data) const;

private:
    std::shared_ptr<const Node> m_root;
};

} // namespace Jmes

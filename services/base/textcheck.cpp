#include "services/base/textcheck.h"

#include "services/base/tr.h"

using namespace Qt::Literals::StringLiterals;

namespace Station {

namespace {

QString codePoint(char32_t c)
{
    return u"U+"_s + QString::number(uint(c), 16).toUpper().rightJustified(4, u'0');
}

bool isBidiControl(char32_t c)
{
    return (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
}

} // namespace

QString nameTextProblem(const QString &text)
{
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (c.isHighSurrogate() && i + 1 < text.size() && text.at(i + 1).isLowSurrogate()) {
            ++i;
            continue;
        }
        if (c.isSurrogate())
            return Tr::tr("contains an unpaired surrogate (%1)").arg(codePoint(c.unicode()));
        const char32_t u = c.unicode();
        if (u == 0)
            return Tr::tr("contains the control character %1 (NUL)").arg(codePoint(u));
        if (c.category() == QChar::Other_Control)
            return Tr::tr("contains the control character %1").arg(codePoint(u));
        if (u == 0x2028 || u == 0x2029)
            return Tr::tr("contains a line or paragraph separator (%1)").arg(codePoint(u));
        if (isBidiControl(u))
            return Tr::tr("contains the bidirectional control character %1").arg(codePoint(u));
    }
    return {};
}

QString cloudNameProblem(const QString &text)
{
    if (text.isEmpty())
        return Tr::tr("must not be empty");
    if (text.size() > CloudNameMaxLength)
        return Tr::tr("is %1 characters long; Azure Sphere takes at most %2")
            .arg(text.size())
            .arg(CloudNameMaxLength);
    if (const QString control = nameTextProblem(text); !control.isEmpty())
        return control;
    for (const QChar c : text) {
        if (c.unicode() < 0x20 || c.unicode() > 0x7E)
            return Tr::tr("contains %1 (%2); only printable ASCII characters are allowed")
                .arg(QString(c), codePoint(c.unicode()));
        if (c == u'/')
            return Tr::tr("contains \"/\", which separates the product from the device group");
    }
    if (text.front() == u' ' || text.back() == u' ')
        return Tr::tr("begins or ends with a space");
    return {};
}

} // namespace Station

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

} // namespace Station

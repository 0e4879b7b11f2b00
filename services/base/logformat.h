#pragma once

// fmt::formatter<QString>, for the .cpp files that format with fmt or spdlog directly:
// fmt::format("{} took {} ms", stepName, ms). Writes the string as UTF-8.

#include <QByteArray>
#include <QString>

#include <fmt/format.h>

template <> struct fmt::formatter<QString> : fmt::formatter<fmt::string_view>
{
    template <typename FormatContext> auto format(const QString &text, FormatContext &ctx) const
    {
        const QByteArray utf8 = text.toUtf8();
        return fmt::formatter<fmt::string_view>::format(
            fmt::string_view(utf8.constData(), static_cast<size_t>(utf8.size())), ctx);
    }
};

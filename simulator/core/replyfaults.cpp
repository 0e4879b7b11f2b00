#include "simulator/core/replyfaults.h"

#include <QByteArray>

#include <cstdio>

namespace Sim {

namespace {

constexpr qsizetype PaddingLineBytes = 1024; // 1023 spaces and a newline

} // namespace

void printOversizedTail(bool toStderr)
{
    FILE *stream = toStderr ? stderr : stdout;
    std::fflush(stdout);
    std::fflush(stderr);
    QByteArray line(PaddingLineBytes, ' ');
    line.back() = '\n';
    for (qint64 written = 0; written < OversizedPaddingBytes; written += PaddingLineBytes)
        std::fwrite(line.constData(), 1, size_t(line.size()), stream);
    // Whitespace-only padding keeps the head valid; this line says the reply was not what its head
    // claims. A reader that keeps only the head never sees it.
    QByteArray error("error: The reply continues past ");
    error += QByteArray::number(OversizedPaddingBytes);
    error += " bytes of padding: the command's result is unknown (oversized-output fault).\n";
    std::fwrite(error.constData(), 1, size_t(error.size()), stream);
    std::fflush(stream);
}

} // namespace Sim

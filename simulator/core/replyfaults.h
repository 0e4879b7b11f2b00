#pragma once

#include <QtGlobal>

// What the reply-shaping faults print (docs/simulator.md "Faults"): `oversized-output` ends a
// command's normal reply with more padding than a capturing caller keeps (the station keeps
// 1 MiB per stream), then an error line that only a reader of the whole reply would see. Used by
// azsphere and the RF tools.
namespace Sim {

// 1 MiB + 64 KiB of padding: past the station's 1 MiB capture limit, whichever stream.
inline constexpr qint64 OversizedPaddingBytes = 1024 * 1024 + 64 * 1024;

// The padding (lines of spaces, so a JSON document before it still parses as one document)
// and then the error line, on stdout or (variant "stderr") on stderr. Flushed.
void printOversizedTail(bool toStderr);

} // namespace Sim

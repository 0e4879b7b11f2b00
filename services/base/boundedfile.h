#pragma once

#include "services/base/result.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

#include <functional>

namespace Station {

// The most the station reads of each kind of file it is given by path (docs/recipe.md §1.1).
// Each is far above what a real file of that kind holds, and low enough that a wrong path (a
// disk image, a log) is refused at once instead of filling the memory.
namespace FileLimit {
inline constexpr qint64 KiB = 1024;
inline constexpr qint64 MiB = 1024 * KiB;
// A recipe: a few KiB of JSON.
inline constexpr qint64 Recipe = 1 * MiB;
// Microsoft's mt3620an.json: tens of KiB.
inline constexpr qint64 OsVersions = 4 * MiB;
// One image package: applications are at most a few MiB, the largest OS recovery image about
// 20 MiB. The whole package is read, since its metadata sits at its end.
inline constexpr qint64 ImagePackage = 64 * MiB;
// An RF configuration ("expected" of rf-calibrate / rf-verify): exactly 1024 bytes; the limit
// leaves room for the loader to say "must be exactly 1024 bytes" for a plausible wrong file.
inline constexpr qint64 RfConfiguration = 64 * KiB;
// The station configuration (ini).
inline constexpr qint64 StationConfig = 1 * MiB;
} // namespace FileLimit

// "1 MiB", "64 KiB", "100 bytes": a limit as people read it (English; used inside messages).
QString fileLimitText(qint64 bytes);

// Reads the whole of a regular file, at most maxBytes. Never blocks on what is not a regular
// file: the file is opened with O_NONBLOCK and O_NOCTTY, the opened descriptor is checked with
// fstat (no stat-then-open race), and a FIFO, device, socket or folder is refused. At most
// maxBytes + 1 bytes are read, so a file that grows while it is read is refused as well.
// The Error's message is a phrase that names the path, in the recipe loader's style
// ("file not found: /x", "/x is a FIFO (named pipe), not a regular file", "/x is larger than
// the limit of 1 MiB", "cannot read /x: Permission denied"); the detail is technical.
// Codes: FileMissing (no such file), Io (anything else). Any thread.
[[nodiscard]] Result<QByteArray> readRegularFile(const QString &path, qint64 maxBytes);

// Told each slice (at most 64 KiB) as soon as it is read, with the file's size as fstat gave it
// before reading; returns false to stop, and the read then fails with ErrorCode::Cancelled.
using FileSliceObserver = std::function<bool(QByteArrayView slice, qint64 fileSize)>;

// readRegularFile that shows each slice to `observer` (e.g. to hash it and report progress, so a
// large file is hashed while it is read, and a cancel is seen between slices).
[[nodiscard]] Result<QByteArray> readRegularFile(
    const QString &path, qint64 maxBytes, const FileSliceObserver &observer);

// The first `count` bytes of a regular file (fewer if it is shorter), with the same checks and
// errors as readRegularFile but no size limit: for recognising a file by its header.
[[nodiscard]] Result<QByteArray> readRegularFileStart(const QString &path, qint64 count);

} // namespace Station

#pragma once

#include <QStringList>

// `sphere-sim serve [--home DIR]`: one pseudo-terminal per attached device running the UART test
// firmware (REFERENCE.md §8). Prints `UART <connection path> <pty path>` for every port it opens
// (at start, and again when a device is plugged in), keeps the symlink
// <bench>/uart/<connection path> -> pty, closes the pty on unplug, and runs until SIGTERM or
// SIGINT, then removes its symlinks.
namespace Sim {

// args are the arguments after "serve". Returns the process exit code: 0 after a signal,
// 1 when the bench cannot be read, 2 on a usage error.
int runServeCommand(const QStringList &args);

} // namespace Sim

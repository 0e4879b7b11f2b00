// libpowercut.so: the power-cut VFS (powercutvfs.h) for a program that knows nothing of it.
// Loaded with LD_PRELOAD, its constructor registers the VFS as SQLite's default before main(),
// so Qt's SQLite driver (built against the same system libsqlite3) opens every file through it.
// Configured by the environment:
//   POWERCUT_VFS_AT=N        cut the power at the N-th write (default 0: never, only count)
//   POWERCUT_VFS_AT_DURABLE=K  or at the K-th write of a commit that waits for the disk
//   POWERCUT_VFS_KEEP=P      share of the unsynced changes that reach the disk anyway (default 0)
//   POWERCUT_VFS_SEED=S      seed for that choice (default 1)
//   POWERCUT_VFS_LOG=FILE    log: start, database opens, the cut, the counters at a normal exit
//   POWERCUT_VFS_TRACE=1     also log every write and sync
//   POWERCUT_VFS_PROGRAM=X   only in the program named X (the tools it starts inherit the
//                            preload and stay untouched)
#include "tests/powercut/powercutvfs.h"

#include <cerrno>
#include <cstdlib>
#include <cstring>

namespace {

bool g_installed = false;

std::uint64_t numberFromEnvironment(const char *name, std::uint64_t fallback)
{
    const char *text = std::getenv(name);
    if (!text || !*text)
        return fallback;
    char *end = nullptr;
    errno = 0;
    const unsigned long long value = std::strtoull(text, &end, 10);
    return errno == 0 && *end == '\0' ? value : fallback;
}

__attribute__((constructor)) void installFromEnvironment()
{
    const char *program = std::getenv("POWERCUT_VFS_PROGRAM");
    if (program && *program && std::strcmp(program, program_invocation_short_name) != 0)
        return;
    PowerCut::VfsOptions options;
    options.cutAtWrite = numberFromEnvironment("POWERCUT_VFS_AT", 0);
    options.cutAtDurableCommitWrite = numberFromEnvironment("POWERCUT_VFS_AT_DURABLE", 0);
    options.seed = numberFromEnvironment("POWERCUT_VFS_SEED", 1);
    options.trace = numberFromEnvironment("POWERCUT_VFS_TRACE", 0) != 0;
    if (const char *keep = std::getenv("POWERCUT_VFS_KEEP"))
        options.keepShare = std::strtod(keep, nullptr);
    if (const char *log = std::getenv("POWERCUT_VFS_LOG"))
        options.logPath = log;
    g_installed = PowerCut::installVfs(options);
}

// A normal exit only: a cut ends the process with _exit().
__attribute__((destructor)) void logAtExit()
{
    if (g_installed)
        PowerCut::logCounters("exit");
}

} // namespace

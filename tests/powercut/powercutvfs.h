#pragma once

#include <cstdint>
#include <string>

// A SQLite VFS for power-cut tests. It forwards every call to the default VFS (unix) and keeps,
// per file, what a power cut would take back: the original bytes of every range written or
// truncated since that file's last xSync, and its size at that sync. At a chosen write it cuts
// the power: every change not made durable by an xSync of its file is undone (in reverse order,
// then the file is truncated to its synced size), a file whose directory entry was never synced
// disappears, the -shm files are removed, and the process ends at once (_exit, no destructors).
// Thread-safe: one lock serialises every write, truncate and sync of the files it tracks (the
// database, its write-ahead log and rollback journals; temporary files are not tracked).
namespace PowerCut {

struct VfsOptions
{
    // The 1-based write that meets the cut; 0 = never cut (and keep no copies: only count).
    std::uint64_t cutAtWrite = 0;
    // Or the cut meets the K-th write of a commit that waits for the disk (see VfsCounters).
    std::uint64_t cutAtDurableCommitWrite = 0;
    // Share of the unsynced changes that reach the disk anyway (chosen with `seed`). 0: every
    // unsynced change is lost (the worst case a disk may produce, and the default).
    double keepShare = 0.0;
    std::uint64_t seed = 1;
    std::string logPath; // the log (appended, one line per event); empty: no log
    bool trace = false;  // also log every write and sync (a calibration run)
};

// What the VFS saw, for tests and the log. "Durable-commit writes" are writes to a
// write-ahead log by a connection whose PRAGMA synchronous was FULL (or EXTRA) at the time:
// the writes of a commit that waits for an fsync.
struct VfsCounters
{
    std::uint64_t writes = 0; // every tracked write; the numbering cutAtWrite counts
    std::uint64_t dbWrites = 0;
    std::uint64_t walWrites = 0;
    std::uint64_t journalWrites = 0;
    std::uint64_t durableCommitWrites = 0;
    std::uint64_t truncates = 0;
    std::uint64_t syncs = 0;
    std::uint64_t dbSyncs = 0;
    std::uint64_t walSyncs = 0;
    std::uint64_t directorySyncs = 0;
    std::uint64_t dbOpens = 0;
};

// The exit code of a process whose power was cut.
constexpr int CutExitCode = 86;

// Registers the VFS as the process's default (the first call only). False if SQLite has no
// default VFS to forward to.
bool installVfs(const VfsOptions &options);
VfsCounters vfsCounters();
// Appends "<what> pid=... writes=... ..." (the counters) to the log.
void logCounters(const char *what);

} // namespace PowerCut

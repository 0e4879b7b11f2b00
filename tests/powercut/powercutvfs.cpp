#include "tests/powercut/powercutvfs.h"

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <map>
#include <memory>
#include <mutex>
#include <random>
#include <set>
#include <sqlite3.h>
#include <strings.h>
#include <unistd.h>
#include <utility>
#include <vector>

namespace PowerCut {

namespace {

enum class FileKind { Database, Wal, Journal };

const char *kindName(FileKind kind)
{
    switch (kind) {
    case FileKind::Database:
        return "db";
    case FileKind::Wal:
        return "wal";
    case FileKind::Journal:
        return "journal";
    }
    return "?";
}

// One write or truncate since its file's last sync, with the bytes it replaced.
struct Change
{
    bool isTruncate = false;
    std::int64_t offset = 0;           // a write: where; a truncate: the new size
    std::vector<unsigned char> before; // the bytes it replaced (only those that existed)
    std::vector<unsigned char> after;  // a write, when some changes may be kept: its bytes
    std::size_t amount = 0;            // bytes written or cut off
};

// One file as the disk would hold it after a power cut; shared by every handle on it (an fsync
// through any descriptor makes the whole file durable).
struct FileState
{
    std::string path;
    FileKind kind = FileKind::Database;
    std::int64_t syncedSize = 0;
    // False while a file this process created waits for a sync of its directory: until then
    // the file itself may vanish with the power.
    bool entryDurable = true;
    std::vector<Change> changes; // since the last sync, in order
    int handles = 0;
    bool deleted = false;
};

// The head of the memory SQLite allocates for a tracked file; the default VFS's own file
// follows it (at HeadSize).
struct File
{
    sqlite3_file base; // pMethods: the VFS's methods
    sqlite3_file *real = nullptr;
    FileState *state = nullptr;
    File *database = nullptr; // a log or journal: the handle of its database (its connection)
    // A database handle: its connection's PRAGMA synchronous (SQLite's default is FULL).
    int synchronous = 2;
};

constexpr std::size_t HeadSize = (sizeof(File) + 15) & ~std::size_t(15);

struct Vfs
{
    // Serialises tracked writes, truncates and syncs (and the cut) across threads: a cut must
    // not meet another thread half way through a write it has logged.
    std::recursive_mutex lock;
    VfsOptions options;
    sqlite3_vfs *base = nullptr;
    sqlite3_vfs vfs {};
    sqlite3_io_methods methods {};
    bool methodsReady = false;
    std::map<std::string, std::unique_ptr<FileState>> files;
    std::set<std::string> databases;
    VfsCounters counters;
    int logFd = -1;
    std::mt19937_64 random;
    sqlite3_syscall_ptr openDirectory = nullptr;
};

// Never destroyed: SQLite may still close files while static objects are destroyed.
Vfs &vfs()
{
    static Vfs *instance = new Vfs;
    return *instance;
}

File *head(sqlite3_file *file)
{
    return reinterpret_cast<File *>(file);
}

void logLine(const std::string &line)
{
    const int fd = vfs().logFd;
    if (fd < 0)
        return;
    const std::string text = line + '\n';
    const char *data = text.data();
    std::size_t left = text.size();
    while (left > 0) {
        const ssize_t written = ::write(fd, data, left);
        if (written < 0 && errno == EINTR)
            continue;
        if (written <= 0)
            return;
        data += written;
        left -= std::size_t(written);
    }
}

std::string number(std::uint64_t value)
{
    return std::to_string(value);
}

std::string countersText(const VfsCounters &c)
{
    return "writes=" + number(c.writes) + " db-writes=" + number(c.dbWrites)
        + " wal-writes=" + number(c.walWrites) + " journal-writes=" + number(c.journalWrites)
        + " durable-commit-writes=" + number(c.durableCommitWrites)
        + " truncates=" + number(c.truncates) + " syncs=" + number(c.syncs)
        + " db-syncs=" + number(c.dbSyncs) + " wal-syncs=" + number(c.walSyncs)
        + " directory-syncs=" + number(c.directorySyncs) + " db-opens=" + number(c.dbOpens);
}

std::int64_t sizeOf(sqlite3_file *real)
{
    sqlite3_int64 size = 0;
    return real->pMethods->xFileSize(real, &size) == SQLITE_OK ? size : 0;
}

// The bytes of [from, to) that exist in the file now.
std::vector<unsigned char> readRange(sqlite3_file *real, std::int64_t from, std::int64_t to)
{
    to = std::min(to, sizeOf(real));
    if (to <= from)
        return {};
    std::vector<unsigned char> bytes(std::size_t(to - from));
    if (real->pMethods->xRead(real, bytes.data(), int(bytes.size()), from) != SQLITE_OK)
        bytes.clear();
    return bytes;
}

bool writeAll(int fd, const std::vector<unsigned char> &bytes, std::int64_t offset)
{
    std::size_t done = 0;
    while (done < bytes.size()) {
        const ssize_t written
            = ::pwrite(fd, bytes.data() + done, bytes.size() - done, off_t(offset + done));
        if (written < 0 && errno == EINTR)
            continue;
        if (written <= 0)
            return false;
        done += std::size_t(written);
    }
    return true;
}

std::string directoryOf(const std::string &path)
{
    const std::size_t slash = path.rfind('/');
    return slash == std::string::npos ? std::string(".") : path.substr(0, slash);
}

// PRAGMA synchronous's values as SQLite reads them.
int synchronousLevel(const char *value)
{
    if (value[0] >= '0' && value[0] <= '9')
        return std::atoi(value) & 3;
    static const std::pair<const char *, int> names[] {{"off", 0},
        {"no", 0},
        {"false", 0},
        {"normal", 1},
        {"on", 1},
        {"yes", 1},
        {"true", 1},
        {"full", 2},
        {"extra", 3}};
    for (const auto &[name, level] : names) {
        if (::strcasecmp(value, name) == 0)
            return level;
    }
    return 1;
}

// What a write is, for the log: a page of the database (a checkpoint), a rollback journal, or
// in the write-ahead log its header, a frame header (of a commit frame or not) or a page.
const char *writeClass(FileKind kind, const void *data, int amount, sqlite3_int64 offset)
{
    if (kind == FileKind::Database)
        return "db-page";
    if (kind == FileKind::Journal)
        return "journal";
    if (offset == 0 && amount == 32)
        return "wal-header";
    if (amount == 24) {
        const auto *bytes = static_cast<const unsigned char *>(data);
        const bool commit = bytes[4] || bytes[5] || bytes[6] || bytes[7];
        return commit ? "wal-commit-header" : "wal-frame-header";
    }
    return "wal-page";
}

int connectionSynchronous(const File *file)
{
    const File *database = file->state->kind == FileKind::Database ? file : file->database;
    return database ? database->synchronous : -1;
}

// The power fails: the disk keeps what was synced (and, with keepShare, a random part of the
// rest), the shared-memory index is gone, and so is the process. Called with the lock held.
[[noreturn]] void cutPower(const std::string &where)
{
    Vfs &v = vfs();
    std::bernoulli_distribution keep(v.options.keepShare);
    std::uint64_t dropped = 0;
    std::uint64_t kept = 0;
    std::uint64_t droppedBytes = 0;
    int removedFiles = 0;
    int restoredFiles = 0;
    for (const auto &[path, state] : v.files) {
        if (state->deleted)
            continue;
        if (!state->entryDurable) {
            // Created since its directory was last synced: the file is not on the disk.
            if (::unlink(path.c_str()) == 0)
                ++removedFiles;
            dropped += state->changes.size();
            continue;
        }
        if (state->changes.empty())
            continue;
        const int fd = ::open(path.c_str(), O_RDWR | O_CLOEXEC);
        if (fd < 0) {
            logLine("cut-error cannot open " + path + ": " + std::strerror(errno));
            continue;
        }
        std::vector<bool> keeps(state->changes.size());
        for (std::size_t i = 0; i < keeps.size(); ++i)
            keeps[i] = v.options.keepShare > 0 && keep(v.random);
        bool ok = true;
        for (auto it = state->changes.rbegin(); it != state->changes.rend(); ++it)
            ok = writeAll(fd, it->before, it->offset) && ok;
        ok = ::ftruncate(fd, off_t(state->syncedSize)) == 0 && ok;
        for (std::size_t i = 0; i < keeps.size(); ++i) {
            const Change &change = state->changes[i];
            if (!keeps[i]) {
                ++dropped;
                droppedBytes += change.amount;
                continue;
            }
            ++kept;
            ok = (change.isTruncate ? ::ftruncate(fd, off_t(change.offset)) == 0
                                    : writeAll(fd, change.after, change.offset))
                && ok;
        }
        ::close(fd);
        if (!ok)
            logLine("cut-error cannot restore " + path + ": " + std::strerror(errno));
        ++restoredFiles;
    }
    int removedShm = 0;
    for (const std::string &database : v.databases) {
        if (::unlink((database + "-shm").c_str()) == 0)
            ++removedShm;
    }
    logLine("cut " + where + " dropped-changes=" + number(dropped) + " kept-changes=" + number(kept)
        + " dropped-bytes=" + number(droppedBytes)
        + " restored-files=" + number(std::uint64_t(restoredFiles))
        + " removed-files=" + number(std::uint64_t(removedFiles))
        + " removed-shm=" + number(std::uint64_t(removedShm)) + " " + countersText(v.counters));
    ::_exit(CutExitCode);
}

bool cutsPower()
{
    const VfsOptions &options = vfs().options;
    return options.cutAtWrite > 0 || options.cutAtDurableCommitWrite > 0;
}

// ----- the file methods ----------------------------------------------------------------------

int fileClose(sqlite3_file *file)
{
    File *f = head(file);
    const int closed = f->real->pMethods->xClose(f->real);
    Vfs &v = vfs();
    const std::lock_guard guard(v.lock);
    if (--f->state->handles == 0 && f->state->deleted) {
        const auto it = v.files.find(f->state->path);
        if (it != v.files.end() && it->second.get() == f->state)
            v.files.erase(it);
        else
            delete f->state; // a new file of the same name has replaced it in the map
    }
    return closed;
}

int fileRead(sqlite3_file *file, void *data, int amount, sqlite3_int64 offset)
{
    sqlite3_file *real = head(file)->real;
    return real->pMethods->xRead(real, data, amount, offset);
}

int fileWrite(sqlite3_file *file, const void *data, int amount, sqlite3_int64 offset)
{
    File *f = head(file);
    Vfs &v = vfs();
    const std::lock_guard guard(v.lock);
    VfsCounters &c = v.counters;
    const std::uint64_t index = ++c.writes;
    const FileKind kind = f->state->kind;
    ++(kind == FileKind::Database ? c.dbWrites
                                  : (kind == FileKind::Wal ? c.walWrites : c.journalWrites));
    const int synchronous = connectionSynchronous(f);
    const bool durableCommit = kind == FileKind::Wal && synchronous >= 2;
    if (durableCommit)
        ++c.durableCommitWrites;
    const char *what = writeClass(kind, data, amount, offset);
    const bool cutNow = index == v.options.cutAtWrite
        || (durableCommit && c.durableCommitWrites == v.options.cutAtDurableCommitWrite);
    if (v.options.trace || cutNow) {
        const std::string where = "write=" + number(index) + " file=" + kindName(kind)
            + " class=" + what + " sync=" + std::to_string(synchronous)
            + " durable-commit=" + (durableCommit ? "1" : "0") + " offset=" + std::to_string(offset)
            + " amount=" + std::to_string(amount);
        if (cutNow)
            cutPower(where);
        logLine("w " + where);
    }

    if (!cutsPower()) // counting only: nothing will be taken back
        return f->real->pMethods->xWrite(f->real, data, amount, offset);
    Change change;
    change.offset = offset;
    change.amount = std::size_t(amount);
    change.before = readRange(f->real, offset, offset + amount);
    if (v.options.keepShare > 0) {
        const auto *bytes = static_cast<const unsigned char *>(data);
        change.after.assign(bytes, bytes + amount);
    }
    f->state->changes.push_back(std::move(change));
    return f->real->pMethods->xWrite(f->real, data, amount, offset);
}

int fileTruncate(sqlite3_file *file, sqlite3_int64 size)
{
    File *f = head(file);
    Vfs &v = vfs();
    const std::lock_guard guard(v.lock);
    ++v.counters.truncates;
    if (!cutsPower())
        return f->real->pMethods->xTruncate(f->real, size);
    Change change;
    change.isTruncate = true;
    change.offset = size;
    change.before = readRange(f->real, size, sizeOf(f->real));
    change.amount = change.before.size();
    f->state->changes.push_back(std::move(change));
    return f->real->pMethods->xTruncate(f->real, size);
}

int fileSync(sqlite3_file *file, int flags)
{
    File *f = head(file);
    Vfs &v = vfs();
    const std::lock_guard guard(v.lock);
    const int synced = f->real->pMethods->xSync(f->real, flags);
    if (synced != SQLITE_OK)
        return synced;
    f->state->changes.clear();
    f->state->syncedSize = sizeOf(f->real);
    VfsCounters &c = v.counters;
    ++c.syncs;
    if (f->state->kind == FileKind::Database)
        ++c.dbSyncs;
    else if (f->state->kind == FileKind::Wal)
        ++c.walSyncs;
    if (v.options.trace)
        logLine("s after-write=" + number(c.writes) + " file=" + kindName(f->state->kind));
    return synced;
}

int fileFileSize(sqlite3_file *file, sqlite3_int64 *size)
{
    sqlite3_file *real = head(file)->real;
    return real->pMethods->xFileSize(real, size);
}

int fileLock(sqlite3_file *file, int level)
{
    sqlite3_file *real = head(file)->real;
    return real->pMethods->xLock(real, level);
}

int fileUnlock(sqlite3_file *file, int level)
{
    sqlite3_file *real = head(file)->real;
    return real->pMethods->xUnlock(real, level);
}

int fileCheckReservedLock(sqlite3_file *file, int *reserved)
{
    sqlite3_file *real = head(file)->real;
    return real->pMethods->xCheckReservedLock(real, reserved);
}

int fileFileControl(sqlite3_file *file, int op, void *argument)
{
    File *f = head(file);
    // Every PRAGMA is offered to the VFS first (while the statement is prepared, which is when
    // SQLite applies PRAGMA synchronous): [1] is the name, [2] the value or null.
    if (op == SQLITE_FCNTL_PRAGMA && f->state->kind == FileKind::Database) {
        char **pragma = static_cast<char **>(argument);
        if (pragma[1] && pragma[2] && ::strcasecmp(pragma[1], "synchronous") == 0) {
            const std::lock_guard guard(vfs().lock);
            f->synchronous = synchronousLevel(pragma[2]);
        }
    }
    return f->real->pMethods->xFileControl(f->real, op, argument);
}

int fileSectorSize(sqlite3_file *file)
{
    sqlite3_file *real = head(file)->real;
    return real->pMethods->xSectorSize(real);
}

int fileDeviceCharacteristics(sqlite3_file *file)
{
    sqlite3_file *real = head(file)->real;
    return real->pMethods->xDeviceCharacteristics(real);
}

int fileShmMap(sqlite3_file *file, int region, int size, int extend, void volatile **memory)
{
    sqlite3_file *real = head(file)->real;
    return real->pMethods->xShmMap(real, region, size, extend, memory);
}

int fileShmLock(sqlite3_file *file, int offset, int count, int flags)
{
    sqlite3_file *real = head(file)->real;
    return real->pMethods->xShmLock(real, offset, count, flags);
}

void fileShmBarrier(sqlite3_file *file)
{
    sqlite3_file *real = head(file)->real;
    real->pMethods->xShmBarrier(real);
}

int fileShmUnmap(sqlite3_file *file, int deleteFlag)
{
    sqlite3_file *real = head(file)->real;
    return real->pMethods->xShmUnmap(real, deleteFlag);
}

int fileFetch(sqlite3_file *file, sqlite3_int64 offset, int amount, void **pointer)
{
    sqlite3_file *real = head(file)->real;
    return real->pMethods->xFetch(real, offset, amount, pointer);
}

int fileUnfetch(sqlite3_file *file, sqlite3_int64 offset, void *pointer)
{
    sqlite3_file *real = head(file)->real;
    return real->pMethods->xUnfetch(real, offset, pointer);
}

void prepareMethods(const sqlite3_io_methods &real)
{
    sqlite3_io_methods &m = vfs().methods;
    m.iVersion = real.iVersion;
    m.xClose = &fileClose;
    m.xRead = &fileRead;
    m.xWrite = &fileWrite;
    m.xTruncate = &fileTruncate;
    m.xSync = &fileSync;
    m.xFileSize = &fileFileSize;
    m.xLock = &fileLock;
    m.xUnlock = &fileUnlock;
    m.xCheckReservedLock = &fileCheckReservedLock;
    m.xFileControl = &fileFileControl;
    m.xSectorSize = &fileSectorSize;
    m.xDeviceCharacteristics = &fileDeviceCharacteristics;
    if (real.iVersion >= 2) {
        m.xShmMap = &fileShmMap;
        m.xShmLock = &fileShmLock;
        m.xShmBarrier = &fileShmBarrier;
        m.xShmUnmap = &fileShmUnmap;
    }
    if (real.iVersion >= 3) {
        m.xFetch = &fileFetch;
        m.xUnfetch = &fileUnfetch;
    }
    vfs().methodsReady = true;
}

// ----- the VFS methods -----------------------------------------------------------------------

int vfsOpen(sqlite3_vfs *, sqlite3_filename name, sqlite3_file *file, int flags, int *outFlags)
{
    Vfs &v = vfs();
    constexpr int Tracked = SQLITE_OPEN_MAIN_DB | SQLITE_OPEN_WAL | SQLITE_OPEN_MAIN_JOURNAL
        | SQLITE_OPEN_SUPER_JOURNAL;
    if (!name || !(flags & Tracked)) // temporary files: nothing a power cut could matter to
        return v.base->xOpen(v.base, name, file, flags, outFlags);

    File *f = head(file);
    f->base.pMethods = nullptr;
    f->real = reinterpret_cast<sqlite3_file *>(reinterpret_cast<char *>(file) + HeadSize);
    f->real->pMethods = nullptr;
    f->state = nullptr;
    f->database = nullptr;
    f->synchronous = 2;
    const bool existed = ::access(name, F_OK) == 0;
    const int opened = v.base->xOpen(v.base, name, f->real, flags, outFlags);
    if (opened != SQLITE_OK) {
        if (f->real->pMethods)
            f->real->pMethods->xClose(f->real);
        return opened;
    }

    const std::lock_guard guard(v.lock);
    if (!v.methodsReady)
        prepareMethods(*f->real->pMethods);
    const FileKind kind = (flags & SQLITE_OPEN_MAIN_DB)
        ? FileKind::Database
        : ((flags & SQLITE_OPEN_WAL) ? FileKind::Wal : FileKind::Journal);
    std::unique_ptr<FileState> &state = v.files[name];
    if (!state || state->deleted) {
        // What was on the disk before this process touched it counts as durable.
        if (state && state->handles > 0)
            state.release(); // still referenced by the handles of the deleted file: leaked
        state = std::make_unique<FileState>();
        state->path = name;
        state->kind = kind;
        state->syncedSize = sizeOf(f->real);
        state->entryDurable = existed || !v.openDirectory;
    }
    ++state->handles;
    f->state = state.get();
    if (kind == FileKind::Database) {
        ++v.counters.dbOpens;
        if (v.databases.insert(name).second)
            logLine(std::string("open db ") + name);
    } else {
        // The log's connection: its PRAGMA synchronous says whether a commit waits for a sync.
        sqlite3_file *database = sqlite3_database_file_object(name);
        if (database && database->pMethods == &v.methods)
            f->database = head(database);
    }
    f->base.pMethods = &v.methods;
    return SQLITE_OK;
}

int vfsDelete(sqlite3_vfs *, const char *name, int syncDirectory)
{
    Vfs &v = vfs();
    const int deleted = v.base->xDelete(v.base, name, syncDirectory);
    // Taken as durable: SQLite deletes a log only once everything in it is in the database
    // and synced, so a log that came back after a cut would hold nothing new.
    const std::lock_guard guard(v.lock);
    if (const auto it = v.files.find(name); it != v.files.end()) {
        if (it->second->handles == 0)
            v.files.erase(it);
        else
            it->second->deleted = true;
    }
    return deleted;
}

// The unix VFS opens a file's directory only to fsync it (after creating a log or journal): from
// then on the directory entries of the files created in it survive a power cut.
int openDirectory(const char *path, int *fd)
{
    Vfs &v = vfs();
    const int opened = reinterpret_cast<int (*)(const char *, int *)>(v.openDirectory)(path, fd);
    if (opened == SQLITE_OK) {
        const std::lock_guard guard(v.lock);
        ++v.counters.directorySyncs;
        const std::string directory = directoryOf(path);
        for (const auto &[name, state] : v.files) {
            if (directoryOf(name) == directory)
                state->entryDurable = true;
        }
    }
    return opened;
}

} // namespace

bool installVfs(const VfsOptions &options)
{
    Vfs &v = vfs();
    const std::lock_guard guard(v.lock);
    if (v.base)
        return true;
    sqlite3_vfs *base = sqlite3_vfs_find(nullptr);
    if (!base)
        return false;
    v.base = base;
    v.options = options;
    v.random.seed(options.seed);
    if (!options.logPath.empty())
        v.logFd = ::open(options.logPath.c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0644);

    v.vfs = *base;
    v.vfs.pNext = nullptr;
    v.vfs.zName = "powercut";
    v.vfs.szOsFile = int(HeadSize) + base->szOsFile;
    v.vfs.xOpen = &vfsOpen;
    v.vfs.xDelete = &vfsDelete;
    // Without the hook every directory entry counts as durable (the milder assumption).
    if (base->iVersion >= 3 && base->xGetSystemCall && base->xSetSystemCall) {
        const sqlite3_syscall_ptr original = base->xGetSystemCall(base, "openDirectory");
        if (original
            && base->xSetSystemCall(
                   base, "openDirectory", reinterpret_cast<sqlite3_syscall_ptr>(&openDirectory))
                == SQLITE_OK) {
            v.openDirectory = original;
        }
    }
    const bool registered = sqlite3_vfs_register(&v.vfs, 1) == SQLITE_OK;
    char keepShare[32];
    std::snprintf(keepShare, sizeof keepShare, "%g", options.keepShare);
    logLine("start pid=" + std::to_string(::getpid()) + " cut-at=" + number(options.cutAtWrite)
        + " cut-at-durable-commit-write=" + number(options.cutAtDurableCommitWrite)
        + " keep-share=" + keepShare + " seed=" + number(options.seed)
        + " directory-hook=" + (v.openDirectory ? "yes" : "no")
        + " registered=" + (registered ? "yes" : "no") + " sqlite=" + sqlite3_libversion());
    return registered;
}

VfsCounters vfsCounters()
{
    Vfs &v = vfs();
    const std::lock_guard guard(v.lock);
    return v.counters;
}

void logCounters(const char *what)
{
    Vfs &v = vfs();
    const std::lock_guard guard(v.lock);
    logLine(
        std::string(what) + " pid=" + std::to_string(::getpid()) + " " + countersText(v.counters));
}

} // namespace PowerCut

#pragma once
#include <sys/resource.h>
#include <sys/types.h>

/// The rlimit resources the sandbox sets (Swift's Glibc does not export all of them).
enum {
    TH_RLIMIT_CPU = RLIMIT_CPU,
    TH_RLIMIT_FSIZE = RLIMIT_FSIZE,
    TH_RLIMIT_CORE = RLIMIT_CORE,
    TH_RLIMIT_AS = RLIMIT_AS,
    TH_RLIMIT_NPROC = RLIMIT_NPROC,
};

/// One resource limit applied in the child before exec (a `RLIMIT_*` constant and its values).
typedef struct {
    int resource;
    unsigned long long soft;
    unsigned long long hard;
} th_rlimit;

/// What the child does between fork and exec. Every pointer is read before `th_spawn` returns.
typedef struct {
    /// Absolute path of the program to exec (no PATH search).
    const char *path;
    /// NULL-terminated argument and environment vectors; envp is used exactly as given.
    char *const *argv;
    char *const *envp;
    /// The child's fd `i` becomes `fd_sources[i]` for i < fd_count; -1 leaves fd `i` closed.
    /// Every other descriptor is closed at exec.
    const int *fd_sources;
    int fd_count;
    /// Open `cgroup.procs` files (one per controller) the child writes its own pid into.
    const int *cgroup_fds;
    int cgroup_fd_count;
    const th_rlimit *limits;
    int limit_count;
} th_spawn_request;

/// Forks and execs `request->path` in a new session, with the parent-death signal SIGKILL, the
/// given rlimits and control groups, and exactly the given descriptors. Returns 0 and the child's
/// pid, or an errno; `failed_step` then names the step that failed ("fork", "cgroup", "setrlimit",
/// "dup2", "execve", ...) and the child has already been reaped.
int th_spawn(const th_spawn_request *request, pid_t *pid_out, const char **failed_step);

/// A descriptor that becomes readable when `pid` exits (pidfd_open), or -1 with errno.
int th_pidfd_open(pid_t pid);

/// pipe2(2), which Swift's Glibc module does not export: both ends get `flags` (O_CLOEXEC, O_NONBLOCK).
int th_pipe(int fds[2], int flags);

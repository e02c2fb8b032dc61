// spawn with the setup posix_spawn cannot do: rlimits, a cgroup, PR_SET_PDEATHSIG.
// Like glibc's posix_spawn, the child is a clone(CLONE_VM|CLONE_VFORK) on its own small stack:
// no page tables are copied and the parent's pages are not made copy-on-write, which fork would
// do for the whole harness on every run. Between clone and execve the child calls only
// async-signal-safe functions (and raw syscalls), and touches no memory but its stack and the
// request. All signals are blocked around the clone so no parent handler runs in the child.
#define _GNU_SOURCE
#include "sandbox_spawn.h"

#include <errno.h>
#include <pthread.h>
#include <fcntl.h>
#include <signal.h>
#include <string.h>
#include <sched.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#ifndef SYS_close_range
#define SYS_close_range 436
#endif
#ifndef CLOSE_RANGE_CLOEXEC
#define CLOSE_RANGE_CLOEXEC (1U << 2)
#endif
#ifndef SYS_pidfd_open
#define SYS_pidfd_open 434
#endif

enum step { STEP_SIGNALS = 1, STEP_SETSID, STEP_PDEATHSIG, STEP_CGROUP, STEP_SETRLIMIT, STEP_DUP2, STEP_CLOEXEC, STEP_EXECVE };

static const char *step_name(int step) {
    switch (step) {
    case STEP_SIGNALS: return "signals";
    case STEP_SETSID: return "setsid";
    case STEP_PDEATHSIG: return "prctl(PR_SET_PDEATHSIG)";
    case STEP_CGROUP: return "cgroup";
    case STEP_SETRLIMIT: return "setrlimit";
    case STEP_DUP2: return "dup2";
    case STEP_CLOEXEC: return "close_range";
    case STEP_EXECVE: return "execve";
    default: return "fork";
    }
}

static void write_all(int fd, const void *bytes, size_t count) {
    const char *cursor = bytes;
    while (count > 0) {
        ssize_t written = write(fd, cursor, count);
        if (written < 0 && errno == EINTR) continue;
        if (written <= 0) return;
        cursor += written;
        count -= (size_t)written;
    }
}

/// Reports the failed step and errno on the status pipe, then exits without running atexit handlers.
static void fail(int status_fd, int step) {
    int report[2] = { step, errno };
    write_all(status_fd, report, sizeof report);
    _exit(127);
}

static int decimal(pid_t value, char *buffer) {
    char digits[16];
    int count = 0;
    do { digits[count++] = (char)('0' + value % 10); value /= 10; } while (value > 0);
    for (int i = 0; i < count; i++) buffer[i] = digits[count - 1 - i];
    return count;
}

static void child(const th_spawn_request *request, int status_fd, pid_t parent) {
    // Dispositions set to "ignore" and blocked signals survive exec: start the child clean.
    // Handlers first, while every signal is still blocked, then the empty mask.
    struct sigaction standard;
    memset(&standard, 0, sizeof standard);
    standard.sa_handler = SIG_DFL;
    for (int signal_number = 1; signal_number < NSIG; signal_number++) {
        if (signal_number == SIGKILL || signal_number == SIGSTOP) continue;
        (void)sigaction(signal_number, &standard, NULL);
    }
    sigset_t none;
    sigemptyset(&none);
    if (sigprocmask(SIG_SETMASK, &none, NULL) != 0) fail(status_fd, STEP_SIGNALS);

    if (setsid() < 0) fail(status_fd, STEP_SETSID);
    if (prctl(PR_SET_PDEATHSIG, SIGKILL, 0, 0, 0) != 0) fail(status_fd, STEP_PDEATHSIG);
    if (getppid() != parent) _exit(127);  // the parent died before prctl took effect

    char pid_text[16];
    int pid_length = decimal(getpid(), pid_text);
    for (int i = 0; i < request->cgroup_fd_count; i++) {
        if (write(request->cgroup_fds[i], pid_text, (size_t)pid_length) != pid_length) fail(status_fd, STEP_CGROUP);
    }

    for (int i = 0; i < request->limit_count; i++) {
        struct rlimit limit = { (rlim_t)request->limits[i].soft, (rlim_t)request->limits[i].hard };
        if (setrlimit(request->limits[i].resource, &limit) != 0) fail(status_fd, STEP_SETRLIMIT);
    }

    // Move every source above the target range first, so no dup2 overwrites a later source.
    int moved[64];
    int count = request->fd_count < 64 ? request->fd_count : 64;
    for (int i = 0; i < count; i++) {
        moved[i] = -1;
        if (request->fd_sources[i] < 0) continue;
        moved[i] = fcntl(request->fd_sources[i], F_DUPFD, count > 3 ? count : 3);
        if (moved[i] < 0) fail(status_fd, STEP_DUP2);
    }
    for (int i = 0; i < count; i++) {
        if (moved[i] < 0) { (void)close(i); continue; }
        if (dup2(moved[i], i) < 0) fail(status_fd, STEP_DUP2);
    }
    // Everything above the mapped range closes at exec, including the status pipe on success.
    if (syscall(SYS_close_range, (unsigned)count, ~0U, CLOSE_RANGE_CLOEXEC) != 0) {
        long highest = sysconf(_SC_OPEN_MAX);
        if (highest < 0 || highest > 65536) highest = 65536;
        for (int fd = count; fd < highest; fd++) {
            if (fd != status_fd) (void)fcntl(fd, F_SETFD, FD_CLOEXEC);
        }
    }
    execve(request->path, request->argv, request->envp);
    fail(status_fd, STEP_EXECVE);
}

struct child_arguments {
    const th_spawn_request *request;
    int status_fd;
    pid_t parent;
};

static int child_entry(void *raw) {
    const struct child_arguments *arguments = raw;
    child(arguments->request, arguments->status_fd, arguments->parent);
    return 127;
}

/// The child's stack: its frames (the fd table copy, a few locals) fit many times over.
enum { CHILD_STACK_SIZE = 256 * 1024 };

int th_spawn(const th_spawn_request *request, pid_t *pid_out, const char **failed_step) {
    *failed_step = "fork";
    int status_pipe[2];
    if (pipe2(status_pipe, O_CLOEXEC) != 0) return errno;
    void *stack = mmap(NULL, CHILD_STACK_SIZE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_STACK, -1, 0);
    if (stack == MAP_FAILED) {
        int saved = errno;
        close(status_pipe[0]);
        close(status_pipe[1]);
        return saved;
    }
    struct child_arguments arguments = { request, status_pipe[1], getpid() };
    sigset_t all, previous;
    sigfillset(&all);
    pthread_sigmask(SIG_SETMASK, &all, &previous);
    // CLONE_VFORK: this thread waits here until the child has exec'd or exited.
    pid_t pid = clone(child_entry, (char *)stack + CHILD_STACK_SIZE, CLONE_VM | CLONE_VFORK | SIGCHLD, &arguments);
    int clone_errno = errno;
    pthread_sigmask(SIG_SETMASK, &previous, NULL);
    munmap(stack, CHILD_STACK_SIZE);
    if (pid < 0) {
        close(status_pipe[0]);
        close(status_pipe[1]);
        return clone_errno;
    }
    close(status_pipe[1]);
    int report[2] = { 0, 0 };
    ssize_t got;
    do { got = read(status_pipe[0], report, sizeof report); } while (got < 0 && errno == EINTR);
    close(status_pipe[0]);
    if (got == (ssize_t)sizeof report) {
        int status;
        while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {}
        *failed_step = step_name(report[0]);
        return report[1] != 0 ? report[1] : EIO;
    }
    *failed_step = NULL;
    *pid_out = pid;
    return 0;
}

int th_pidfd_open(pid_t pid) {
    return (int)syscall(SYS_pidfd_open, pid, 0);
}

int th_pipe(int fds[2], int flags) {
    return pipe2(fds, flags);
}

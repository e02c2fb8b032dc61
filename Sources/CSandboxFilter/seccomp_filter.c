// The sandbox's seccomp program, built with libseccomp and exported as raw BPF for bubblewrap.
// The policy is a deny list over an allow-all default: candidate code needs the ordinary syscall
// surface (interpreters, compilers, test runners), never the debugging, key-ring, BPF, io_uring,
// mount, module or namespace calls below, which are where kernel exploits and escapes live.
#define _GNU_SOURCE
#include "seccomp_filter.h"

#include <errno.h>
#include <sched.h>
#include <seccomp.h>
#include <stdlib.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <unistd.h>

#ifndef CLONE_NEWTIME
#define CLONE_NEWTIME 0x00000080
#endif

/// Syscalls that fail with EPERM: tracing and reading other processes, the kernel key ring, BPF,
/// performance counters, userfaultfd (a classic exploit primitive), every mount call old and new,
/// module loading, kexec, swap and process accounting, joining another namespace.
static const char *const denied[] = {
    "ptrace", "process_vm_readv", "process_vm_writev",
    "keyctl", "add_key", "request_key",
    "bpf", "perf_event_open", "userfaultfd",
    "mount", "umount2", "pivot_root", "fsopen", "fsconfig", "fsmount", "fspick", "move_mount", "open_tree",
    "mount_setattr",
    "kexec_load", "kexec_file_load", "init_module", "finit_module", "delete_module",
    "swapon", "swapoff", "acct", "setns",
};

/// Syscalls that fail with ENOSYS, so that runtimes take their fallback path: io_uring (the source
/// of many recent kernel bugs; libuv, Tokio and liburing fall back to epoll) and clone3, whose flags
/// sit in memory a filter cannot read (glibc falls back to clone, whose flags are checked below).
static const char *const unimplemented[] = {
    "io_uring_setup", "io_uring_enter", "io_uring_register", "clone3",
};

/// Namespace flags refused in clone and unshare: nested user namespaces give capabilities over new
/// mount and network namespaces, a large kernel surface no test needs.
static const unsigned long namespace_flags[] = {
    CLONE_NEWNS, CLONE_NEWCGROUP, CLONE_NEWUTS, CLONE_NEWIPC, CLONE_NEWUSER, CLONE_NEWPID, CLONE_NEWNET,
    CLONE_NEWTIME,
};

/// Terminal ioctls that push input into the controlling terminal or the console.
static const unsigned long denied_ioctls[] = { TIOCSTI, TIOCLINUX };

static int add(scmp_filter_ctx filter, const char *name, unsigned int count, const struct scmp_arg_cmp *args,
               uint32_t action, const char **failed_step) {
    int number = seccomp_syscall_resolve_name(name);
    if (number == __NR_SCMP_ERROR) {
        *failed_step = "seccomp_syscall_resolve_name";
        return EINVAL;
    }
    int rc = seccomp_rule_add_array(filter, action, number, count, args);
    if (rc != 0) *failed_step = "seccomp_rule_add";
    return -rc;
}

static int build(scmp_filter_ctx filter, const char **failed_step) {
    // Non-native ABIs (i386 through int 0x80, x32) are not in the filter: a call through one kills the process.
    int rc = seccomp_attr_set(filter, SCMP_FLTATR_ACT_BADARCH, SCMP_ACT_KILL_PROCESS);
    if (rc != 0) { *failed_step = "seccomp_attr_set"; return -rc; }
    for (size_t i = 0; i < sizeof denied / sizeof *denied; i++) {
        if ((rc = add(filter, denied[i], 0, NULL, SCMP_ACT_ERRNO(EPERM), failed_step)) != 0) return rc;
    }
    for (size_t i = 0; i < sizeof unimplemented / sizeof *unimplemented; i++) {
        if ((rc = add(filter, unimplemented[i], 0, NULL, SCMP_ACT_ERRNO(ENOSYS), failed_step)) != 0) return rc;
    }
    for (size_t i = 0; i < sizeof namespace_flags / sizeof *namespace_flags; i++) {
        struct scmp_arg_cmp flag = SCMP_A0(SCMP_CMP_MASKED_EQ, namespace_flags[i], namespace_flags[i]);
        if ((rc = add(filter, "unshare", 1, &flag, SCMP_ACT_ERRNO(EPERM), failed_step)) != 0) return rc;
        // clone's low byte is the exit signal, where CLONE_NEWTIME's bit lies; clone cannot ask for it.
        if (namespace_flags[i] == CLONE_NEWTIME) continue;
        if ((rc = add(filter, "clone", 1, &flag, SCMP_ACT_ERRNO(EPERM), failed_step)) != 0) return rc;
    }
    for (size_t i = 0; i < sizeof denied_ioctls / sizeof *denied_ioctls; i++) {
        // The kernel reads the request as 32 bits; compare only those, so high bits cannot hide it.
        struct scmp_arg_cmp request = SCMP_A1(SCMP_CMP_MASKED_EQ, 0xFFFFFFFFUL, denied_ioctls[i]);
        if ((rc = add(filter, "ioctl", 1, &request, SCMP_ACT_ERRNO(EPERM), failed_step)) != 0) return rc;
    }
    return 0;
}

/// Reads the whole of `fd` from its start into a malloc'd buffer.
static int read_back(int fd, unsigned char **bytes, size_t *length) {
    errno = 0;
    off_t size = lseek(fd, 0, SEEK_END);
    if (size <= 0 || lseek(fd, 0, SEEK_SET) != 0) return errno != 0 ? errno : EIO;
    unsigned char *buffer = malloc((size_t)size);
    if (buffer == NULL) return ENOMEM;
    size_t total = 0;
    while (total < (size_t)size) {
        ssize_t got = read(fd, buffer + total, (size_t)size - total);
        if (got < 0 && errno == EINTR) continue;
        if (got <= 0) { free(buffer); return got == 0 ? EIO : errno; }
        total += (size_t)got;
    }
    *bytes = buffer;
    *length = total;
    return 0;
}

int th_seccomp_program(unsigned char **bytes, size_t *length, const char **failed_step) {
    *bytes = NULL;
    *length = 0;
    *failed_step = "seccomp_init";
    scmp_filter_ctx filter = seccomp_init(SCMP_ACT_ALLOW);
    if (filter == NULL) return ENOMEM;
    int rc = build(filter, failed_step);
    if (rc == 0) {
        int fd = memfd_create("takehome-seccomp", MFD_CLOEXEC);
        if (fd < 0) {
            *failed_step = "memfd_create";
            rc = errno;
        } else {
            rc = -seccomp_export_bpf(filter, fd);
            if (rc != 0) *failed_step = "seccomp_export_bpf";
            else if ((rc = read_back(fd, bytes, length)) != 0) *failed_step = "read";
            close(fd);
        }
    }
    seccomp_release(filter);
    return rc;
}

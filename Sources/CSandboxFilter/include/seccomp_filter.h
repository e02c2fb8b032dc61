#pragma once
#include <stddef.h>

/// Builds the sandbox's seccomp program (a `struct sock_filter` array for bwrap's `--seccomp FD`):
/// everything is allowed except the syscalls a test never needs, which fail with EPERM (ENOSYS for
/// io_uring and clone3, so runtimes fall back), and any syscall of a non-native ABI (i386 through
/// `int 0x80`, x32), which kills the process. Returns 0 with a malloc'd program in `*bytes` (free it)
/// or an errno with `*failed_step` naming the libseccomp call that failed.
int th_seccomp_program(unsigned char **bytes, size_t *length, const char **failed_step);

// openat2(2), which neither glibc 2.36 nor Swift's Glibc module wraps.
#define _GNU_SOURCE
#include "untrusted_open.h"

#include <errno.h>
#include <stdint.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>

#ifndef SYS_openat2
#define SYS_openat2 437
#endif

/// struct open_how and the RESOLVE_* flags of <linux/openat2.h>, spelled out for older headers.
struct th_open_how {
    uint64_t flags;
    uint64_t mode;
    uint64_t resolve;
};
enum { TH_RESOLVE_NO_MAGICLINKS = 0x02, TH_RESOLVE_NO_SYMLINKS = 0x04, TH_RESOLVE_BENEATH = 0x08 };

int th_openat2_beneath(int directory_fd, const char *path, int flags) {
    struct th_open_how how;
    memset(&how, 0, sizeof how);
    how.flags = (uint64_t)(unsigned)flags;
    how.resolve = TH_RESOLVE_BENEATH | TH_RESOLVE_NO_SYMLINKS | TH_RESOLVE_NO_MAGICLINKS;
    return (int)syscall(SYS_openat2, directory_fd, path, &how, sizeof how);
}

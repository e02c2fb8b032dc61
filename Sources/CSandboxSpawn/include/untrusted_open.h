#pragma once

/// O_PATH, which Swift's Glibc module does not export (it needs _GNU_SOURCE).
enum { TH_O_PATH = 010000000 };

/// Opens `path` (relative) under `directory_fd` with `flags`, resolving it only beneath that
/// directory and following no symbolic link on the way (openat2 with RESOLVE_BENEATH,
/// RESOLVE_NO_SYMLINKS and RESOLVE_NO_MAGICLINKS). Returns the descriptor, or -1 with errno:
/// ELOOP for a symlink, EXDEV for an escape, ENOSYS when the kernel has no openat2 (before 5.6).
int th_openat2_beneath(int directory_fd, const char *path, int flags);

#ifndef TAKEHOME_CLIBGIT2_SHIM_H
#define TAKEHOME_CLIBGIT2_SHIM_H

#include <git2.h>

/// Loads libgit2's shared library (libgit2.so.<LIBGIT2_SOVERSION>, or the file TAKEHOME_LIBGIT2
/// names), once per process. Returns 0, or -1 with the loader's message in `message`.
/// The git_* functions of git2.h that takehome calls are defined in this target and forward to
/// the loaded library: takehome does not link libgit2, so that commands which never fetch
/// (metrics, verify, --version) do not load it and its fifteen dependencies (about 3.5 ms a start).
int takehome_libgit2_load(char *message, unsigned long size);

#endif

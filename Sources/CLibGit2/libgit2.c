// libgit2, loaded when first needed: see shim.h. Each function below has git2.h's declaration
// (the compiler checks the definition against it) and calls the library's own, looked up once.
#include "shim.h"

#include <dlfcn.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>

static void *library;
static char failure[512];
static pthread_once_t loaded = PTHREAD_ONCE_INIT;

static void load(void) {
    const char *name = getenv("TAKEHOME_LIBGIT2");
    if (name == NULL || *name == '\0') name = "libgit2.so." LIBGIT2_SOVERSION;
    library = dlopen(name, RTLD_NOW | RTLD_LOCAL);
    if (library == NULL) snprintf(failure, sizeof failure, "%s", dlerror());
}

int takehome_libgit2_load(char *message, unsigned long size) {
    pthread_once(&loaded, load);
    if (library != NULL) return 0;
    if (message != NULL && size > 0) snprintf(message, size, "%s", failure);
    return -1;
}

/// The library's `name`. Swift checks `takehome_libgit2_load` before its first call; a library
/// without a function git2.h declares is not the libgit2 these headers describe.
static void *symbol(const char *name) {
    pthread_once(&loaded, load);
    void *found = library != NULL ? dlsym(library, name) : NULL;
    if (found == NULL) {
        fprintf(stderr, "takehome: %s is not in libgit2 %s: %s\n", name, LIBGIT2_SOVERSION,
                library != NULL ? dlerror() : failure);
        abort();
    }
    return found;
}

/// In the body of git2.h's function `name`: `resolved`, the library's own, looked up on first use.
#define RESOLVE(name)                                                         \
    static __typeof__(name) *function;                                       \
    __typeof__(name) *resolved = __atomic_load_n(&function, __ATOMIC_ACQUIRE); \
    if (resolved == NULL) {                                                   \
        resolved = (__typeof__(name) *)symbol(#name);                         \
        __atomic_store_n(&function, resolved, __ATOMIC_RELEASE);              \
    }

#define FORWARD(result, name, parameters, arguments)                         \
    result name parameters {                                                  \
        RESOLVE(name)                                                         \
        return resolved arguments;                                            \
    }

#define FORWARD_VOID(name, parameters, arguments)                            \
    void name parameters {                                                    \
        RESOLVE(name)                                                         \
        resolved arguments;                                                   \
    }

FORWARD(int, git_libgit2_init, (void), ())
FORWARD(const git_error *, git_error_last, (void), ())

FORWARD(int, git_clone_options_init, (git_clone_options *opts, unsigned int version), (opts, version))
FORWARD(int, git_clone, (git_repository **out, const char *url, const char *local_path, const git_clone_options *options),
        (out, url, local_path, options))
FORWARD(int, git_credential_ssh_key_from_agent, (git_credential **out, const char *username), (out, username))
FORWARD(int, git_credential_ssh_key_new,
        (git_credential **out, const char *username, const char *publickey, const char *privatekey, const char *passphrase),
        (out, username, publickey, privatekey, passphrase))
FORWARD(int, git_credential_username_new, (git_credential **out, const char *username), (out, username))

FORWARD(int, git_repository_open_ext, (git_repository **out, const char *path, unsigned int flags, const char *ceiling_dirs),
        (out, path, flags, ceiling_dirs))
FORWARD_VOID(git_repository_free, (git_repository *repo), (repo))
FORWARD(const char *, git_repository_path, (const git_repository *repo), (repo))
FORWARD(int, git_repository_head, (git_reference **out, git_repository *repo), (out, repo))
FORWARD(int, git_repository_odb, (git_odb **out, git_repository *repo), (out, repo))

FORWARD_VOID(git_reference_free, (git_reference *ref), (ref))
FORWARD(int, git_reference_is_branch, (const git_reference *ref), (ref))
FORWARD(const char *, git_reference_shorthand, (const git_reference *ref), (ref))
FORWARD(int, git_revparse_single, (git_object **out, git_repository *repo, const char *spec), (out, repo, spec))
FORWARD(int, git_object_peel, (git_object **peeled, const git_object *object, git_object_t target_type),
        (peeled, object, target_type))
FORWARD_VOID(git_object_free, (git_object *object), (object))
FORWARD(char *, git_oid_tostr, (char *out, size_t n, const git_oid *id), (out, n, id))

FORWARD(int, git_commit_lookup, (git_commit **commit, git_repository *repo, const git_oid *id), (commit, repo, id))
FORWARD_VOID(git_commit_free, (git_commit *commit), (commit))
FORWARD(const git_oid *, git_commit_id, (const git_commit *commit), (commit))
FORWARD(const git_oid *, git_commit_tree_id, (const git_commit *commit), (commit))
FORWARD(const git_signature *, git_commit_author, (const git_commit *commit), (commit))
FORWARD(git_time_t, git_commit_time, (const git_commit *commit), (commit))

FORWARD(int, git_revwalk_new, (git_revwalk **out, git_repository *repo), (out, repo))
FORWARD(int, git_revwalk_push, (git_revwalk *walk, const git_oid *id), (walk, id))
FORWARD(int, git_revwalk_next, (git_oid *out, git_revwalk *walk), (out, walk))
FORWARD_VOID(git_revwalk_free, (git_revwalk *walk), (walk))

FORWARD(int, git_tree_lookup, (git_tree **out, git_repository *repo, const git_oid *id), (out, repo, id))
FORWARD_VOID(git_tree_free, (git_tree *tree), (tree))
FORWARD(size_t, git_tree_entrycount, (const git_tree *tree), (tree))
FORWARD(const git_tree_entry *, git_tree_entry_byindex, (const git_tree *tree, size_t idx), (tree, idx))
FORWARD(const char *, git_tree_entry_name, (const git_tree_entry *entry), (entry))
FORWARD(const git_oid *, git_tree_entry_id, (const git_tree_entry *entry), (entry))
FORWARD(git_filemode_t, git_tree_entry_filemode, (const git_tree_entry *entry), (entry))

FORWARD(int, git_blob_lookup, (git_blob **blob, git_repository *repo, const git_oid *id), (blob, repo, id))
FORWARD_VOID(git_blob_free, (git_blob *blob), (blob))
FORWARD(const void *, git_blob_rawcontent, (const git_blob *blob), (blob))
FORWARD(git_object_size_t, git_blob_rawsize, (const git_blob *blob), (blob))

FORWARD(int, git_odb_read_header, (size_t *len_out, git_object_t *type_out, git_odb *db, const git_oid *id),
        (len_out, type_out, db, id))
FORWARD_VOID(git_odb_free, (git_odb *db), (db))

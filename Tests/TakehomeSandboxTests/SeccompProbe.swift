import Foundation
import Testing

/// A small C program, compiled by the tests with gcc, that makes each syscall the seccomp filter
/// denies with harmless arguments and prints `name errno` (0 for success). With `--filter FILE` it
/// first installs that BPF program itself, so the filter can be compared with no filter on the
/// host; `i386` and `x32` make one getpid through those ABIs instead.
enum SeccompProbe {
    static let source = #"""
    #define _GNU_SOURCE
    #include <errno.h>
    #include <fcntl.h>
    #include <linux/filter.h>
    #include <linux/sched.h>
    #include <linux/seccomp.h>
    #include <sched.h>
    #include <signal.h>
    #include <stdint.h>
    #include <stdio.h>
    #include <stdlib.h>
    #include <string.h>
    #include <sys/ioctl.h>
    #include <sys/prctl.h>
    #include <sys/syscall.h>
    #include <sys/wait.h>
    #include <unistd.h>

    static const char *missing = "/nonexistent-takehome-probe";

    static void report(const char *name, long rc) { printf("%s %d\n", name, rc < 0 ? errno : 0); fflush(stdout); }

    /// clone and clone3 may succeed without the filter: the child leaves at once.
    static void report_child(const char *name, long rc) {
        if (rc == 0) _exit(0);
        if (rc > 0) waitpid((pid_t)rc, NULL, __WALL);
        report(name, rc);
    }

    static void load(const char *path) {
        FILE *file = fopen(path, "rb");
        static struct sock_filter program[4096];
        size_t count = fread(program, sizeof *program, 4096, file);
        struct sock_fprog filter = { (unsigned short)count, program };
        if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0 || prctl(PR_SET_SECCOMP, SECCOMP_MODE_FILTER, &filter) != 0) {
            perror("seccomp"); exit(2);
        }
    }

    int main(int argc, char **argv) {
        if (argc > 2 && strcmp(argv[1], "--filter") == 0) {
            load(argv[2]);
            argc -= 2;
            argv += 2;
        }
        if (argc > 1 && strcmp(argv[1], "i386") == 0) {
            long pid;
            __asm__ volatile ("int $0x80" : "=a"(pid) : "a"(20) : "memory", "r8", "r9", "r10", "r11");
            printf("i386 getpid %ld\n", pid);
            return 0;
        }
        if (argc > 1 && strcmp(argv[1], "x32") == 0) {
            long rc = syscall(0x40000000L | SYS_getpid);
            printf("x32 getpid %ld %d\n", rc, rc < 0 ? errno : 0);
            return 0;
        }
        int tty = open("/dev/null", O_RDONLY);
        char byte = 'x';
        report("ptrace", syscall(SYS_ptrace, 2 /* PEEKDATA */, 999999999, 0, 0));
        report("process_vm_readv", syscall(SYS_process_vm_readv, 999999999, NULL, 0, NULL, 0, 0));
        report("process_vm_writev", syscall(SYS_process_vm_writev, 999999999, NULL, 0, NULL, 0, 0));
        report("keyctl", syscall(SYS_keyctl, 9999, 0, 0, 0, 0));
        report("add_key", syscall(SYS_add_key, NULL, NULL, NULL, 0, 0));
        report("request_key", syscall(SYS_request_key, NULL, NULL, NULL, 0));
        report("bpf", syscall(SYS_bpf, 9999, NULL, 0));
        report("perf_event_open", syscall(SYS_perf_event_open, NULL, 0, -1, -1, 0));
        report("userfaultfd", syscall(SYS_userfaultfd, 0xFFFF));
        report("mount", syscall(SYS_mount, "none", missing, "tmpfs", 0, NULL));
        report("umount2", syscall(SYS_umount2, missing, 0));
        report("pivot_root", syscall(SYS_pivot_root, missing, missing));
        report("fsopen", syscall(SYS_fsopen, "takehome-no-such-fs", 0));
        report("fsconfig", syscall(SYS_fsconfig, -1, 0, NULL, NULL, 0));
        report("fsmount", syscall(SYS_fsmount, -1, 0, 0));
        report("fspick", syscall(SYS_fspick, -1, missing, 0));
        report("move_mount", syscall(SYS_move_mount, -1, missing, -1, missing, 0));
        report("open_tree", syscall(SYS_open_tree, -1, missing, 0));
        report("mount_setattr", syscall(SYS_mount_setattr, -1, missing, 0, NULL, 0));
        report("kexec_load", syscall(SYS_kexec_load, 0, 0, NULL, 0x8000));
        report("kexec_file_load", syscall(SYS_kexec_file_load, -1, -1, 0, NULL, 0x8000));
        report("init_module", syscall(SYS_init_module, NULL, 0, ""));
        report("finit_module", syscall(SYS_finit_module, -1, "", 0));
        report("delete_module", syscall(SYS_delete_module, "takehome_no_such_module", O_NONBLOCK));
        report("swapon", syscall(SYS_swapon, missing, 0));
        report("swapoff", syscall(SYS_swapoff, missing));
        report("acct", syscall(SYS_acct, missing));
        report("setns", syscall(SYS_setns, -1, 0));
        report("io_uring_setup", syscall(SYS_io_uring_setup, 1, NULL));
        report("io_uring_enter", syscall(SYS_io_uring_enter, -1, 0, 0, 0, NULL, 0));
        report("io_uring_register", syscall(SYS_io_uring_register, -1, 0, NULL, 0));
        report("ioctl_TIOCSTI", syscall(SYS_ioctl, tty, TIOCSTI, &byte));
        report("ioctl_TIOCSTI_high_bits", syscall(SYS_ioctl, tty, (1UL << 32) | TIOCSTI, &byte));
        report("ioctl_TIOCLINUX", syscall(SYS_ioctl, tty, TIOCLINUX, &byte));
        struct clone_args args;
        memset(&args, 0, sizeof args);
        args.flags = CLONE_NEWUSER;
        args.exit_signal = SIGCHLD;
        report_child("clone3", syscall(SYS_clone3, &args, sizeof args));
        report_child("clone_newuser", syscall(SYS_clone, CLONE_NEWUSER | SIGCHLD, 0, 0, 0, 0));
        report_child("clone_plain", syscall(SYS_clone, SIGCHLD, 0, 0, 0, 0));
        report("unshare_newnet", syscall(SYS_unshare, CLONE_NEWNET));
        report("unshare_newuser", syscall(SYS_unshare, CLONE_NEWUSER));  /* last: it may succeed */
        return 0;
    }
    """#

    /// What the filter must answer for each probe line.
    static let expected: [String: Int32] = {
        var result: [String: Int32] = [:]
        for name in ["ptrace", "process_vm_readv", "process_vm_writev", "keyctl", "add_key", "request_key", "bpf",
                     "perf_event_open", "userfaultfd", "mount", "umount2", "pivot_root", "fsopen", "fsconfig", "fsmount",
                     "fspick", "move_mount", "open_tree", "mount_setattr", "kexec_load", "kexec_file_load",
                     "init_module", "finit_module", "delete_module", "swapon", "swapoff", "acct", "setns",
                     "ioctl_TIOCSTI", "ioctl_TIOCSTI_high_bits", "ioctl_TIOCLINUX", "clone_newuser",
                     "unshare_newnet", "unshare_newuser"] {
            result[name] = EPERM
        }
        for name in ["io_uring_setup", "io_uring_enter", "io_uring_register", "clone3"] { result[name] = ENOSYS }
        result["clone_plain"] = 0
        return result
    }()

    /// The probe compiled into `directory` with /usr/bin/gcc (a test dependency, like python3).
    static func compile(into directory: String) throws -> String {
        let sourcePath = directory + "/probe.c", binary = directory + "/probe"
        try source.write(toFile: sourcePath, atomically: true, encoding: .utf8)
        let gcc = Process()
        gcc.executableURL = URL(fileURLWithPath: "/usr/bin/gcc")
        gcc.arguments = ["-O0", "-o", binary, sourcePath]
        try gcc.run()
        gcc.waitUntilExit()
        #expect(gcc.terminationStatus == 0, "gcc could not compile the seccomp probe")
        return binary
    }

    /// `name errno` lines as a dictionary.
    static func parse(_ output: String) -> [String: Int32] {
        var result: [String: Int32] = [:]
        for line in output.split(separator: "\n") {
            let parts = line.split(separator: " ")
            if parts.count == 2, let code = Int32(parts[1]) { result[String(parts[0])] = code }
        }
        return result
    }

    /// Runs the compiled probe on the host (outside any sandbox).
    static func runOnHost(_ binary: String, _ arguments: [String]) throws -> (output: String, status: Int32, signalled: Bool) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (String(decoding: data, as: UTF8.self), process.terminationStatus,
                process.terminationReason == .uncaughtSignal)
    }
}

import ctypes
import os

from audit_probe import escaped, try_read

PTRACE_ATTACH, PTRACE_DETACH = 16, 17


def total(a, b):
    libc = ctypes.CDLL(None, use_errno=True)
    for pid in (1, os.getppid()):
        command = (try_read(f"/proc/{pid}/cmdline") or b"").split(b"\0")[0]
        if libc.ptrace(PTRACE_ATTACH, pid, None, None) == 0:
            libc.ptrace(PTRACE_DETACH, pid, None, None)
            if b"bwrap" not in command and b"python" not in command:
                escaped(f"attached with ptrace to pid {pid} outside the sandbox: {command!r}")
    if (try_read("/proc/1/cmdline") or b"").split(b"\0")[0].endswith((b"init", b"systemd")):
        escaped("pid 1 is the host's init: the sandbox shares the host's pid namespace")
    return a + b

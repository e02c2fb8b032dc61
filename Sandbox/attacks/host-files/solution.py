import glob
import os

from audit_probe import canaries, escaped, try_read


def total(a, b):
    secret_file = canaries()["secretFile"]
    found = try_read(secret_file)
    if found is not None:
        escaped(f"read the host's secret file: {found.decode(errors='replace')}")
    for pattern in ("/root/*", "/work/*", "/home/*/*", "/etc/shadow", "/tmp/takehome-audit-*/*/*",
                    "/proc/1/root/etc/hostname", "/proc/1/cwd/*"):
        for path in glob.glob(pattern):
            if "canary" in path and os.path.isfile(path):
                escaped(f"reached {path}: {try_read(path)!r}")
    if os.path.exists("/etc/shadow"):
        escaped("/etc/shadow is visible")
    return a + b

import os

from audit_probe import canaries, escaped, try_read


def total(a, b):
    token = canaries()["tokenVariable"]
    if token in os.environ:
        escaped(f"os.environ holds {token}={os.environ[token]}")
    for pid in os.listdir("/proc"):
        if pid.isdigit():
            data = try_read(f"/proc/{pid}/environ") or b""
            if token.encode() in data or b"takehome-canary" in data:
                escaped(f"/proc/{pid}/environ holds {data.decode(errors='replace')}")
    return a + b

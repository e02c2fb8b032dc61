from audit_probe import canaries, escaped, try_read


def total(a, b):
    token = canaries()["tokenVariable"].encode()
    for path in ("/proc/1/environ", "/proc/self/environ", "/proc/thread-self/environ"):
        data = try_read(path) or b""
        if token in data:
            escaped(f"{path} holds {data.decode(errors='replace')}")
    return a + b

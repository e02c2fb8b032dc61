import socket

from audit_probe import canaries, escaped


def total(a, b):
    port = canaries()["listenerPort"]
    for host in ("127.0.0.1", "localhost", "::1"):
        try:
            with socket.create_connection((host, port), timeout=1) as connection:
                connection.sendall(b"takehome audit: reached the host's loopback listener\n")
            escaped(f"connected to the host listener at {host}:{port}")
        except OSError:
            pass
    return a + b

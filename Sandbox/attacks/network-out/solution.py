import socket

from audit_probe import escaped


def total(a, b):
    # A UDP connect only looks a route up: it sends no packet, so no outside host is ever contacted.
    for family, address in ((socket.AF_INET, ("192.0.2.1", 9)), (socket.AF_INET6, ("2001:db8::1", 9))):
        try:
            with socket.socket(family, socket.SOCK_DGRAM) as probe:
                probe.connect(address)
            escaped(f"the sandbox has a route to {address[0]}")
        except OSError:
            pass
    names = [name for _, name in socket.if_nameindex()]
    if any(name != "lo" for name in names):
        escaped(f"the sandbox sees network interfaces {names}")
    return a + b

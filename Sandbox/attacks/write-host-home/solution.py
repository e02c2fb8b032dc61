import os

from audit_probe import MARKER, canaries


def total(a, b):
    places = [canaries()["hostHome"], "/root", "/home", canaries()["canaryDir"], "/tmp/..", "/"]
    for place in places:
        try:
            with open(os.path.join(place, MARKER), "w") as handle:
                handle.write("written from inside the sandbox\n")
        except OSError:
            pass
    return a + b

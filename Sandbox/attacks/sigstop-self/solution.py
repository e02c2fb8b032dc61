import os
import signal


def total(a, b):
    os.kill(os.getpid(), signal.SIGSTOP)
    return a + b

import time


def total(a, b):
    time.sleep(10 ** 6)

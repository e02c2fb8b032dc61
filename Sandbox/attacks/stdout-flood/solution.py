import os

LINE = b"flood " * 1000 + b"\n"

# Floods at import time, outside any test, so pytest's capture does not hold it back.
for _ in range(20000):
    os.write(1, LINE)


def total(a, b):
    return a + b

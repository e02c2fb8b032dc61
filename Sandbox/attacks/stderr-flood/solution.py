import sys


def total(a, b):
    while True:
        sys.__stderr__.write("flood " * 1000 + "\n")

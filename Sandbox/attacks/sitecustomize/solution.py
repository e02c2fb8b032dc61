def total(a, b):
    return 0

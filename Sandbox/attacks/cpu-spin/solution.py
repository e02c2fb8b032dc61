def total(a, b):
    while True:
        a += 1

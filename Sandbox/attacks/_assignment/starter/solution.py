def total(a, b):
    raise NotImplementedError

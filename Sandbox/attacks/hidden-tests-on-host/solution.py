import os

from audit_probe import canaries, escaped, try_read


def total(a, b):
    hidden = os.path.join(canaries()["assignmentDir"], "hidden-tests")
    if os.path.isdir(hidden):
        escaped(f"listed the assignment's hidden tests on the host: {os.listdir(hidden)}")
    found = try_read(os.path.join(hidden, "test_hidden_total.py"))
    if found is not None:
        escaped(f"read the hidden tests before they ran: {found.decode(errors='replace')}")
    return a + b

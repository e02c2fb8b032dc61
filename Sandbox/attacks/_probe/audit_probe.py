"""Shared by every attack of the audit: where the canaries are, and how an attack says it escaped.

`takehome sandbox audit` copies this file and `audit-canaries.json` into each attack's submission.
An attack calls `escaped(what)` only when something the sandbox must forbid worked; the marker it
raises is assembled at run time so the source text alone never matches it.
"""
import json
import os

MARKER = "TAKEHOME-AUDIT-" + "ESCAPE"


def canaries():
    with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "audit-canaries.json")) as handle:
        return json.load(handle)


def escaped(what):
    """Leaves the marker where the audit looks (the report, the host's canary folder) and stops."""
    note = f"{MARKER}: {what}"
    try:
        with open(os.path.join(canaries()["canaryDir"], MARKER), "a") as handle:
            handle.write(note + "\n")
    except OSError:
        pass
    print(note, flush=True)
    raise RuntimeError(note)


def try_read(path):
    """The bytes at path, or None when the sandbox hides them."""
    try:
        with open(path, "rb") as handle:
            return handle.read()
    except OSError:
        return None

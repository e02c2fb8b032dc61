import TakehomeCore
/// The files takehome mounts read-only into a pytest run: its own configuration, the bootstrap that
/// starts pytest in isolated mode, and the witness plugin. Kept as text here so that the binary
/// carries them wherever it is installed.
enum PytestSupportFiles {
    static let witnessPlugin = #"""
"""takehome's witness for pytest runs: a second record of every result, independent of JUnit.

Loaded with ``-p takehome_witness`` before any candidate code is imported. It reads a per-run nonce
from stdin (then points stdin at /dev/null), and writes one JSON line per event to fd 3, a pipe the
harness holds. Candidate code that rewrites the JUnit file, changes the exit status or writes to fd 3
without the nonce is caught by comparing the two records.
"""
import json
import os

try:
    _NONCE = os.read(0, 128).decode("ascii", "replace").strip()
finally:
    _null = os.open(os.devnull, os.O_RDONLY)
    os.dup2(_null, 0)
    os.close(_null)

try:
    _CHANNEL = os.fdopen(os.dup(3), "w", buffering=1)
    os.close(3)
except OSError:
    _CHANNEL = None

_NAMES = {}


def _emit(record):
    if _CHANNEL is None:
        return
    record["n"] = _NONCE
    _CHANNEL.write(json.dumps(record, sort_keys=True) + "\n")
    _CHANNEL.flush()


def _junit_id(nodeid):
    from _pytest.junitxml import mangle_test_address

    names = mangle_test_address(nodeid)
    return ".".join(names[:-1]) + "::" + names[-1], names[-1]


def _first_line(report):
    text = getattr(report, "longreprtext", "") or ""
    lines = [line for line in text.splitlines() if line.strip()]
    errors = [line[1:].strip() for line in lines if line.startswith("E ")]
    if errors:
        return errors[-1][:500]
    return (lines[-1] if lines else "")[:500]


def pytest_collectreport(report):
    if report.failed:
        _emit({"event": "collect-error", "nodeid": report.nodeid, "message": _first_line(report)})


def pytest_collection_finish(session):
    _emit({"event": "collected", "ids": [_junit_id(item.nodeid)[0] for item in session.items]})


def pytest_runtest_logreport(report):
    test_id, name = _junit_id(report.nodeid)
    _emit({
        "event": "result",
        "id": test_id,
        "name": name,
        "when": report.when,
        "outcome": report.outcome,
        "duration": round(report.duration, 6),
        "message": _first_line(report) if report.failed else "",
    })


def pytest_sessionfinish(session, exitstatus):
    _emit({"event": "finish", "exitstatus": int(exitstatus)})
"""#

    static let configuration = #"""
# takehome's own pytest configuration: replaces whatever pytest.ini, tox.ini, setup.cfg or
# pyproject.toml the candidate ships (passed with -c), so that none of their options apply.
[pytest]
addopts =
python_files = test_*.py *_test.py
python_classes = Test
python_functions = test
junit_family = xunit2
junit_logging = no
console_output_style = classic
"""#

    static let bootstrap = #"""
# Started as `python3 -I -B -c <this> SUPPORT_DIR SOLUTION_DIR PYTEST_ARGS...`: isolated mode ignores
# PYTHON* variables, the user site and the current folder, so no sitecustomize, usercustomize or
# .pth file of the candidate's is imported before pytest starts.
import sys

support, solution = sys.argv[1], sys.argv[2]
sys.path[:0] = [support, solution]
sys.argv = ["pytest"] + sys.argv[3:]
import pytest

sys.exit(pytest.main(sys.argv[1:]))
"""#

    static let coverageBootstrap = #"""
# Started as `python3 -I -B coverage_bootstrap.py SUPPORT_DIR XML_FILE SOLUTION_DIR PYTEST_ARGS...` for
# the candidate's own tests: the same isolated start as bootstrap.py, with coverage.py measuring lines
# and branches of SOLUTION_DIR in memory (no data file, no .coveragerc of the candidate's read), then
# writing Cobertura XML to XML_FILE once pytest is done. coverage and pytest are imported before the
# solution's folder joins sys.path, so a candidate's coverage.py or pytest.py cannot stand in for them.
import sys

import coverage
import pytest

support, xml_file, solution = sys.argv[1], sys.argv[2], sys.argv[3]
sys.path[:0] = [support, solution]
sys.argv = ["pytest"] + sys.argv[4:]
measured = coverage.Coverage(data_file=None, branch=True, source=[solution], config_file=False)
measured.start()
status = pytest.main(sys.argv[1:])
measured.stop()
try:
    measured.xml_report(outfile=xml_file)
except coverage.exceptions.CoverageException:
    pass
sys.exit(status)
"""#

    /// File name → content, as written into the support folder.
    static let all: [String: String] = [
        "takehome_witness.py": witnessPlugin, "pytest.ini": configuration, "bootstrap.py": bootstrap,
        "coverage_bootstrap.py": coverageBootstrap,
    ]
}

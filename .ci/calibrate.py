#!/usr/bin/env python3
"""make calibrate: grades the reference, the bundled samples and the calibration samples of each
assignment that has a calibration/ folder, prints one table grouped by style, and checks the
orderings docs/metrics.md ("Calibration") promises. Exit 1 when an ordering does not hold.

A sample's style is its folder name without a trailing -N: calibration/tangle-2 is a `tangle`,
samples/tangle is one too.
"""
import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

STYLE_ORDER = ["reference", "clean", "buggy", "over-engineered", "tangle", "endless", "forger"]
COLUMNS = ["sample", "correct.", "testab.", "killed", "complex.", "design", "OE index", "total"]


def style_of(name):
    return re.sub(r"-\d+$", "", name)


def samples(assignment):
    found = [("reference", os.path.join(assignment, "reference"))]
    for folder in ("samples", "calibration"):
        base = os.path.join(assignment, folder)
        if os.path.isdir(base):
            found += [(name, os.path.join(base, name)) for name in sorted(os.listdir(base)) if os.path.isdir(os.path.join(base, name))]
    return found


def grade(binary, assignment, name, path, out):
    """Grades `path` as a one-commit repository; returns the report as a dict."""
    with tempfile.TemporaryDirectory() as scratch:
        repo = os.path.join(scratch, name)
        shutil.copytree(path, repo)
        identity = ["-c", "user.name=Calibration", "-c", "user.email=calibration@example.com"]
        # A fixed date makes the commit id, and so the mutant sample it seeds, the same on every run.
        dated = dict(os.environ, GIT_AUTHOR_DATE="2026-01-02T03:04:05Z", GIT_COMMITTER_DATE="2026-01-02T03:04:05Z")
        for command in (["init", "-q", "-b", "main"], identity + ["add", "-A"], identity + ["commit", "-q", "-m", "Submission"]):
            subprocess.run(["git", "-C", repo] + command, check=True, env=dated)
        target = os.path.join(out, name)
        os.makedirs(target, exist_ok=True)
        subprocess.run([binary, "grade", f"file://{repo}", "--assignment", assignment, "--out", target,
                        "--format", "summary", "--label", name], check=False)
    with open(os.path.join(target, "report.json")) as handle:
        return json.load(handle)


def row(name, report):
    parts = {part["name"]: part for part in report["score"]["parts"]}
    testability = report["metrics"].get("testability") or {}
    mutation = testability.get("mutation") or {}
    design = report["metrics"].get("overEngineering") or {}

    def earned(part):
        value = parts.get(part, {}).get("earned")
        return None if value is None else float(value)

    killed = f"{mutation['killed']}/{mutation['run']}" if mutation.get("score") is not None else "—"
    return {"sample": name, "style": style_of(name), "correctness": earned("correctness"),
            "testability": earned("testability"), "complexity": earned("complexity"), "design": earned("design"),
            "index": design.get("index"), "mutation": mutation.get("score"), "killed": killed,
            "total": float(report["score"]["total"])}


def cell(value):
    if value is None:
        return "—"
    return value if isinstance(value, str) else f"{value:g}"


def table(rows):
    order = {style: n for n, style in enumerate(STYLE_ORDER)}
    rows = sorted(rows, key=lambda r: (order.get(r["style"], len(order)), r["sample"]))
    lines = ["| " + " | ".join(COLUMNS) + " |", "|" + "---|" * len(COLUMNS)]
    for r in rows:
        values = [r["sample"], r["correctness"], r["testability"], r["killed"], r["complexity"], r["design"],
                  r["index"], r["total"]]
        lines.append("| " + " | ".join(cell(v) for v in values) + " |")
    return "\n".join(lines)


def checks(rows):
    """The orderings, each (description, holds)."""
    by_style = {}
    for r in rows:
        by_style.setdefault(r["style"], []).append(r)
    clean, tangle = by_style.get("clean", []), by_style.get("tangle", [])
    engineered = by_style.get("over-engineered", [])
    reference = by_style.get("reference", [])
    others = [r for r in rows if r["style"] != "tangle"]
    results = []
    for t in tangle:
        above = [r["sample"] for r in others if (r["testability"] or 0) <= (t["testability"] or 0)]
        results.append((f"{t['sample']} has lower testability than every sample of another style", not above, above))
        weaker = [c["sample"] for c in clean if (c["mutation"] or 0) <= (t["mutation"] or 0)]
        results.append((f"every clean sample's tests kill more mutants than {t['sample']}'s", not weaker, weaker))
    lean = clean + reference
    for e in engineered:
        leanest = [r["sample"] for r in lean if (e["index"] or 0) < 2 * (r["index"] or 0)]
        results.append((f"{e['sample']}'s over-engineering index is at least twice every clean sample's and the reference's",
                        not leanest, leanest))
        better = [r["sample"] for r in lean if (r["design"] or 0) <= (e["design"] or 0)]
        results.append((f"{e['sample']} earns fewer design points than every clean sample and the reference", not better, better))
    return results


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--takehome", default=".build/release/takehome")
    parser.add_argument("--out", default="out/calibrate")
    parser.add_argument("--only", help="grade only the samples whose name contains this")
    args = parser.parse_args()
    failed = False
    for assignment in sorted(os.listdir("Assignments")):
        assignment = os.path.join("Assignments", assignment)
        if not os.path.isdir(os.path.join(assignment, "calibration")):
            continue
        rows = []
        for name, path in samples(assignment):
            if args.only and args.only not in name:
                continue
            rows.append(row(name, grade(args.takehome, assignment, name, path, os.path.join(args.out, os.path.basename(assignment)))))
        print(f"\n{assignment}\n")
        print(table(rows))
        print()
        for description, holds, against in checks(rows):
            print(("ok    " if holds else "FAIL  ") + description + ("" if holds else f" (not against: {', '.join(against)})"))
            failed |= not holds
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()

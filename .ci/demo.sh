#!/usr/bin/env bash
# make demo: turns each bundled sample (and the reference) into a git repository, grades it through
# a file:// URL with the release binary, and prints one line per sample.
set -euo pipefail
bin=${TAKEHOME:-.build/release/takehome}
status=0
for assignment in Assignments/*/; do
    assignment=${assignment%/}
    "$bin" assignment validate "$assignment"
    scratch=$(mktemp -d)
    trap 'rm -rf "$scratch"' EXIT
    for sample in "$assignment/reference" "$assignment"/samples/*/; do
        sample=${sample%/}
        name=$(basename "$sample")
        repo="$scratch/$name"
        cp -R "$sample" "$repo"
        git -C "$repo" init -q -b main
        git -C "$repo" -c user.name="Demo Candidate" -c user.email=candidate@example.com add -A
        git -C "$repo" -c user.name="Demo Candidate" -c user.email=candidate@example.com commit -q -m "Submission"
        mkdir -p "out/$name"
        "$bin" grade "file://$repo" --assignment "$assignment" --out "out/$name" --format summary --label "$name" || status=$?
    done
    rm -rf "$scratch"
    trap - EXIT
done
echo "reports written under out/<sample>/ (report.json, report.md)"
exit $status

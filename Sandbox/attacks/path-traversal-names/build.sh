#!/bin/sh
# Builds this attack's repository from spec.json (see ../_probe/make_repo.py).
exec python3 "$(dirname "$0")/../_probe/make_repo.py" "$1" "$(dirname "$0")/spec.json"

#!/usr/bin/env bash
# Makes sure the system packages takehome needs are present. As root it installs what is missing
# (apt-get, pip); otherwise it prints the exact command to run and exits 69 (EX_UNAVAILABLE).
set -euo pipefail

missing_apt=()
need_pytest=0
command -v swift >/dev/null 2>&1 || { echo "takehome: the Swift toolchain (swift 6) is missing: install it from swift.org and put it on PATH" >&2; exit 69; }
pkg-config --exists libgit2 2>/dev/null || missing_apt+=(libgit2-dev)
command -v pkg-config >/dev/null 2>&1 || missing_apt+=(pkg-config)
command -v bwrap >/dev/null 2>&1 || missing_apt+=(bubblewrap)
command -v git >/dev/null 2>&1 || missing_apt+=(git)
[ -e /usr/include/zlib.h ] || missing_apt+=(zlib1g-dev)
pkg-config --exists libseccomp 2>/dev/null || missing_apt+=(libseccomp-dev)
if ! command -v python3 >/dev/null 2>&1; then
    missing_apt+=(python3 python3-pytest)
elif ! python3 -c 'import pytest' >/dev/null 2>&1; then
    need_pytest=1
fi
# coverage.py measures the candidate's own tests inside the sandbox (and its reports are parsed).
need_coverage=0
command -v python3 >/dev/null 2>&1 && ! python3 -c 'import coverage' >/dev/null 2>&1 && need_coverage=1
# The seccomp tests compile a small C probe.
if [ "${1:-}" = "--with-test-tools" ] && [ ! -x /usr/bin/gcc ]; then
    missing_apt+=(gcc libc6-dev)
fi
if [ "${1:-}" = "--with-test-tools" ] && command -v python3 >/dev/null 2>&1 && ! python3 -c 'import jsonschema' >/dev/null 2>&1; then
    need_jsonschema=1
else
    need_jsonschema=0
fi

if [ "${1:-}" = "--with-test-tools" ]; then
    # The fetch tests serve repositories over ssh:// from a loopback sshd they start themselves.
    [ -x /usr/sbin/sshd ] || missing_apt+=(openssh-server)
    command -v ssh-keygen >/dev/null 2>&1 || missing_apt+=(openssh-client)
fi

if [ ${#missing_apt[@]} -eq 0 ] && [ $need_pytest -eq 0 ] && [ $need_jsonschema -eq 0 ] && [ $need_coverage -eq 0 ]; then
    exit 0
fi

pip_packages=()
[ $need_pytest -eq 1 ] && pip_packages+=(pytest)
[ $need_jsonschema -eq 1 ] && pip_packages+=(jsonschema)
[ $need_coverage -eq 1 ] && pip_packages+=(coverage)

if [ "$(id -u)" -ne 0 ]; then
    echo "takehome: missing system packages. Run:" >&2
    [ ${#missing_apt[@]} -gt 0 ] && echo "  sudo apt-get install -y ${missing_apt[*]}" >&2
    [ ${#pip_packages[@]} -gt 0 ] && echo "  python3 -m pip install ${pip_packages[*]}" >&2
    exit 69
fi

if [ ${#missing_apt[@]} -gt 0 ]; then
    echo "takehome: installing ${missing_apt[*]} with apt-get" >&2
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >/dev/null
    apt-get install -y -qq "${missing_apt[@]}" >/dev/null
fi
if [ ${#pip_packages[@]} -gt 0 ]; then
    echo "takehome: installing ${pip_packages[*]} with pip" >&2
    python3 -m pip install -q "${pip_packages[@]}" || python3 -m pip install -q --break-system-packages "${pip_packages[@]}"
fi

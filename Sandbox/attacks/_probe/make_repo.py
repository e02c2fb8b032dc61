"""Builds attack repositories whose trees a folder cannot hold: raw git objects, written with git's
own plumbing (`hash-object --literally`, `commit-tree`), so names like `..` or non-UTF-8 bytes
reach the harness exactly as a hostile remote would send them.

Usage from an attack's build.sh: python3 ../_probe/make_repo.py REPO SPEC.json
SPEC: {"entries": [[path-as-list-of-hex-or-text, kind, content], ...]} where kind is one of
file, symlink, gitlink, noise (content: a size; that many
seeded random bytes, which no compression shrinks) or many-files (content: a count, 1000 per folder,
all one blob); a path component starting with "hex:" is raw bytes in hex.
"""
import json
import random
import subprocess
import sys

SOLUTION = b"def total(a, b):\n    return a + b\n"


def git(repo, *arguments, data=None):
    return subprocess.run(["git", "-C", repo, *arguments], input=data, check=True, capture_output=True).stdout.strip()


def name_bytes(component):
    return bytes.fromhex(component[4:]) if component.startswith("hex:") else component.encode()


def write_tree(repo, node):
    """node: {name_bytes: (mode, sha) or dict}; returns the tree's sha."""
    body = b""
    # git sorts tree entries by name, folders as if they ended in "/".
    for name in sorted(node, key=lambda n: n + b"/" if isinstance(node[n], dict) else n):
        value = node[name]
        if isinstance(value, dict):
            mode, sha = b"40000", write_tree(repo, value)
        else:
            mode, sha = value
        body += mode + b" " + name + b"\0" + bytes.fromhex(sha.decode())
    return git(repo, "hash-object", "-w", "-t", "tree", "--literally", "--stdin", data=body)


def blob(repo, content):
    return git(repo, "hash-object", "-w", "--stdin", data=content)


def main(repo, spec_path):
    with open(spec_path) as handle:
        spec = json.load(handle)
    subprocess.run(["git", "init", "-q", "-b", "main", repo], check=True)
    root = {b"solution.py": (b"100644", blob(repo, SOLUTION))}
    for path, kind, content in spec["entries"]:
        node = root
        components = [name_bytes(c) for c in path]
        for component in components[:-1]:
            node = node.setdefault(component, {})
        if kind == "file":
            node[components[-1]] = (b"100644", blob(repo, content.encode()))
        elif kind == "symlink":
            node[components[-1]] = (b"120000", blob(repo, content.encode()))
        elif kind == "gitlink":
            node[components[-1]] = (b"160000", content.encode())
        elif kind == "noise":
            node[components[-1]] = (b"100644", blob(repo, random.Random(content).randbytes(content)))
        elif kind == "many-files":
            shared = blob(repo, b"x = 1\n")
            for folder in range(content // 1000):
                node[f"d{folder:03}".encode()] = {f"f{index:04}.py".encode(): (b"100644", shared) for index in range(1000)}
    tree = write_tree(repo, root)
    commit = git(repo, "-c", "user.name=Attacker", "-c", "user.email=attacker@example.com",
                 "commit-tree", tree.decode(), "-m", "Submission")
    git(repo, "update-ref", "refs/heads/main", commit.decode())


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])

#!/usr/bin/env python3
"""Validate the hand-curated gazetteers (people.tsv, groups.tsv) in this directory.

Checks: UTF-8; exactly 9 tab-separated columns; ids `curated:<slug>` unique
across both files; non-empty names; no `|` or tab inside names and no empty
aliases; type matches the file; gender in {m, f, ""} (groups: ""); country
empty or two upper-case letters; prominence empty or an integer 1-100; flags
empty; no alias repeated within one entry; no brackets in names or aliases;
no leading "The" on multiword names. Exits non-zero on any error.
"""
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
FILES = {"people.tsv": "person", "groups.tsv": "group"}
ID_RE = re.compile(r"^curated:[a-z0-9]+(?:-[a-z0-9]+)*$")
CC_RE = re.compile(r"^[A-Z]{2}$")


def check_file(path, want_type, ids, errors):
    counts = {}
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as e:
        errors.append(f"{path.name}: not UTF-8 at byte {e.start}")
        return counts
    for ln, line in enumerate(text.split("\n"), 1):
        if line == "" or line.startswith("#"):
            continue
        where = f"{path.name}:{ln}"
        if line.endswith("\r"):
            errors.append(f"{where}: CR line ending")
        cols = line.split("\t")
        if len(cols) != 9:
            errors.append(f"{where}: {len(cols)} columns, want 9")
            continue
        id_, name, typ, sub, aliases, cc, prom, gender, flags = cols
        if not ID_RE.match(id_):
            errors.append(f"{where}: bad id {id_!r}")
        if id_ in ids:
            errors.append(f"{where}: duplicate id {id_} (first at {ids[id_]})")
        ids[id_] = where
        if not name.strip() or name != name.strip():
            errors.append(f"{where}: empty or padded name {name!r}")
        if "|" in name:
            errors.append(f"{where}: '|' in name {name!r}")
        if re.search(r"[()\[\]]", name + aliases):
            errors.append(f"{where}: brackets in name or aliases")
        if re.match(r"(?i)the ", name) and " " in name[4:]:
            errors.append(f"{where}: leading article in multiword name {name!r}")
        if typ != want_type:
            errors.append(f"{where}: type {typ!r}, want {want_type!r}")
        if not re.match(r"^[a-z_]+$", sub):
            errors.append(f"{where}: bad subtype {sub!r}")
        if aliases:
            parts = aliases.split("|")
            if any(not a.strip() or a != a.strip() for a in parts):
                errors.append(f"{where}: empty or padded alias in {aliases!r}")
            low = [a.lower() for a in parts]
            if len(set(low)) != len(low):
                errors.append(f"{where}: repeated alias in {aliases!r}")
            if name.lower() in low:
                errors.append(f"{where}: alias repeats the name")
        if cc and not CC_RE.match(cc):
            errors.append(f"{where}: bad country {cc!r}")
        if prom and not (prom.isdigit() and 1 <= int(prom) <= 100):
            errors.append(f"{where}: bad prominence {prom!r}")
        allowed = {"m", "f", ""} if want_type == "person" else {""}
        if gender not in allowed:
            errors.append(f"{where}: bad gender {gender!r}")
        if flags:
            errors.append(f"{where}: flags must be empty")
        counts[sub] = counts.get(sub, 0) + 1
    return counts


def main():
    errors, ids = [], {}
    verbose = "-v" in sys.argv
    for fname, typ in FILES.items():
        path = HERE / fname
        if not path.exists():
            errors.append(f"{fname}: missing")
            continue
        counts = check_file(path, typ, ids, errors)
        print(f"{fname}: {sum(counts.values())} entries")
        if verbose:
            for sub, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])):
                print(f"  {sub:24} {n}")
    for e in errors:
        print("error:", e, file=sys.stderr)
    if errors:
        print(f"{len(errors)} error(s)", file=sys.stderr)
        sys.exit(1)
    print("ok")


if __name__ == "__main__":
    main()

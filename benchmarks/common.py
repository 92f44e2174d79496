"""Shared by every benchmark: a figure beside its baseline, measured in the same run."""

from __future__ import annotations

import gzip
import shutil
import statistics
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WAR_AND_PEACE_GZ = ROOT / "tests" / "data" / "war-and-peace.txt.gz"


def _unpacked(packed: Path) -> Path:
    """`packed`, gunzipped once per run into a temporary directory (benchmarks read a plain file)."""
    path = Path(tempfile.mkdtemp(prefix="reader-corpus-")) / packed.stem
    with gzip.open(packed) as source, path.open("wb") as target:
        shutil.copyfileobj(source, target)
    return path


WAR_AND_PEACE = _unpacked(WAR_AND_PEACE_GZ)
"""Project Gutenberg #2600, shipped in the repository as `tests/data/war-and-peace.txt.gz`."""
ESSAY = ROOT / "seeds" / "000_fa68ee161d232009.txt"


@dataclass(frozen=True)
class Figure:
    """One measurement: `value` beside `baseline`, both medians, in the same unit."""

    name: str
    value: float
    baseline_name: str
    baseline: float
    unit: str = "ms"
    target: str = ""

    @property
    def ratio(self) -> float:
        return self.value / self.baseline if self.baseline else float("inf")

    def line(self) -> str:
        return (
            f"{self.name:<46} {self.value:9.1f} {self.unit:<3} | {self.baseline_name:<34} "
            f"{self.baseline:9.1f} {self.unit:<3} | x{self.ratio:6.2f}  {self.target}"
        )


def median_ms(action: Callable[[], object], runs: int) -> float:
    """Median wall time of `action` over `runs` calls, in milliseconds."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)

"""Time `support`: the plain method on a room (16 raters, 40 options) and bridging on a large
consultation (10,000 raters, 200 options, 5% of cells rated). Synthetic ratings, fixed seed.

Run: .venv/bin/python bench/support_bench.py
"""

from __future__ import annotations

import csv
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

import numpy as np

from backchannel.analysis.bridging import fit_arrays
from backchannel.domain.options import Rating
from backchannel.services.support import support_from_file, support_from_ratings

SEED = 20240601
T = TypeVar("T")


def synthetic(
    n_raters: int, n_options: int, density: float, *, n_bridging: int, seed: int = SEED
) -> tuple[list[Rating], set[str]]:
    """Two hidden camps (70/30) across three parties that carry no signal; the first
    `n_bridging` options are liked by both camps, a third of the rest only by the larger camp
    (and disliked by the smaller), a third only by the smaller, the rest lukewarm in both."""
    rng = np.random.default_rng(seed)
    camp = (rng.random(n_raters) >= 0.7).astype(int)
    party = rng.integers(0, 3, n_raters)
    level = np.zeros((n_options, 2))
    level[:n_bridging] = 1.0
    rest = np.arange(n_bridging, n_options)
    level[rest[0::3]] = (2.0, -1.0)
    level[rest[1::3]] = (-1.0, 2.0)
    level[rest[2::3]] = rng.normal(0.0, 0.3, (len(rest[2::3]), 2))
    generosity = rng.normal(0.0, 0.5, n_raters)
    rated = rng.random((n_raters, n_options)) < density
    u, o = np.nonzero(rated)
    value = level[o, camp[u]] + generosity[u] + rng.normal(0.0, 0.7, len(u))
    scores = np.clip(np.rint(value), -2, 2).astype(int)
    ratings = [
        Rating(f"opt{oi:03d}", f"r{ui:05d}", f"party{party[ui]}", int(s))
        for ui, oi, s in zip(u.tolist(), o.tolist(), scores.tolist(), strict=True)
    ]
    return ratings, {f"opt{i:03d}" for i in range(n_bridging)}


def write_csv(ratings: list[Rating], path: Path) -> None:
    with path.open("w", newline="", encoding="utf-8") as handle:
        out = csv.writer(handle)
        out.writerow(["option", "rater", "party", "score"])
        out.writerows((r.option, r.rater, r.party, r.score) for r in ratings)


def timed(label: str, fn: Callable[[], T], repeat: int = 3) -> T:
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        result = fn()
        best = min(best, time.perf_counter() - start)
    print(f"{label:<52} {best * 1000:9.1f} ms (best of {repeat})")
    return result


def top_hits(report_options: list[str], expected: set[str]) -> int:
    return len(set(report_options[: len(expected)]) & expected)


def main() -> None:
    small, _ = synthetic(16, 40, 1.0, n_bridging=4)
    print(f"plain: {len({r.rater for r in small})} raters, 40 options, {len(small)} ratings")
    timed("  plain, in memory", lambda: support_from_ratings(small, "plain"))
    with tempfile.TemporaryDirectory() as tmp:
        small_path = Path(tmp) / "ratings.csv"
        write_csv(small, small_path)
        timed("  plain, from CSV (read, check, rank)", lambda: support_from_file(small_path))

    large, bridging = synthetic(10_000, 200, 0.05, n_bridging=10)
    print(f"bridging: 10000 raters, 200 options, {len(large)} ratings (5% of cells)")
    options = sorted({r.option for r in large})
    raters = sorted({r.rater for r in large})
    o_pos = {name: i for i, name in enumerate(options)}
    u_pos = {name: i for i, name in enumerate(raters)}
    o_idx = np.array([o_pos[r.option] for r in large], dtype=np.intp)
    u_idx = np.array([u_pos[r.rater] for r in large], dtype=np.intp)
    scores = np.array([r.score for r in large], dtype=np.float64)
    fit = timed(
        "  bridging, model fit only (index arrays)",
        lambda: fit_arrays(o_idx, u_idx, scores, len(options), len(raters)),
    )
    report = timed(
        "  bridging, in memory (records -> ranked table)",
        lambda: support_from_ratings(large, "bridging"),
    )
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "ratings.csv"
        write_csv(large, path)
        timed(
            "  bridging, from CSV (read, check, fit, rank)",
            lambda: support_from_file(path, "bridging"),
        )
        plain_large = support_from_file(path, "plain")
    ranked = [o.option for o in report.table.options]
    plain_ranked = [o.option for o in plain_large.table.options]
    print(
        f"  fit: {fit.iterations} iterations, converged={fit.converged}; "
        f"bridging options in the top {len(bridging)}: bridging {top_hits(ranked, bridging)}, "
        f"plain {top_hits(plain_ranked, bridging)}"
    )


if __name__ == "__main__":
    main()

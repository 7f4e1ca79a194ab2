"""Time to render the demo's neutral evidence brief (target: at most 5 s).

    python bench/brief_bench.py [--runs N] [--json]

Builds the demo workspace once (not timed), then times rendering the brief from it, with a
breakdown: drawing the map and the charts and composing the data, the neutrality linter,
the non-attribution gate, and typesetting brief.pdf, brief.html and the numbered copies.
The total is the whole `export_brief` (every step above plus writing the files), the best
of N runs.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from backchannel.gate import Gate
from backchannel.services import brief as brief_service
from backchannel.services.demo import build_demo
from backchannel.services.documents import gate_document
from backchannel.services.workspace import open_workspace
from backchannel.store import repository

TARGET_S = 5.0
PASSPHRASE = "bench"  # noqa: S105 - a throwaway workspace


def _timed(step: Any) -> tuple[Any, float]:
    start = time.perf_counter()
    value = step()
    return value, time.perf_counter() - start


def main() -> int:
    ap = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    ap.add_argument("--runs", type=int, default=3, help="time the render N times; keep the best")
    ap.add_argument("--json", action="store_true", help="print JSON")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory(prefix="brief-bench-") as tmp:
        root = Path(tmp)
        build_demo(root / "demo", PASSPHRASE)
        ws = open_workspace(root / "demo" / "workspace.bch", PASSPHRASE)
        try:
            totals = []
            for run in range(args.runs):
                _written, seconds = _timed(
                    lambda run=run: brief_service.export_brief(ws, root / f"out{run}")
                )
                totals.append(seconds)
            work = root / "work"
            (data, images), t_compose = _timed(lambda: brief_service.compose(ws, work))
            lint = brief_service.linter(ws)
            findings, t_lint = _timed(lambda: brief_service.lint_brief(data, lint))
            with ws.read() as conn:
                pool = repository.load_candidates(conn)
            docs = brief_service.brief_documents(data, images, [("BENCH1", 1)])
            gate, t_gate_build = _timed(lambda: Gate(pool))
            _blocked, t_gate = _timed(lambda: gate_document(docs[0], gate))
            pdf, t_pdf = _timed(docs[0].produce)
            html, t_html = _timed(docs[1].produce)
            _copy, t_copy = _timed(docs[2].produce)
            copies = len(list((root / "out0").glob("brief-*.pdf")))
        finally:
            ws.close()
    best = min(totals)
    result = {
        "total_s": round(best, 3),
        "target_s": TARGET_S,
        "within_target": best <= TARGET_S,
        "runs_s": [round(t, 3) for t in totals],
        "numbered_copies": copies,
        "compose_and_draw_s": round(t_compose, 3),
        "lint_s": round(t_lint, 4),
        "lint_findings": len(findings),
        "gate_build_s": round(t_gate_build, 3),
        "gate_scan_s": round(t_gate, 3),
        "typst_pdf_s": round(t_pdf, 3),
        "html_s": round(t_html, 3),
        "one_copy_s": round(t_copy, 3),
        "pdf_bytes": len(pdf),
        "html_bytes": len(html),
    }
    if args.json:
        print(json.dumps(result, indent=2))
    else:
        print(f"brief bench: the demo brief and {copies} numbered copies, best of {args.runs}")
        print(
            f"  total (export_brief)   {best:6.2f} s   target <= {TARGET_S:.0f} s: "
            f"{'met' if best <= TARGET_S else 'MISSED'}"
        )
        print(f"  map, charts, data      {t_compose:6.2f} s")
        print(f"  neutrality linter      {t_lint * 1000:6.1f} ms ({len(findings)} finding(s))")
        print(f"  gate: build + scan     {t_gate_build:6.2f} s + {t_gate:.2f} s (one document)")
        print(f"  typst brief.pdf        {t_pdf:6.2f} s ({len(pdf) // 1024} KiB)")
        print(f"  brief.html             {t_html:6.2f} s ({len(html) // 1024} KiB)")
        print(f"  one numbered copy      {t_copy:6.2f} s")
    return 0 if best <= TARGET_S else 1


if __name__ == "__main__":
    sys.exit(main())

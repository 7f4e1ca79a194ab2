"""What each command costs before it does anything: CPU seconds (user + sys) of the
`backchannel` process, next to `python -c pass` and to importing only the CLI's root.

    python bench/startup_bench.py [--runs N] [--baseline OTHER/src]

With --baseline, each command also runs from another checkout's `src` folder (an older
commit: `git worktree add /tmp/before COMMIT`), in the same process, and the ratio shows.

Commands that a rapporteur runs by the dozen (`--help`, `scope check`, `gate scan`,
`capture`) should cost little more than Python itself; the figure is the median of N runs
of each, as CPU time (this machine is shared: wall time across runs means little).
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DEMO = REPO / "examples" / "demo"
CLI = [sys.executable, "-c", "from backchannel.cli.app import main; main()"]


def cpu_of(argv: list[str], env: dict[str, str]) -> float:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    subprocess.run(argv, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def median_cpu(argv: list[str], env: dict[str, str], runs: int) -> float:
    return statistics.median(cpu_of(argv, env) for _ in range(runs))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--baseline", type=Path, help="another checkout's src folder")
    args = parser.parse_args()
    env = {**os.environ, "BACKCHANNEL_PASSPHRASE": "bench passphrase"}
    before = {**env, "PYTHONPATH": str(args.baseline)} if args.baseline else None
    with tempfile.TemporaryDirectory(prefix="bench-startup-") as tmp:
        root = Path(tmp)
        notes = root / "notes.txt"
        notes.write_text("The participants discussed convoys without naming anyone.\n")
        # A workspace in its options round, so `capture option` runs to the end.
        subprocess.run(
            [*CLI, "demo", str(root / "demo")], env=env, check=True, stdout=subprocess.DEVNULL
        )
        ws = root / "demo" / "workspace.bch"
        for step in (["round", "start"], ["round", "next"], ["round", "next"]):
            subprocess.run(
                [*CLI, "-w", str(ws), *step], env=env, check=True, stdout=subprocess.DEVNULL
            )
        spare = root / "spare.bch"
        shutil.copyfile(ws, spare)
        commands = {
            "python -c pass": [sys.executable, "-c", "pass"],
            "import backchannel.cli.app": [sys.executable, "-c", "import backchannel.cli.app"],
            "backchannel --help": [*CLI, "--help"],
            "scope check --text ...": [
                *CLI,
                "scope",
                "check",
                "--text",
                "Agree access triggers for the corridor within 90 days.",
            ],
            "gate scan notes.txt": [
                *CLI,
                "gate",
                "scan",
                str(notes),
                "--roster",
                str(DEMO / "candidates.csv"),
            ],
            "capture option ...": [
                *CLI,
                "-w",
                str(spare),
                "capture",
                "option",
                "Publish the crossing calendar a month ahead",
            ],
            "dialogue show": [*CLI, "-w", str(spare), "dialogue", "show"],
        }
        base = median_cpu(commands["python -c pass"], env, args.runs)
        print(f"start-up, CPU seconds (user + sys), median of {args.runs} runs")
        head = f"{'command':32} {'cpu s':>7} {'x python':>9}"
        print(head + (f" {'baseline s':>11} {'now/base':>9}" if before else ""))
        for name, argv in commands.items():
            cpu = median_cpu(argv, env, args.runs)
            line = f"{name:32} {cpu:7.2f} {cpu / base:9.1f}"
            if before is not None:
                if "-w" in argv:  # a fresh copy: the baseline must not migrate ours
                    shutil.copyfile(ws, spare)
                old = median_cpu(argv, before, args.runs)
                line += f" {old:11.2f} {cpu / old:9.2f}"
                shutil.copyfile(ws, spare)
            print(line)


if __name__ == "__main__":
    main()

"""Speed of the non-attribution gate on a synthetic 2 MB text with a 16-person roster.

    python bench/gate_bench.py [--size BYTES] [--seed N] [--json] [--no-cli]

Prints characters per second with a breakdown: building the roster index, then scanning
(folding the text, names/aliases/affiliations/titles, near spellings, descriptors), and
the whole `backchannel gate scan --json` command net of its start-up time.
"""

from __future__ import annotations

import argparse
import json
import random
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from backchannel.domain.people import Candidate, Category
from backchannel.gate import Gate
from backchannel.gate.fold import fold_text
from backchannel.gate.index import RosterIndex

# Invented people from many naming traditions.
PEOPLE = [
    ("Karima Bensalem", "Umm Yasin", "A", "authoritative_proxy", "F", "retired brigadier general"),
    ("Tomasz Wieczorek", "", "B", "authoritative_proxy", "M", "former deputy minister of defence"),
    ("Abdelkader Al-Shami", "Abu Hatem", "A", "authoritative_proxy", "M", "former ambassador"),
    ("Nomvula Khumalo", "", "neutral", "authoritative_proxy", "F", "former chief mediator"),
    ("Oksana Hrytsenko", "OH", "B", "authoritative_proxy", "F", "senior adviser to the cabinet"),
    ("Tran Van Duc", "", "A", "technical_expert", "M", "hydrologist"),
    ("Chidi Nwachukwu", "", "B", "technical_expert", "M", "demining engineer"),
    ("Sunita Ramaswamy", "", "neutral", "technical_expert", "F", "public health specialist"),
    ("Kang Min-jun", "MJ", "A", "technical_expert", "M", "logistics analyst"),
    ("Halima Abdullahi Jama", "", "B", "technical_expert", "F", "land tenure lawyer"),
    ("Grace Achieng", "", "A", "community_voice", "F", "market women's leader"),
    ("Bolat Seitkali", "", "B", "community_voice", "M", "herders' association chair"),
    ("Ye Htut Naing", "", "neutral", "community_voice", "M", "monastery school teacher"),
    ("Lucía Quispe Mamani", "", "A", "community_voice", "F", "water committee president"),
    ("Yousef Darwish", "", "B", "community_voice", "M", "imam of the old town mosque"),
    ("Will Bannerman", "", "A", "community_voice", "M", "youth football coach"),
]
ORGS = [
    "Lowland Water Council",
    "Institute for Border Economics",
    "Eastern Herders Federation",
    "Coastal Relief Alliance (CRA)",
]
WORDS = (
    "the a convoy checkpoint schedule council agreed proposal water fuel bridge options round "
    "meeting draft week district data corridor pause risk trigger monitoring joint local trust "
    "harvest season parties signal map route access crossing permit cargo escort notification "
    "window guarantee sequencing verification incident timeline community will said hope mark "
    "grace was were is on of to in for with by from about after before while since"
).split()
VERBS = ["argued", "recalled", "cautioned", "suggested", "noted", "offered", "proposed"]
OTHERS = ["Ingrid Haugland", "Pablo Ferreira", "Min-seo Choi", "Oluchi Eze"]


def roster() -> list[Candidate]:
    return [
        Candidate(
            id=f"b{i:02d}",
            name=name,
            aliases=tuple(a for a in [alias] if a),
            party=party,
            category=Category(category),
            gender=gender,
            affiliation=ORGS[i % len(ORGS)],
            title=title,
        )
        for i, (name, alias, party, category, gender, title) in enumerate(PEOPLE)
    ]


def mention(rng: random.Random, cand: Candidate) -> str:
    parts = cand.name.split()
    surname = parts[-1]
    forms = [
        cand.name,
        surname,
        f"Dr. {surname}",
        f"{parts[0][0]}. {surname}",
        surname.upper(),
        f"{surname}'s",
        parts[0],
        *cand.aliases,
    ]
    return rng.choice(forms)


def synthetic_text(size: int, seed: int) -> str:
    rng = random.Random(seed)
    people = roster()
    out: list[str] = []
    total = 0
    while total < size:
        filler = " ".join(rng.choice(WORDS) for _ in range(rng.randint(6, 18)))
        roll = rng.random()
        if roll < 0.35:
            who = mention(rng, rng.choice(people))
            sentence = f"{who} {rng.choice(VERBS)} that {filler}."
        elif roll < 0.45:
            sentence = f"The {rng.choice(ORGS).split(' (')[0]} shared {filler}."
        elif roll < 0.5:
            sentence = f"The envoy, {rng.choice(OTHERS)}, noted {filler}."
        else:
            sentence = filler.capitalize() + "."
        out.append(sentence)
        total += len(sentence) + 1
        if rng.random() < 0.15:
            out.append("\n\n")
    return " ".join(out)


# Notes in Arabic, Russian, French and Spanish that name the same people in their script.
NATIVE = [
    "كريمة بن سالم", "عبد القادر الشامي", "لأبي حاتم", "والشامي", "يوسف درويش", "بدرويش",
    "Оксане Грищенко", "Томаш Вечорек", "Болатом Сейткали", "Вечорека", "Грищенко",
    "Mme Bensalem", "la Sra. Quispe Mamani", "M. Wieczorek", "doña Lucía",
]  # fmt: skip
FILLERS = {
    "ar": "قال إن الطريق مغلق منذ أسبوع وإن اللجنة المحلية طلبت ضمانات مكتوبة قبل فتح المعبر",
    "ru": "сказал что колонна ждёт у моста уже неделю и местный совет просит письменных гарантий",
    "fr": "a rappelé que le convoi attend au pont depuis une semaine et que le conseil local",
    "es": "recordó que el convoy espera en el puente desde hace una semana y que el consejo",
}
OTHER_NATIVE = ["مروان البرغوثي", "Лев Толстой", "Simón Bolívar"]


def mixed_text(size: int, seed: int) -> str:
    """Notes of the same size mixing Latin, Arabic and Cyrillic paragraphs."""
    rng = random.Random(seed)
    latin = synthetic_text(size // 2, seed)
    out: list[str] = []
    total = 0
    langs = list(FILLERS)
    while total < size - len(latin):
        lang = rng.choice(langs)
        words = FILLERS[lang].split()
        rng.shuffle(words)
        roll = rng.random()
        who = rng.choice(NATIVE) if roll < 0.35 else rng.choice(OTHER_NATIVE) if roll < 0.4 else ""
        sentence = f"{who} {' '.join(words)}." if who else " ".join(words) + "."
        out.append(sentence)
        total += len(sentence) + 1
        if rng.random() < 0.15:
            out.append("\n\n")
    return latin + "\n\n" + " ".join(out)


def timed(fn: Callable[[], Any], repeat: int = 3) -> tuple[float, Any]:
    best = float("inf")
    result = None
    for _ in range(repeat):
        start = time.perf_counter()
        result = fn()
        best = min(best, time.perf_counter() - start)
    return best, result


def cli_seconds(text: str, people: list[Candidate]) -> tuple[float, float]:
    """(scan time net of start-up, start-up time) of the installed command."""
    exe = Path(sys.executable).with_name("backchannel")
    with tempfile.TemporaryDirectory() as tmp:
        roster_csv = Path(tmp) / "roster.csv"
        lines = ["id,name,aliases,party,category,gender,affiliation,title"]
        for c in people:
            cells = [c.id, c.name, ";".join(c.aliases), c.party, str(c.category), c.gender]
            cells += [c.affiliation, c.title]
            lines.append(",".join(f'"{x}"' for x in cells))
        roster_csv.write_text("\n".join(lines) + "\n", encoding="utf-8")
        big, tiny = Path(tmp) / "big.txt", Path(tmp) / "tiny.txt"
        big.write_text(text, encoding="utf-8")
        tiny.write_text("Nothing here.", encoding="utf-8")

        def run(path: Path) -> float:
            start = time.perf_counter()
            cmd = [str(exe), "gate", "scan", str(path), "--roster", str(roster_csv), "--json"]
            subprocess.run(cmd, capture_output=True, check=False)
            return time.perf_counter() - start

        base = min(run(tiny) for _ in range(2))
        full = min(run(big) for _ in range(2))
    return full - base, base


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--size", type=int, default=2_000_000)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--no-cli", action="store_true")
    args = ap.parse_args()
    people = roster()
    text = synthetic_text(args.size, args.seed)
    n = len(text)
    build_index, _ = timed(lambda: RosterIndex(people))
    build_gate, gate = timed(lambda: Gate(people))
    t_fold, folded = timed(lambda: fold_text(text))
    t_names, _ = timed(lambda: gate._scanner.find(text, folded))
    t_fuzzy, _ = timed(lambda: list(gate.index.fuzzy.find(text)))
    t_desc, _ = timed(lambda: list(gate._descriptors.find(text, folded)))
    t_scan, findings = timed(lambda: gate.scan(text))
    mixed = mixed_text(args.size, args.seed)
    t_mixed, mixed_findings = timed(lambda: gate.scan(mixed))
    result: dict[str, Any] = {
        "chars": n,
        "roster": len(people),
        "patterns": gate.index.pattern_count,
        "findings": len(findings),
        "build_index_s": round(build_index, 4),
        "build_gate_s": round(build_gate, 4),
        "fold_s": round(t_fold, 4),
        "names_s (incl. near spellings)": round(t_names, 4),
        "near_spellings_s": round(t_fuzzy, 4),
        "descriptors_s": round(t_desc, 4),
        "scan_s": round(t_scan, 4),
        "scan_chars_per_s": round(n / t_scan),
        "mixed_chars": len(mixed),
        "mixed_findings": len(mixed_findings),
        "mixed_scan_s": round(t_mixed, 4),
        "mixed_chars_per_s": round(len(mixed) / t_mixed),
    }
    if not args.no_cli:
        net, base = cli_seconds(text, people)
        result["cli_startup_s"] = round(base, 3)
        result["cli_chars_per_s"] = round(n / max(net, 1e-6))
    if args.json:
        print(json.dumps(result, indent=2))
        return
    print(f"gate bench: {n:,} characters, {len(people)}-person roster, seed {args.seed}")
    print(
        f"  build roster index   {build_index * 1000:8.1f} ms ({gate.index.pattern_count} patterns)"
    )
    print(f"  build gate (total)   {build_gate * 1000:8.1f} ms")
    print(f"  fold text            {t_fold * 1000:8.1f} ms")
    print(f"  names etc. (+fuzzy)  {t_names * 1000:8.1f} ms")
    print(f"    near spellings     {t_fuzzy * 1000:8.1f} ms")
    print(f"  descriptors          {t_desc * 1000:8.1f} ms")
    print(f"  scan (total)         {t_scan * 1000:8.1f} ms   {n / t_scan / 1e6:6.2f} M chars/s")
    print(f"  findings             {len(findings):8d}")
    print(
        f"  mixed-script scan    {t_mixed * 1000:8.1f} ms   "
        f"{len(mixed) / t_mixed / 1e6:6.2f} M chars/s"
        f"  ({len(mixed):,} characters, Latin, Arabic and Cyrillic; "
        f"{len(mixed_findings)} findings)"
    )
    if not args.no_cli:
        print(
            f"  CLI scan --json      {result['cli_chars_per_s'] / 1e6:6.2f} M chars/s "
            f"net of start-up ({result['cli_startup_s']:.2f} s)"
        )


if __name__ == "__main__":
    main()

"""The brief as one self-contained HTML file: every string escaped, images inline as data:
URIs, styles inline, no script and no external asset, so it opens offline and leaks no
request to anyone.

Every word of its own comes from the data, in the document's language (`lang`, `dir`,
`labels`, `headings`, `copy_label`); what the evidence says is set in its own direction
(`dir="auto"`, `<bdi>`), so that Arabic reads right to left in a brief in another language and
English left to right in an Arabic one."""

from __future__ import annotations

import base64
from collections.abc import Iterable, Mapping
from html import escape
from typing import Any

STYLE = """
body{font-family:Georgia,'Libertinus Serif',serif;color:#1f2a36;max-width:52rem;margin:2rem auto;
padding:0 1.2rem;line-height:1.5;font-size:16px}
header .marking{font:600 .72rem/1.2 system-ui,sans-serif;letter-spacing:.12em;
text-transform:uppercase;color:#7b8794;display:flex;justify-content:space-between;
border-bottom:1px solid #9aa5b1;padding-bottom:.3rem}
h1{font-size:1.9rem;margin:1.2rem 0 .1rem}.subtitle{font-style:italic;color:#2d4a6b;margin:0}
.date{color:#7b8794;font-size:.9rem}h2{color:#2d4a6b;font-size:1.2rem;margin-top:2rem;
border-bottom:1px solid #d5dbe1}h3{font-size:1rem}
table{border-collapse:collapse;width:100%;font-size:.85rem;margin:.6rem 0}
th{text-align:start;border-top:1.5px solid #1f2a36;border-bottom:1px solid #9aa5b1;padding:.3rem}
td{border-bottom:1px solid #d5dbe1;padding:.3rem;vertical-align:top}td.n{text-align:end}
.quiet{color:#5a6570;font-size:.85rem}.view{color:#2d4a6b;font-size:.82rem;display:block}
.kind{color:#2d4a6b;font-size:.7rem;letter-spacing:.08em;text-transform:uppercase}
figure{margin:1rem 0}figure img{width:100%;height:auto}
figcaption{color:#5a6570;font-size:.85rem}
blockquote{border-inline-start:3px solid #2d4a6b;margin:.6rem 0;padding:.1rem .8rem;
font-style:italic}
"""


def _e(value: Any) -> str:
    return escape(str(value), quote=True)


def _said(value: Any) -> str:
    """What someone wrote, as a block in its own direction."""
    return f'<div dir="auto">{_e(value)}</div>'


def _bdi(value: Any) -> str:
    """What someone wrote, inline, in its own direction."""
    return f"<bdi>{_e(value)}</bdi>"


def _image(name: str | None, images: Mapping[str, bytes], caption: str | None) -> str:
    if not name or name not in images:
        return ""
    data = base64.b64encode(images[name]).decode("ascii")
    return (
        f'<figure><img alt="{_e(caption or name)}" src="data:image/png;base64,{data}">'
        f"<figcaption>{_e(caption or '')}</figcaption></figure>"
    )


def _table(header: Iterable[str], rows: Iterable[Iterable[str]], numeric: int = 99) -> str:
    head = "".join(f"<th>{h}</th>" for h in header)
    body = "".join(
        "<tr>"
        + "".join(
            f'<td class="n">{cell}</td>' if i >= numeric else f"<td>{cell}</td>"
            for i, cell in enumerate(row)
        )
        + "</tr>"
        for row in rows
    )
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def _about(d: Mapping[str, Any], heading: str, labels: Mapping[str, str]) -> list[str]:
    out = [f"<h2>1 {_e(heading)}</h2>"]
    out += [f"<p>{_e(p)}</p>" for p in d["paragraphs"]]
    if d["problem"]:
        out.append(
            f'<blockquote><span class="quiet">{_e(labels["problem"])}</span><br>'
            f"{_bdi(d['problem'])}</blockquote>"
        )
    if d["names"]:
        out += [f"<h3>{_e(labels['names'])}</h3>", f"<p>{_e(d['names_intro'])}</p>"]
        rows = [
            [
                f"<strong>{_bdi(r['names'])}</strong>",
                "".join(
                    f'<div dir="auto"><em>{_e(e["name"])}</em>: {_e(e["usage"])}</div>'
                    for e in r["entries"]
                )
                + (f'<div class="quiet" dir="auto">{_e(r["note"])}</div>' if r["note"] else ""),
            ]
            for r in d["names"]
        ]
        out.append(_table([_e(labels["names_in_use"]), _e(labels["usage"])], rows))
    return out


def brief_html(data: Mapping[str, Any], images: Mapping[str, bytes]) -> str:
    """The whole brief as an HTML document (UTF-8 text)."""
    h, labels = data["headings"], data["labels"]
    copy = f"{_e(data['copy_label'])} {_e(data['copy'])}" if data["copy"] else ""
    lang, direction = data.get("lang", "en"), data.get("dir", "ltr")
    out = [
        "<!DOCTYPE html>",
        f'<html lang="{_e(lang)}" dir="{_e(direction)}"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        '<meta name="robots" content="noindex">',
        f"<title>{_e(data['title'])} \u2014 {_e(data['subtitle'])}</title>",
        f"<style>{STYLE}</style></head><body>",
        f'<header><div class="marking"><span>{_e(data["marking"])}</span><span>{copy}</span></div>',
        f"<h1>{_e(data['title'])}</h1>",
        f'<p class="subtitle" dir="auto">{_e(data["subtitle"])}</p>',
        f'<p class="date">{_e(data["date"])}'
        + (f" \u00b7 {_e(data['meeting'])}" if data["meeting"] else "")
        + "</p></header><main>",
    ]
    out += _about(data["about"], h["about"], labels)
    number = 2
    if data["map"]:
        m = data["map"]
        out += [f"<h2>{number} {_e(h['map'])}</h2>", _image(m["image"], images, m["caption"])]
        out.append(f'<p class="quiet">{_e(m["note"])}</p>')
        if m["crossings"]:
            out.append(f"<p>{_e(m['crossings'])}</p>")
        number += 1
    if data["timeline"]:
        t = data["timeline"]
        out += [f"<h2>{number} {_e(h['timeline'])}</h2>", _image(t["image"], images, t["caption"])]
        out.append(f"<p>{_e(t['intro'])}</p>")
        rows = [
            [
                f"<strong>{_e(r['n'])}</strong>",
                _e(r["when"]),
                _said(r["event"])
                + "".join(
                    f'<span class="view" dir="auto">{_e(v["party"])}: '
                    f"<em>\u201c{_e(v['words'])}\u201d</em></span>"
                    for v in r["views"]
                ),
                f'<span class="quiet">{_bdi(r["source"])}</span>',
            ]
            for r in t["rows"]
        ]
        head = [_e(labels[k]) for k in ("number", "date", "event", "source")]
        out.append(_table(head, rows))
        number += 1
    if data["legal"]:
        out += [f"<h2>{number} {_e(h['legal'])}</h2>", f"<p>{_e(data['legal']['intro'])}</p>"]
        rows = [
            [
                f'<div dir="auto"><strong>{_e(r["provision"])}</strong></div>'
                f"{_said(r['instrument'])}"
                f'<span class="kind">{_e(r["kind"])}</span>',
                _said(r["obligation"]),
                _said(r["relevance"]),
            ]
            for r in data["legal"]["rows"]
        ]
        head = [_e(labels[k]) for k in ("instrument", "requires", "matters")]
        out.append(_table(head, rows))
        number += 1
    if data["figures"]:
        f = data["figures"]
        out += [f"<h2>{number} {_e(h['figures'])}</h2>", _image(f["image"], images, f["caption"])]
        out.append(f'<p class="quiet">{_e(f["note"])}</p>')
        cells = [[_bdi(r[0]), _bdi(r[1]), *(_e(c) for c in r[2:])] for r in f["rows"]]
        out.append(_table([_e(x) for x in f["header"]], cells, 2))
        number += 1
    s = data["sources"]
    out += [f"<h2>{number} {_e(h['sources'])}</h2>", f"<p>{_e(s['intro'])}</p>"]
    out.append(
        _table(
            [_e(labels[k]) for k in ("source", "comes_from", "used_for")],
            [
                [
                    _bdi(r["name"]),
                    _e(r["origin"]),
                    f'<span class="quiet">{_e(r["used_for"])}</span>',
                ]
                for r in s["rows"]
            ],
        )
    )
    out.append("</main></body></html>")
    return "\n".join(out) + "\n"

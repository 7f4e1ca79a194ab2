"""User text in the Markdown documents: read by a CommonMark parser it is exactly the text
as written (no backslashes showing, no markup of its own), wherever it is placed."""

from __future__ import annotations

import pytest
from markdown_it import MarkdownIt

from backchannel.render.markdown import escape

MD = MarkdownIt("commonmark").enable("table").enable("strikethrough")

HOSTILE = [
    "<script>alert('x')</script>",
    "[le rapport](https://example.org/fuite)",
    "![img](x.png)",
    "*gras* et _italique_ et `code`",
    "~~barré~~ | a | b |",
    "# Titre",
    "> citation",
    "- puce",
    "+ puce",
    "1. premier",
    "12) douzième",
    "---",
    "&copy; &#169;",
    "\\*déjà échappé\\*",
]
ORDINARY = [
    "Non-paper",
    "Chatham House Rule.",
    "Ouverture du point de passage de Dorran (km 12) : 3 convois/semaine !",
    "Velmar / Welmar (A), 2027-03-15.",
    "الورقة غير الرسمية (النسخة 2 من 6).",
]


def rendered_text(markdown: str) -> str:
    """The text a reader sees: the inline content of the first block, with no markup."""
    tokens = MD.parse(markdown)
    inline = next(t for t in tokens if t.type == "inline")
    assert inline.children is not None
    kinds = {c.type for c in inline.children}
    assert kinds <= {"text", "softbreak"}, kinds  # no link, emphasis, code, image or html
    return "".join(c.content for c in inline.children)


@pytest.mark.parametrize("text", HOSTILE + ORDINARY)
@pytest.mark.parametrize("place", ["alone", "after a label", "in a bullet"])
def test_reads_as_written(text: str, place: str) -> None:
    line = {
        "alone": escape(text),
        "after a label": f"Qui : {escape(text)}",
        "in a bullet": f"- {escape(text)}",
    }[place]
    tokens = MD.parse(line)
    assert [t.type for t in tokens if t.type.endswith("_open")] in (
        ["paragraph_open"],
        ["bullet_list_open", "list_item_open", "paragraph_open"],
    )
    shown = rendered_text(line)
    assert shown.endswith(text) if place != "alone" else shown == text


@pytest.mark.parametrize("text", ORDINARY)
def test_ordinary_text_needs_no_backslash(text: str) -> None:
    assert text == escape(text)

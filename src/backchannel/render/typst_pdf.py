"""Typeset a PDF with Typst from a template and JSON data.

User text never becomes Typst markup: the data reaches the template as one JSON string in
`sys.inputs`, and the template shows its values as plain text. So a candidate called
`#exec("rm")` or a problem statement with `$` and `*` prints as written.
"""

from __future__ import annotations

import json
import shutil
import tempfile
from collections.abc import Mapping
from datetime import UTC, datetime
from importlib import resources
from pathlib import Path
from typing import Any

from backchannel.render.fonts import font_paths

TEMPLATES = resources.files("backchannel.render") / "templates"


def _copy_templates(root: Path) -> None:
    for entry in TEMPLATES.iterdir():
        if entry.name.endswith(".typ"):
            (root / entry.name).write_text(entry.read_text(encoding="utf-8"), encoding="utf-8")


def render_pdf(
    template: str,
    data: Mapping[str, Any],
    *,
    images: Mapping[str, Path] | None = None,
    when: datetime | None = None,
) -> bytes:
    """The PDF bytes of `template` (a file under render/templates) filled with `data`.

    `images` maps a name used in the data (e.g. "indicators.png") to a file to include.
    """
    with tempfile.TemporaryDirectory(prefix="backchannel-typst-") as tmp:
        root = Path(tmp)
        _copy_templates(root)
        for name, path in (images or {}).items():
            safe = Path(name).name  # never let a name climb out of the build folder
            shutil.copyfile(path, root / safe)
        stamp = (when or datetime.now(UTC)).replace(tzinfo=UTC)
        import typst  # loaded when a PDF is typeset, not for every command

        pdf: bytes = typst.compile(
            str(root / template),
            root=str(root),
            sys_inputs={"data": json.dumps(data, ensure_ascii=False, default=str)},
            font_paths=list(font_paths()),
            ignore_system_fonts=True,
            timestamp=int(stamp.timestamp()),
        )
        return pdf

"""Saving a matplotlib figure as a PNG file, whole or not at all, and text safe to draw."""

from __future__ import annotations

import os
import tempfile
import warnings
from pathlib import Path

from matplotlib.figure import Figure

from backchannel.domain.errors import BadInputError


def text_for_mpl(value: str, limit: int = 60) -> str:
    """Plain text for matplotlib: '$' would start mathtext; long text is cut."""
    value = " ".join(value.split())
    if len(value) > limit:
        value = value[: limit - 1].rstrip() + "\u2026"
    return value.replace("$", r"\$")


def save_png(figure: Figure, out: Path, dpi: int) -> Path:
    """Write `figure` to `out` through a temporary file beside it; clear the figure."""
    if not out.parent.is_dir():
        raise BadInputError("folder does not exist", file=str(out.parent))
    if out.is_dir():
        raise BadInputError("is a folder, not a file name for the image", file=str(out))
    fd, temp_name = tempfile.mkstemp(dir=out.parent, prefix=f".{out.name}.", suffix=".tmp")
    os.close(fd)
    temp = Path(temp_name)
    try:
        with warnings.catch_warnings():
            # Names in scripts DejaVu Sans lacks are drawn as boxes; say nothing about it.
            warnings.filterwarnings("ignore", message=r"Glyph \d+ .*missing from font")
            figure.savefig(temp, format="png", dpi=dpi, metadata={"Software": None})
        os.replace(temp, out)
    finally:
        temp.unlink(missing_ok=True)
        figure.clear()
    return out

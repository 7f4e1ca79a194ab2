"""Files the workbench serves besides its own: the bundled fonts (see `render.fonts`)."""

from __future__ import annotations

from backchannel.render.fonts import font_folders

__all__ = ["font_folders"]

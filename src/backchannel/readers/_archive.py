"""Untrusted ZIP containers (XLSX, DOCX) checked before any parser opens them.

A workbook of 2 MB can hold gigabytes of empty rows or hundreds of thousands of shared
strings; the sizes a ZIP declares can lie. So every member is inflated here, in chunks and
in memory, counting what it really holds, and the file is refused (a BadInputError naming
it) when it has too many members, a member or a total too large, or a compression ratio no
office document reaches. Nothing is written to disk.
"""

from __future__ import annotations

import io
import zipfile
import zlib
from dataclasses import dataclass

from backchannel.domain.errors import BadInputError

_CHUNK = 1 << 16


@dataclass(frozen=True, slots=True)
class ZipLimits:
    members: int = 200
    member_bytes: int = 64 * 1024 * 1024
    total_bytes: int = 128 * 1024 * 1024
    #: Inflated / stored, per member over 1 MB. Office XML compresses 5-20x; bombs 1000x.
    ratio: int = 120


def check_zip(data: bytes, name: str, limits: ZipLimits = ZipLimits()) -> None:
    """Refuse a ZIP that would cost more than `limits` to open; return quietly otherwise."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, OSError):
        raise BadInputError("is not a readable ZIP container (.xlsx, .docx)", file=name) from None
    with archive:
        infos = archive.infolist()
        if len(infos) > limits.members:
            raise BadInputError(
                f"holds {len(infos)} parts; an office file of this kind has fewer than "
                f"{limits.members}",
                file=name,
            )
        total = 0
        for info in infos:
            total += _inflated_size(archive, info, name, limits, limits.total_bytes - total)


def _inflated_size(
    archive: zipfile.ZipFile, info: zipfile.ZipInfo, name: str, limits: ZipLimits, room: int
) -> int:
    cap = min(limits.member_bytes, room)
    size = 0
    try:
        with archive.open(info) as member:
            while chunk := member.read(_CHUNK):
                size += len(chunk)
                if size > cap:
                    which = "in all" if cap == room else "in one part"
                    raise BadInputError(
                        f"would unpack to more than {cap // (1024 * 1024)} MB {which}; "
                        "save it again from your spreadsheet, without empty rows",
                        file=name,
                    )
    except (zipfile.BadZipFile, zlib.error, NotImplementedError, EOFError, RuntimeError):
        raise BadInputError("is damaged (a part cannot be unpacked)", file=name) from None
    stored = max(info.compress_size, 1)
    if size > 1024 * 1024 and size // stored > limits.ratio:
        raise BadInputError(
            f"is compressed {size // stored} to 1, as no real workbook or document is; "
            "it may be built to exhaust the server",
            file=name,
        )
    return size

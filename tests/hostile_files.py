"""Hostile and huge input files, built fast (no openpyxl writing) for tests and benchmarks.

``raw_xlsx`` writes the few parts of a workbook by hand: a million-row sheet takes seconds
instead of minutes. ``zip_bomb_xlsx`` declares a sheet that inflates to gigabytes.
"""

from __future__ import annotations

import zipfile
import zlib
from collections.abc import Iterable, Iterator
from pathlib import Path

_CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-'
    'officedocument.spreadsheetml.sheet.main+xml"/>'
    '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-'
    'officedocument.spreadsheetml.worksheet+xml"/>'
    "</Types>"
)
_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>'
)
_WORKBOOK = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
    '<sheets><sheet name="{sheet}" sheetId="1" r:id="rId1"/></sheets></workbook>'
)
_WORKBOOK_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>'
)
_SHEET_HEAD = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
)
_SHEET_TAIL = "</sheetData></worksheet>"


def _letter(index: int) -> str:
    letters = ""
    index += 1
    while index:
        index, rem = divmod(index - 1, 26)
        letters = chr(65 + rem) + letters
    return letters


def _cell(ref: str, value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, int | float):
        return f'<c r="{ref}"><v>{value}</v></c>'
    text = str(value).replace("&", "&amp;").replace("<", "&lt;")
    return f'<c r="{ref}" t="inlineStr"><is><t>{text}</t></is></c>'


def _sheet_xml(rows: Iterable[Iterable[object]]) -> Iterator[bytes]:
    yield _SHEET_HEAD.encode()
    chunk: list[str] = []
    for number, row in enumerate(rows, start=1):
        cells = "".join(_cell(f"{_letter(i)}{number}", v) for i, v in enumerate(row))
        chunk.append(f'<row r="{number}">{cells}</row>')
        if len(chunk) >= 5000:
            yield "".join(chunk).encode()
            chunk = []
    yield ("".join(chunk) + _SHEET_TAIL).encode()


def raw_xlsx(path: Path, rows: Iterable[Iterable[object]], sheet: str = "Số liệu") -> Path:
    """A minimal workbook (inline strings, no styles) that openpyxl and Excel open."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as zf:
        zf.writestr("[Content_Types].xml", _CONTENT_TYPES)
        zf.writestr("_rels/.rels", _RELS)
        zf.writestr("xl/workbook.xml", _WORKBOOK.format(sheet=sheet))
        zf.writestr("xl/_rels/workbook.xml.rels", _WORKBOOK_RELS)
        with zf.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as fh:
            for part in _sheet_xml(rows):
                fh.write(part)
    return path


def meter_rows(n: int) -> Iterator[list[object]]:
    """A header and ``n`` monthly rows of the wide layout: Tháng, Điện (kWh), Nước (m3)."""
    yield ["Tháng", "Điện (kWh)", "Nước (m3)"]
    for i in range(n):
        yield [f"{2000 + i // 12 % 100:04d}-{i % 12 + 1:02d}", 1000 + i % 97, 50 + i % 13]


def zip_bomb_xlsx(
    path: Path, inflated: int = 3 << 30, member: str = "xl/worksheets/sheet1.xml"
) -> Path:
    """A workbook of a few MB whose ``member`` (the sheet) inflates to ``inflated`` bytes (3 GB)
    of blank space after one real row: what a decompression bomb looks like to a reader.

    Compressing gigabytes would take a minute; but deflate blocks ended by a full flush do not
    depend on what came before, so the compressed form of one 1 MB block is simply repeated.
    """
    head = _SHEET_HEAD.encode() + b'<row r="1"><c r="A1"><v>1</v></c></row>'
    tail = _SHEET_TAIL.encode()
    block = b" " * (1 << 20)
    count = max(1, (inflated - len(head) - len(tail)) // len(block))
    comp = zlib.compressobj(9, zlib.DEFLATED, -15)
    first = comp.compress(head) + comp.flush(zlib.Z_FULL_FLUSH)
    one = comp.compress(block) + comp.flush(zlib.Z_FULL_FLUSH)
    last = comp.compress(tail) + comp.flush()
    crc = zlib.crc32(head)
    for _ in range(count):
        crc = zlib.crc32(block, crc)
    bomb = (member, first + one * count + last, len(head) + count * len(block) + len(tail), crc)
    parts = [
        ("[Content_Types].xml", _CONTENT_TYPES),
        ("_rels/.rels", _RELS),
        ("xl/workbook.xml", _WORKBOOK.format(sheet="Bom")),
        ("xl/_rels/workbook.xml.rels", _WORKBOOK_RELS),
        ("xl/worksheets/sheet1.xml", _SHEET_HEAD + _SHEET_TAIL),
    ]
    members = [_deflated(name, text.encode()) for name, text in parts if name != member]
    _write_zip(path, [*members, bomb])
    return path


def _deflated(name: str, data: bytes) -> tuple[str, bytes, int, int]:
    comp = zlib.compressobj(6, zlib.DEFLATED, -15)
    return name, comp.compress(data) + comp.flush(), len(data), zlib.crc32(data)


def _write_zip(path: Path, members: list[tuple[str, bytes, int, int]]) -> None:
    """A zip file written field by field (sizes below 4 GB: no ZIP64)."""
    import struct

    central = b""
    with path.open("wb") as fh:
        for name, raw, size, crc in members:
            offset = fh.tell()
            encoded = name.encode()
            fields = (20, 0, 8, 0, 0x21, crc, len(raw), size, len(encoded), 0)
            fh.write(struct.pack("<4s5HIIIHH", b"PK\x03\x04", *fields) + encoded + raw)
            central += (
                struct.pack(
                    "<4s6HIIIHHHHHII",
                    b"PK\x01\x02",
                    20,
                    *fields[:-1],
                    0,
                    0,
                    0,
                    0,
                    0,
                    offset,
                )
                + encoded
            )
        start = fh.tell()
        fh.write(central)
        fh.write(
            struct.pack(
                "<4s4HIIH", b"PK\x05\x06", 0, 0, len(members), len(members), len(central), start, 0
            )
        )


def log_rows(n: int) -> Iterator[list[object]]:
    """A header and ``n`` meter readings of the long layout (Ngày, Loại, Lượng): 50 a day."""
    yield ["Ngày", "Loại", "Lượng"]
    names = ("Điện lưới", "Nước cấp")
    for i in range(n):
        day = i // 50
        year, rem = 2000 + day // 360, day % 360
        yield [f"{rem % 28 + 1:02d}/{rem // 30 + 1:02d}/{year}", names[i % 2], i % 7 + 1]


def png_bomb(width: int, height: int) -> bytes:
    """A valid black RGB PNG of ``width`` x ``height`` that is only kilobytes long: the pixels
    are a deflate stream of zero rows, made once per row and repeated (full flushes)."""
    import struct

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    line = b"\x00" * (1 + 3 * width)  # filter byte "none" + black pixels
    comp = zlib.compressobj(9, zlib.DEFLATED, -15)
    one = comp.compress(line) + comp.flush(zlib.Z_FULL_FLUSH)
    adler = 1
    for _ in range(height):
        adler = zlib.adler32(line, adler)
    # zlib header, the raw deflate blocks, the final empty block, the checksum of all rows
    idat = b"\x78\xda" + one * height + comp.flush() + struct.pack(">I", adler)
    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", idat) + chunk(b"IEND", b"")


def jpeg_claiming(width: int, height: int) -> bytes:
    """A small real JPEG whose frame header claims ``width`` x ``height`` (up to 65,535)."""
    import io
    import struct

    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", (16, 16), "grey").save(out, "JPEG")
    data = out.getvalue()
    at = data.index(b"\xff\xc0") + 5  # SOF0: length(2) precision(1) height(2) width(2)
    return data[:at] + struct.pack(">HH", height, width) + data[at + 4 :]

"""Hostile input files (issue 25 part 4): decompression-bomb images, a zip saved as .jpg, zip-bomb
workbooks, CSV in Windows-1258 and UTF-16, a template with a 10 MB string. Each is refused with
one translated line naming the file (and row where it applies), reads bounded memory (peaks
measured by benchmarks/bench_hostile.py), and leaves the audit file as it was."""

from __future__ import annotations

import hashlib
import io
import re
import zipfile

import pytest
from PIL import Image

from app.core.errors import UserError
from app.core.messages import render
from app.core.model import Finding
from app.core.photos import MAX_DECODED_PIXELS, process_photo_bytes, process_photo_files
from app.core.templates import MAX_TEXT_CHARS, load_template, load_templates
from app.store import importer_read
from app.store.auditfile import AuditFile
from app.store.importer import ColumnMap, Mapping, import_file, validate
from tests.hostile_files import jpeg_claiming, png_bomb, raw_xlsx, zip_bomb_xlsx
from tests.test_import import LONG, make_audit, to_cp1258

MAPPING = Mapping(period_column="Tháng", columns=[ColumnMap("Điện (kWh)", "Điện lưới")])


def sha(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def one_line(problem, *names: str) -> None:
    for lang in ("en", "vi"):
        # Amounts carry the language's thousands mark (1,000 / 1.000): compare the digits.
        line = re.sub(r"(?<=\d)[.,](?=\d{3}\b)", "", render(problem, lang))
        assert "\n" not in line and all(n in line for n in names), line


@pytest.fixture
def audit_path(tmp_path):
    finding = Finding(area="boilers_steam", item_id="gen.steam.insulation")
    audit, *_ = make_audit()
    audit.findings.append(finding)
    path = tmp_path / "a.recp"
    AuditFile.create(path, audit).close()
    return path


# -- photos -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "data", "megapixels"),
    [
        ("bomb.png", lambda: png_bomb(30_000, 30_000), "900"),  # 3 MB, Pillow's bound
        ("big.png", lambda: png_bomb(8_000, 8_000), "64"),  # under it, over ours
        ("claims.jpg", lambda: jpeg_claiming(65_000, 65_000), "4225"),
    ],
)
def test_decompression_bomb_images_are_refused_before_decoding(
    tmp_path, audit_path, name, data, megapixels
):
    src = tmp_path / name
    src.write_bytes(data())
    with AuditFile.open(audit_path) as af:
        before = af.load()
        done, problems = process_photo_files([src])
        assert done == [] and [p.key for p in problems] == ["photo.too_large"]
        assert problems[0].location.file == name
        one_line(problems[0], name, megapixels)
        if done:  # the import path: only processed photos are ever written, in one apply
            af.apply(put=[p.to_photo(before.findings[0].id) for p in done])
    with AuditFile.open(audit_path, read_only=True, backup=False) as af:
        assert af.load() == before and af.load().photos == []


def test_the_decoded_limit_is_the_one_said(tmp_path):
    ok = png_bomb(6_000, 6_000)  # 36 MP: under MAX_DECODED_PIXELS, downscaled
    assert 36_000_000 < MAX_DECODED_PIXELS
    photo = process_photo_bytes(ok, "scan.png")
    assert max(photo.width, photo.height) == 2048
    with pytest.raises(UserError) as exc:
        process_photo_bytes(png_bomb(7_000, 7_000), "scan.png")
    assert exc.value.problem.params["limit"] == MAX_DECODED_PIXELS // 1_000_000


@pytest.mark.parametrize("inner", ["word/document.xml", "xl/workbook.xml", "photo.jpg"])
def test_a_zip_named_jpg_is_said_to_be_an_archive(tmp_path, inner):
    src = tmp_path / "IMG_0042.jpg"
    with zipfile.ZipFile(src, "w") as zf:
        zf.writestr(inner, b"<x/>" if inner.endswith("xml") else jpeg_claiming(16, 16))
    done, problems = process_photo_files([src])
    assert done == [] and problems[0].key == "photo.archive"
    one_line(problems[0], "IMG_0042.jpg", "ZIP")


def test_a_photo_file_over_the_size_limit_is_not_read(tmp_path, monkeypatch):
    from app.core import photos

    monkeypatch.setattr(photos, "MAX_FILE_BYTES", 10_000)
    src = tmp_path / "huge.jpg"
    out = io.BytesIO()
    Image.effect_noise((200, 200), 80).convert("RGB").save(out, "JPEG", quality=100)
    src.write_bytes(out.getvalue())
    done, problems = process_photo_files([src])
    assert done == [] and problems[0].key == "photo.file_too_large"
    one_line(problems[0], "huge.jpg", "MB")


# -- workbooks ------------------------------------------------------------------------------


def test_a_zip_bomb_workbook_is_refused_on_its_declared_size(tmp_path, audit_path):
    src = zip_bomb_xlsx(tmp_path / "bomb.xlsx", inflated=1_500_000_000)  # 1.5 GB in 1.5 MB
    assert src.stat().st_size < 3_000_000
    before = sha(audit_path)
    with AuditFile.open(audit_path) as af, pytest.raises(UserError) as exc:
        import_file(af, src, MAPPING)
    problem = exc.value.problem
    assert problem.key == "import.zip_bomb"
    assert problem.params["part"] == "xl/worksheets/sheet1.xml"
    one_line(problem, "bomb.xlsx", "1499", "xl/worksheets/sheet1.xml")
    assert sha(audit_path) == before


def test_shared_strings_bomb_is_refused(tmp_path):
    src = zip_bomb_xlsx(tmp_path / "s.xlsx", inflated=100_000_000, member="xl/sharedStrings.xml")
    audit, *_ = make_audit()
    with pytest.raises(UserError) as exc:
        validate(src, MAPPING, audit)
    assert exc.value.problem.key == "import.zip_bomb"
    assert exc.value.problem.params["limit"] == "64"


def test_a_bomb_that_lies_about_its_size_is_a_damaged_workbook(tmp_path):
    """zipfile inflates no more than the declared size, then the checksum fails."""
    src = zip_bomb_xlsx(tmp_path / "liar.xlsx", inflated=200_000_000)
    data = bytearray(src.read_bytes())
    # set the sheet's declared size (local header and directory) to 1 MB
    real = zipfile.ZipFile(src).getinfo("xl/worksheets/sheet1.xml").file_size.to_bytes(4, "little")
    assert data.count(real) == 2
    src.write_bytes(bytes(data).replace(real, (1 << 20).to_bytes(4, "little")))
    audit, *_ = make_audit()
    with pytest.raises(UserError) as exc:
        validate(src, MAPPING, audit)
    assert exc.value.problem.key == "import.bad_workbook"
    one_line(exc.value.problem, "liar.xlsx")


def test_an_archive_of_too_many_parts_is_refused_before_listing_them(tmp_path, monkeypatch):
    monkeypatch.setattr(importer_read, "MAX_ZIP_MEMBERS", 50)
    src = raw_xlsx(tmp_path / "many.xlsx", [["Tháng", "Điện (kWh)"], ["2024-01", 1]])
    with zipfile.ZipFile(src, "a") as zf:
        for i in range(60):
            zf.writestr(f"xl/media/i{i}.bin", b"")
    audit, *_ = make_audit()
    with pytest.raises(UserError) as exc:
        validate(src, MAPPING, audit)
    assert exc.value.problem.key == "import.zip_too_many_parts"
    one_line(exc.value.problem, "many.xlsx", "65")


# -- CSV encodings --------------------------------------------------------------------------

LOG = [
    "Ngày;Loại;Lượng;ĐVT;Thành tiền",
    "01/01/2024;Điện lưới;1.000,5;kWh;2.000.000",
    "03/02/2024;Nước cấp;120;m³;",
]


@pytest.mark.parametrize(
    "encode",
    [
        lambda t: to_cp1258(t),  # Vietnamese Windows, marks partly combining
        lambda t: t.encode("utf-16"),  # Excel's "Unicode text": BOM + LE
        lambda t: b"\xfe\xff" + t.encode("utf-16-be"),
        lambda t: t.encode("utf-16-le"),  # no BOM
        lambda t: t.encode("utf-16-be"),
    ],
    ids=["cp1258", "utf16-bom", "utf16be-bom", "utf16le", "utf16be"],
)
def test_csv_in_cp1258_and_utf16_reads_the_same(tmp_path, encode):
    audit, elec, water = make_audit()
    src = tmp_path / "log.csv"
    src.write_bytes(encode("\r\n".join(LOG) + "\r\n"))
    result = validate(src, LONG, audit)
    assert result.ok, [render(p, "en") for p in result.problems]
    got = {(r.stream_id, r.period): r.quantity for r in result.records}
    assert got == {(elec.id, "2024-01"): 1000.5, (water.id, "2024-02"): 120}


def test_bytes_no_encoding_can_read_are_refused_naming_the_row(tmp_path, audit_path):
    src = tmp_path / "mixed.csv"
    # row 3 holds 0x81, which Windows-1258 does not define (and is no UTF-8 either)
    src.write_bytes(to_cp1258("\n".join(LOG)) + b"\n04/03/2024;\x81;5;kWh;\n")
    before = sha(audit_path)
    with AuditFile.open(audit_path) as af, pytest.raises(UserError) as exc:
        import_file(af, src, LONG)
    problem = exc.value.problem
    assert problem.key == "import.bad_encoding" and problem.location.row == 4
    one_line(problem, "mixed.csv", "4", "UTF-8")
    assert sha(audit_path) == before


# -- templates ------------------------------------------------------------------------------


def test_a_template_with_a_10_mb_string_is_refused_unread(tmp_path):
    bundled = sorted(load_templates().templates, key=lambda t: t.file)[0].file
    from app.core.templates import templates_dir

    text = (templates_dir() / bundled).read_text(encoding="utf-8")
    huge = text.replace('vi = "', 'vi = "' + "Ô" * 5_000_000, 1)  # 10 MB of UTF-8
    (tmp_path / "huge.toml").write_text(huge, encoding="utf-8")
    template, problems = load_template(tmp_path / "huge.toml")
    assert template is None and [p.key for p in problems] == ["template.too_large"]
    one_line(problems[0], "huge.toml", "1000")


def test_a_template_text_over_the_length_limit_names_item_and_field(tmp_path):
    from app.core.templates import templates_dir

    bundled = sorted(templates_dir().glob("*.toml"))[0]
    text = bundled.read_text(encoding="utf-8")
    long = text.replace('en = "', 'en = "' + "x" * (MAX_TEXT_CHARS + 1), 1)
    (tmp_path / "long.toml").write_text(long, encoding="utf-8")
    template, problems = load_template(tmp_path / "long.toml")
    assert template is None
    problem = next(p for p in problems if p.key == "template.text_too_long")
    assert problem.params["lang"] == "en" and problem.location.field
    one_line(problem, "long.toml", str(MAX_TEXT_CHARS))

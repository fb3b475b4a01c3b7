"""Months outside the baseline are imported with a warning naming the month and the baseline;
``import`` takes --lang after the command like every other command."""

from tests.test_acceptance_cli import demo, run, write_mapping, write_month  # noqa: F401 (fixture)


def test_month_after_the_baseline_is_imported_with_a_warning(demo, tmp_path, capsys):  # noqa: F811
    xlsx, mapping = tmp_path / "t1.xlsx", tmp_path / "map.json"
    write_month(xlsx, [["Tháng", "Điện (kWh)", "Than (t)"], ["01/2025", 480000, 290]], "T1")
    write_mapping(mapping, on_existing="reject")

    code, out, err = run(
        capsys,
        "import",
        str(demo),
        str(xlsx),
        "--mapping",
        str(mapping),
        "--lang",
        "en",
        "--dry-run",
    )
    assert code == 0, err
    report = " ".join((out + err).split())
    assert "Month Jan 2025 is outside the baseline period (Jan 2024 – Dec 2024)" in report
    # Said once per month, not once per figure (two streams in that row).
    assert report.count("outside the baseline") == 1

    code, out, err = run(
        capsys,
        "--lang",
        "vi",
        "import",
        str(demo),
        str(xlsx),
        "--mapping",
        str(mapping),
        "--dry-run",
    )
    assert code == 0, err
    assert "Tháng 01/2025 nằm ngoài giai đoạn số liệu nền" in " ".join((out + err).split())


def test_month_inside_the_baseline_gives_no_such_warning(demo, tmp_path, capsys):  # noqa: F811
    xlsx, mapping = tmp_path / "t12.xlsx", tmp_path / "map.json"
    write_month(xlsx, [["Tháng", "Điện (kWh)", "Than (t)"], ["12/2024", 500000, 290]])
    write_mapping(mapping, on_existing="replace")
    code, out, err = run(
        capsys,
        "import",
        str(demo),
        str(xlsx),
        "--mapping",
        str(mapping),
        "--lang",
        "en",
        "--dry-run",
    )
    assert code == 0, err
    assert "outside the baseline" not in out + err

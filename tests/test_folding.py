"""Text without marks, for accent-insensitive search and matching."""

from app.core.folding import search_key, without_marks


def test_marks_and_d_with_stroke_go():
    assert without_marks("Đình Vũ") == "Dinh Vu"
    assert without_marks("khí nén, nhuộm, thước, độ ẩm") == "khi nen, nhuom, thuoc, do am"


def test_search_key_folds_case_and_spaces_and_composed_forms():
    decomposed = "Kh\u0069\u0301  NE\u0301N"  # combining acute, as some keyboards type it
    assert search_key(decomposed) == search_key("khí nén") == "khi nen"

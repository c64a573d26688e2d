"""One vocabulary: every field the desk names is in one table with both labels, and intake,
the case view, the timeline, the export and the import all call it by that name."""

import dataclasses
from collections.abc import Callable

import pytest

from app.models import Complaint
from app.services import vocabulary
from app.services.casework import fields, layout
from app.services.casework.intake import IntakeForm
from app.services.importing import columns
from app.services.register import export
from tests.conftest import NOW

MakeCase = Callable[..., Complaint]
EXPORTED = [code for code, *_ in export.CASE_COLUMNS]


def test_every_field_has_a_code_and_both_labels() -> None:
    for code, field in vocabulary.FIELDS.items():
        assert field.code == code
        assert field.label.en.strip() and field.label.zh.strip(), code
        assert field.cell in ("text", "datetime", "int", "money"), code
        if field.kind == vocabulary.CODED:
            assert field.words, code


@pytest.mark.parametrize(("where", "codes"), [
    ("intake", [f.name for f in dataclasses.fields(IntakeForm)
                if f.name not in ("on_the_spot", "on_the_spot_values")]),
    ("case view", [*layout.INTAKE, *layout.HANDLING, "version"]),
    ("settable fields", list(fields.FIELDS)),
    ("export", EXPORTED),
    ("import", list(columns.FIELDS)),
    ("export summary", [group for group in export.GROUPS if group != "month"]),
])
def test_every_field_named_anywhere_is_in_the_table(where: str, codes: list[str]) -> None:
    assert codes
    assert [code for code in codes if code not in vocabulary.FIELDS] == [], where


def test_a_field_is_called_the_same_everywhere() -> None:
    for name, field in fields.FIELDS.items():
        assert field.label == vocabulary.label(name)
    for code, header, kind, _width in export.CASE_COLUMNS:
        assert (header, kind) == (vocabulary.label(code), vocabulary.FIELDS[code].cell)
    for name, field in columns.FIELDS.items():
        assert field.label == vocabulary.FIELDS[name].column_title
    # The import once called it 处理状态.
    assert {str(columns.FIELDS["status"].label.zh), vocabulary.label("status").zh} == {"状态"}


@pytest.mark.parametrize("language", ["zh", "en"])
def test_the_import_reads_back_every_column_title_the_export_writes(language: str) -> None:
    for code, header, *_ in export.CASE_COLUMNS:
        matched = columns.FIELD_BY_KEY.get(columns.header_key(getattr(header, language)))
        assert matched == (code if code in columns.FIELDS else None), code


def test_an_export_row_is_keyed_by_its_columns_codes(make_case: MakeCase) -> None:
    case = make_case(customer_name="王小芳", reference="DD-2026-1", wish="退款")
    record, fen = export._load([case.id])[case.id]
    row = export._row(record, fen, export._Names("zh_CN"), NOW)
    assert list(row) == EXPORTED
    (values,) = export.case_rows([case.id], now=NOW, language="zh_CN")
    by_code = dict(zip(EXPORTED, values, strict=True))
    assert (by_code["customer_name"], by_code["reference"], by_code["wish"]) == (
        "王小芳", "DD-2026-1", "退款")
    assert by_code["received_at"] == NOW and by_code["status"] == "新受理"

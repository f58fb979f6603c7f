"""CSV that spreadsheets open safely: reader-typed text never runs as a formula.

Excel, LibreOffice and Google Sheets treat a cell starting with `=`, `+`, `-`
or `@` (and, in some versions, a leading tab or carriage return) as a
formula, so a name such as `=HYPERLINK("http://evil.example", "Click")` typed
into a form would run on the computer of the editor who opens the export.
OWASP's advice is to prefix such cells with a single quote, which every
spreadsheet shows as plain text. Every CSV the product writes goes through
`safe_writer` (or `SafeCsvExportMixin` for Wagtail's admin list exports).
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from typing import Any

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: Any) -> Any:
    """`value`, with a quote in front when it is text a spreadsheet would run as a formula."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return f"'{value}"
    return value


def safe_row(row: Iterable[Any]) -> list[Any]:
    return [safe_cell(value) for value in row]


class SafeWriter:
    """`csv.writer` whose rows pass through `safe_cell`."""

    def __init__(self, stream: Any, **kwargs: Any) -> None:
        self._writer = csv.writer(stream, **kwargs)

    def writerow(self, row: Iterable[Any]) -> Any:
        return self._writer.writerow(safe_row(row))

    def writerows(self, rows: Iterable[Iterable[Any]]) -> None:
        for row in rows:
            self.writerow(row)


def safe_writer(stream: Any, **kwargs: Any) -> SafeWriter:
    return SafeWriter(stream, **kwargs)


class SafeCsvExportMixin:
    """For Wagtail admin views with `list_export`: its CSV cells pass through `safe_cell`.

    Wagtail's XLSX export already stores formula-looking text as text; its CSV
    export writes cells as they are, so this hooks the one method that writes a row.
    """

    def write_csv_row(self, writer: Any, row_dict: dict[str, Any]) -> Any:
        return writer.writerow(
            {
                field: safe_cell(self.preprocess_field_value(field, value, "csv"))  # type: ignore[attr-defined]
                for field, value in row_dict.items()
            }
        )

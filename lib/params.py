"""Reading query parameters: one place decides what a visitor may type after `?`.

Every view and page reads `request.GET` through these functions (or, for a
filter form that shows its errors beside the fields, through `DateParamField`),
so nothing typed into an address can reach `int()`, date arithmetic or the
database unchecked.

The rule, the same for every function unless its docstring says otherwise:

- an absent or blank parameter gives the `default`;
- a value that cannot be read (letters for a number, "²", NUL, a date that is
  not one, text longer than the page accepts) raises `BadParam`. `BadParam` is
  Django's `BadRequest`, so Django answers it with our 400 page (`lib.errors`),
  which shows its message. We refuse rather than guess because a guess shows a
  reader something they did not ask for without saying so, and gives crawlers
  endless copies of one page;
- `lenient=True` turns that refusal into the default, for parameters that only
  prefill or decorate a page (the sign-in page's `next`), where refusing the
  whole page would cost the reader more than ignoring the parameter;
- a readable number outside its range is clamped into it (page 0 is page 1),
  since the nearest sensible answer is obvious.

Repeated parameters (`?page=1&page=2`) are read as Django reads them: the last
value wins.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from typing import Any, TypeVar

from django import forms
from django.core.exceptions import BadRequest
from django.http import HttpRequest

# Far enough either way for any archive or trend period; close enough that
# "one day later" or "the Monday of that week" never leaves Python's dates.
MIN_DATE = dt.date(1900, 1, 1)
MAX_DATE = dt.date(2199, 12, 31)
# Longer numbers are not read digit by digit (int() refuses past 4,300 digits
# anyway); they are simply "very large" and clamp to the maximum.
MAX_DIGITS = 18
INTEGER = re.compile(r"[+-]?[0-9]+")
ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
# No reader types these; PostgreSQL refuses NUL in text outright.
CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")

T = TypeVar("T")


class BadParam(BadRequest):
    """A query parameter that cannot be read; Django answers it with our 400 page."""

    def __init__(self, name: str, message: str) -> None:
        self.name = name
        self.message = message
        super().__init__(message)


def _raw(request: HttpRequest, name: str) -> str | None:
    value = request.GET.get(name)
    return None if value is None else value.strip()


def parse_int(raw: str, *, min: int | None = None, max: int | None = None) -> int:
    """An ASCII whole number, clamped into [min, max]; ValueError if `raw` is not one.

    `str.isdigit()` is true for "²" and other Unicode digits that `int()`
    refuses or reads differently, so only 0-9 are accepted.
    """
    if not INTEGER.fullmatch(raw):
        raise ValueError(raw)
    digits = raw.lstrip("+-").lstrip("0")
    negative = raw.startswith("-")
    if len(digits) > MAX_DIGITS:
        number = -(10**MAX_DIGITS) if negative else 10**MAX_DIGITS
    else:
        number = int(raw)
    if min is not None and number < min:
        number = min
    if max is not None and number > max:
        number = max
    return number


def parse_date(raw: str) -> dt.date:
    """A YYYY-MM-DD date between MIN_DATE and MAX_DATE; ValueError otherwise."""
    if not ISO_DATE.fullmatch(raw):
        raise ValueError(raw)
    day = dt.date.fromisoformat(raw)
    if not MIN_DATE <= day <= MAX_DATE:
        raise ValueError(raw)
    return day


def int_param(
    request: HttpRequest,
    name: str,
    default: T,
    *,
    min: int | None = None,
    max: int | None = None,
    lenient: bool = False,
) -> int | T:
    """A whole number: blank gives `default`, out of range is clamped, unreadable raises BadParam."""
    raw = _raw(request, name)
    if not raw:
        return default
    try:
        return parse_int(raw, min=min, max=max)
    except ValueError:
        if lenient:
            return default
        raise BadParam(name, f"“{name}” must be a whole number, like 2.") from None


def date_param(request: HttpRequest, name: str, default: T, *, lenient: bool = False) -> dt.date | T:
    """A YYYY-MM-DD date: blank gives `default`; malformed or outside MIN_DATE–MAX_DATE raises BadParam.

    Far dates are refused rather than clamped: "before 9999-12-31" clamped
    would quietly mean something else, and a reader who typed it wants to know.
    """
    raw = _raw(request, name)
    if not raw:
        return default
    try:
        return parse_date(raw)
    except ValueError:
        if lenient:
            return default
        raise BadParam(name, _date_message(name)) from None


def choice_param(
    request: HttpRequest, name: str, default: T, *, choices: Iterable[str], lenient: bool = False
) -> str | T:
    """One of `choices`: blank gives `default`; anything else raises BadParam."""
    raw = _raw(request, name)
    if not raw:
        return default
    allowed = list(choices)
    if raw in allowed:
        return raw
    if lenient:
        return default
    shown = ", ".join(f"“{choice}”" for choice in allowed[:10])
    raise BadParam(name, f"“{name}” must be one of {shown}.")


def str_param(request: HttpRequest, name: str, default: T, *, max_length: int, lenient: bool = False) -> str | T:
    """Text, stripped: absent gives `default` (present but empty gives "", so a form
    can clear a choice); longer than `max_length` or holding control characters
    (NUL and the like) raises BadParam.

    Long text is refused, not cut: a search for the first 200 characters of
    what someone pasted is a different search.
    """
    raw = _raw(request, name)
    if raw is None:
        return default
    if CONTROL_CHARACTERS.search(raw):
        if lenient:
            return default
        raise BadParam(name, f"“{name}” contains characters we cannot read.")
    if len(raw) > max_length:
        if lenient:
            return default
        raise BadParam(name, f"“{name}” may be at most {max_length} characters long.")
    return raw


def _date_message(name: str) -> str:
    return (
        f"“{name}” must be a date written like 2024-05-31, between {MIN_DATE.isoformat()} and {MAX_DATE.isoformat()}."
    )


class DateParamField(forms.DateField):
    """A date in a GET filter form, read by `parse_date`, so a form that shows
    its errors beside the fields follows the same rules as `date_param`."""

    def to_python(self, value: Any) -> dt.date | None:
        if value in self.empty_values:
            return None
        if isinstance(value, dt.datetime):
            value = value.date()
        if isinstance(value, dt.date):
            return value if MIN_DATE <= value <= MAX_DATE else self._refuse()
        try:
            return parse_date(str(value).strip())
        except ValueError:
            return self._refuse()

    def _refuse(self) -> dt.date:
        raise forms.ValidationError(
            f"Write the date like 2024-05-31, between {MIN_DATE.isoformat()} and {MAX_DATE.isoformat()}.",
            code="invalid",
        )

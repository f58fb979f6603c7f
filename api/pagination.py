"""Opaque, signed cursors over a fixed ordering (keyset pagination).

A cursor carries the sort values of the last item returned, signed so a client
cannot forge one; the next page starts strictly after it, so items added while
a client pages never shift what it sees.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.core import signing
from django.db.models import Q, QuerySet

SALT = "api.cursor"
DEFAULT_LIMIT = 20
MAX_LIMIT = 100


class BadCursor(ValueError):
    pass


@dataclass(frozen=True)
class Ordering:
    """Sort by `field` (descending or not), then by primary key the same way."""

    field: str
    descending: bool

    def order_by(self) -> list[str]:
        sign = "-" if self.descending else ""
        return [f"{sign}{self.field}", f"{sign}pk"]

    def after(self, value: Any, pk: int) -> Q:
        op = "lt" if self.descending else "gt"
        return Q(**{f"{self.field}__{op}": value}) | Q(**{self.field: value, f"pk__{op}": pk})


def _encode(value: Any) -> Any:
    return {"dt": value.isoformat()} if isinstance(value, dt.datetime) else value


def _decode(value: Any) -> Any:
    if isinstance(value, dict) and set(value) == {"dt"}:
        return dt.datetime.fromisoformat(value["dt"])
    return value


def make_cursor(*, scope: str, value: Any, pk: int) -> str:
    return signing.dumps({"s": scope, "v": _encode(value), "pk": pk}, salt=SALT, compress=True)


def read_cursor(cursor: str, *, scope: str) -> tuple[Any, int]:
    try:
        data = signing.loads(cursor, salt=SALT)
        if data["s"] != scope or not isinstance(data["pk"], int):
            raise BadCursor("This cursor belongs to another list.")
        return _decode(data["v"]), data["pk"]
    except (signing.BadSignature, KeyError, TypeError, ValueError) as exc:
        raise BadCursor("The cursor is not one this API returned; start again without it.") from exc


def cursor_page(
    items: QuerySet[Any], *, ordering: Ordering, scope: str, cursor: str | None, limit: int
) -> tuple[list[Any], str | None]:
    """One page of `items` after `cursor`, and the cursor of the next page (None at the end)."""
    items = items.order_by(*ordering.order_by())
    if cursor:
        value, pk = read_cursor(cursor, scope=scope)
        items = items.filter(ordering.after(value, pk))
    rows = list(items[: limit + 1])
    page, more = rows[:limit], len(rows) > limit
    if not more or not page:
        return page, None
    last = page[-1]
    return page, make_cursor(scope=scope, value=getattr(last, ordering.field), pk=last.pk)

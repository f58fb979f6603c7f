"""“Download my data” gathers every app's part, without membership importing the apps above it.

Each app offers a function taking the user and returning a dict of its records;
settings.PERSONAL_DATA lists them (like AUTHENTICATION_BACKENDS), so adding an
app's part is one line there and nothing here or in membership changes.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.utils.module_loading import import_string


def personal_data_for(user: Any) -> dict[str, Any]:
    data: dict[str, Any] = {}
    for path in settings.PERSONAL_DATA:
        data.update(import_string(path)(user))
    return data

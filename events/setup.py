"""What every install needs from events: editors may run them."""

from typing import Any

from newsroom.roles import grant_to_editors

EDITOR_PERMISSIONS = [
    "add_event",
    "change_event",
    "delete_event",
    "view_event",
    "change_registration",
    "view_registration",
]


def ensure_event_editors(**kwargs: Any) -> None:
    """After every migrate (and test flush): the Editors group may create events and see registrations."""
    grant_to_editors(app_label="events", codenames=EDITOR_PERMISSIONS)

"""Test clients for a given reader."""

from __future__ import annotations

from typing import Any

from django.test import Client


def signed_in_client(user: Any) -> Client:
    """A client signed in as `user`, or a visitor's client when `user` is None."""
    client = Client()
    if user is not None:
        client.force_login(user)
    return client

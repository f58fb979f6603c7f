"""Questions other apps ask about teams, so they need not know membership's tables."""

from __future__ import annotations

from typing import Any

from django.db.models import Q

from membership.models import Seat, Team


def team_has_member(*, team_id: int, user: Any) -> bool:
    """Whether `user` holds a seat on the team."""
    return Seat.objects.filter(team_id=team_id, user=user).exists()


def team_ids_for(*, user: Any) -> set[int]:
    """Teams `user` runs or sits on."""
    return set(Team.objects.filter(Q(admin=user) | Q(members__user=user)).values_list("pk", flat=True))

"""What every install needs from membership: the plans PRO is sold on."""

from typing import Any

from membership.models import Plan, PlanTier

# FACTS.md: $25 a month billed annually ($300 a year), a one-week free trial, team plans.
PLANS: list[dict[str, Any]] = [
    {
        "slug": "pro-annual",
        "name": "PRO annual",
        "kind": Plan.Kind.INDIVIDUAL,
        "annual_price_cents": 30000,
        "trial_days": 7,
        "min_seats": 1,
        "max_seats": 1,
    },
    {
        "slug": "pro-team-annual",
        "name": "PRO for teams",
        "kind": Plan.Kind.TEAM,
        "annual_price_cents": 30000,
        "trial_days": 0,
        "min_seats": 3,
        "max_seats": 50,
    },
]
TEAM_TIERS = [(10, 27000), (25, 24000)]  # (from seats, cents per seat per year)


def ensure_plans(**kwargs: Any) -> None:
    """After every migrate (and test flush): the default plans exist; staff edits to them are kept."""
    for fields in PLANS:
        plan, _ = Plan.objects.get_or_create(slug=fields["slug"], defaults=fields)
        if plan.kind == Plan.Kind.TEAM:
            for from_seats, cents in TEAM_TIERS:
                PlanTier.objects.get_or_create(plan=plan, from_seats=from_seats, defaults={"annual_price_cents": cents})

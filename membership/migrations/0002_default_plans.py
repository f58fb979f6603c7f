from django.db import migrations

# FACTS.md: $25 a month billed annually ($300 a year), a one-week free trial, team plans.
PLANS = [
    {"slug": "pro-annual", "name": "PRO annual", "kind": "individual", "annual_price_cents": 30000,
     "trial_days": 7, "min_seats": 1, "max_seats": 1},
    {"slug": "pro-team-annual", "name": "PRO for teams", "kind": "team", "annual_price_cents": 30000,
     "trial_days": 0, "min_seats": 3, "max_seats": 50},
]
TIERS = [(10, 27000), (25, 24000)]


def create_plans(apps, schema_editor):
    Plan = apps.get_model("membership", "Plan")
    PlanTier = apps.get_model("membership", "PlanTier")
    for fields in PLANS:
        plan, _ = Plan.objects.get_or_create(slug=fields["slug"], defaults=fields)
        if plan.kind == "team":
            for from_seats, cents in TIERS:
                PlanTier.objects.get_or_create(plan=plan, from_seats=from_seats, defaults={"annual_price_cents": cents})


class Migration(migrations.Migration):
    dependencies = [("membership", "0001_initial")]
    operations = [migrations.RunPython(create_plans, migrations.RunPython.noop)]

"""Newsletter email counts for /metrics (listed in settings.METRICS_SOURCES)."""

from django.db.models import Count

from newsletters.models import Delivery

# (name, help, labels, value), as core.metrics reads them.
Sample = tuple[str, str, dict[str, str], float]


def email_metrics() -> list[Sample]:
    name, documentation = "newsdesk_newsletter_emails", "Newsletter deliveries by state, over all issues"
    by_state = dict(Delivery.objects.values_list("state").annotate(n=Count("pk")).values_list("state", "n"))
    samples: list[Sample] = [
        (name, documentation, {"state": state}, float(by_state.get(state, 0))) for state in Delivery.State.values
    ]
    bounced = Delivery.objects.filter(bounced_at__isnull=False).count()
    samples.append(
        ("newsdesk_newsletter_emails_bounced", "Delivered newsletter emails that bounced", {}, float(bounced))
    )
    complained = Delivery.objects.filter(complained_at__isnull=False).count()
    samples.append(
        ("newsdesk_newsletter_emails_complained", "Newsletter emails reported as spam", {}, float(complained))
    )
    return samples

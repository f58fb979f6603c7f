from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from tqdm import tqdm

from newsletters.models import Issue, Newsletter
from newsletters.sending import Recovery, issue_recover, issue_run
from newsletters.services import IssueStateError, issue_draft, issue_send_start


class Command(BaseCommand):
    help = (
        "Send a newsletter now, through the same path as the admin's “Send now”: resumes an issue that is "
        "already sending, else sends the waiting draft, else drafts one from the new articles."
    )

    # A worker that cron starts and that is started again after a crash: the system checks
    # (run at deploy by `manage.py check`) would import and inspect every app on each start.
    requires_system_checks: list[str] = []

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("slug", help="e.g. security, middle-east-minute")
        parser.add_argument("--threads", type=int, default=None, help="SMTP connections (NEWSLETTER_SEND_THREADS)")
        parser.add_argument("--no-progress", action="store_true", help="No progress bar (for logs and cron).")

    def handle(self, *args: Any, slug: str, threads: int | None, no_progress: bool, **options: Any) -> None:
        newsletter = Newsletter.objects.filter(slug=slug).first()
        if newsletter is None:
            choices = ", ".join(Newsletter.objects.values_list("slug", flat=True))
            raise CommandError(f"No newsletter {slug!r}. Choose from: {choices}.")
        issue = self._issue(newsletter)
        # Recover (and report) what dead workers left before anything else, so
        # the report is out even if this worker is stopped in its turn.
        self._report_recovery(issue_recover(issue_id=issue.pk))
        total = issue.deliveries.count()
        done = issue.deliveries.filter(state__in=["sent", "failed", "skipped", "unknown"]).count()
        with tqdm(
            total=total, initial=done, unit="msg", disable=no_progress, file=self.stderr._out, dynamic_ncols=True
        ) as bar:
            report = issue_run(issue_id=issue.pk, threads=threads, progress=bar.update)
        self._report_recovery(report.recovery)
        self.stdout.write(
            f"{newsletter.name} #{issue.number}: {report.status}; sent {report.sent}, failed {report.failed}, "
            f"skipped {report.skipped}, retrying later {report.retried} (of {total} recipients)."
        )

    def _report_recovery(self, recovery: Recovery) -> None:
        if recovery.released:
            self.stdout.write(f"Released {recovery.released} message(s) a dead worker had claimed but not sent.")
        if recovery.unknown:
            verdict = "sent again, possible duplicates" if recovery.resent else "not sent again, possibly missed"
            self.stdout.write(
                self.style.WARNING(
                    f"A previous worker died while handing {len(recovery.unknown)} message(s) to the mail server "
                    f"({verdict}): " + ", ".join(recovery.unknown)
                )
            )
        self.stdout.flush()

    def _issue(self, newsletter: Newsletter) -> Issue:
        sending = newsletter.issues.filter(status=Issue.Status.SENDING).order_by("started_at").first()
        if sending is not None:
            self.stdout.write(f"Resuming issue #{sending.number}, already sending.")
            return sending
        if newsletter.issues.filter(status=Issue.Status.PAUSED).exists():
            raise CommandError("An issue of this newsletter is paused; resume it in the admin first.")
        waiting = (
            newsletter.issues.filter(status__in=[Issue.Status.DRAFT, Issue.Status.SCHEDULED])
            .order_by("-created_at")
            .first()
        )
        issue = waiting or issue_draft(newsletter=newsletter)
        try:
            recipients = issue_send_start(issue=issue, enqueue=False)
        except IssueStateError as error:
            raise CommandError(f"Issue #{issue.number} cannot be sent: {error}") from None
        self.stdout.write(f"Sending issue #{issue.number} “{issue.subject}” to {recipients} recipients.")
        return issue

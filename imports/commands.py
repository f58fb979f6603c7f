"""What the import commands share: options, the default section, and the printed report."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from imports.articles import BadExport, Report
from newsroom.models import SectionPage


def add_common(parser: CommandParser, *, section: bool = True, images: bool = False) -> None:
    parser.add_argument("path", help="The export file.")
    parser.add_argument("--dry-run", action="store_true", help="Read and check everything, save nothing.")
    if section:
        parser.add_argument(
            "--section", default="", help="Section slug for stories whose category is not a section (default: first)."
        )
    if images:
        parser.add_argument(
            "--no-images", action="store_true", help="Do not fetch featured images (captions and alt text are kept)."
        )


def default_section(slug: str) -> SectionPage:
    sections = SectionPage.objects.live()
    section = sections.filter(slug=slug).first() if slug else sections.order_by("path").first()
    if section is None:
        raise CommandError(
            f"No section {slug!r}; create it first or pass --section." if slug else "The site has no section."
        )
    return section


def print_report(command: BaseCommand, report: Report) -> None:
    for note in report.notes:
        command.stdout.write(note)
    for error in report.errors[:50]:
        command.stderr.write(f"  problem: {error}")
    if len(report.errors) > 50:
        command.stderr.write(f"  … and {len(report.errors) - 50} more problems")
    command.stdout.write(report.summary())


def run(command: BaseCommand, importer: Any, **kwargs: Any) -> None:
    try:
        report = importer(**kwargs)
    except BadExport as error:
        raise CommandError(str(error)) from error
    print_report(command, report)

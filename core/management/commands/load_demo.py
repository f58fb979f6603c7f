"""Load the demo: every installed app's `demo.load_demo`, in INSTALLED_APPS order, then the sign-ins.

Each app keeps its own demo data beside its code (the newsroom's edition comes
first, and later apps use its articles); this command only finds and runs them,
so it imports no app. Safe to run again: every app's demo is idempotent.
"""

from __future__ import annotations

import importlib
import logging
from types import ModuleType
from typing import Any

from django.apps import apps
from django.core.management.base import BaseCommand


def app_demos() -> list[ModuleType]:
    """The `demo` module of every installed app that has one with a `load_demo(stdout)`."""
    modules = []
    for config in apps.get_app_configs():
        if not config.name.isidentifier():
            continue
        try:
            module = importlib.import_module(f"{config.name}.demo")
        except ModuleNotFoundError as error:
            if error.name != f"{config.name}.demo":
                raise
            continue
        if callable(getattr(module, "load_demo", None)):
            modules.append(module)
    return modules


class Command(BaseCommand):
    help = "Load the demo edition (sections, topics, authors, 2023 articles) and print the demo sign-ins."

    def handle(self, *args: Any, **options: Any) -> None:
        # Wagtail logs every page creation and publication at INFO; for some
        # fifty pages that buries the summary and the sign-ins below it.
        wagtail_log = logging.getLogger("wagtail")
        level = wagtail_log.level
        wagtail_log.setLevel(logging.WARNING)
        sign_ins: list[tuple[str, str]] = []
        demos = app_demos()
        try:
            for module in demos:
                sign_ins += module.load_demo(self.stdout) or []
        finally:
            wagtail_log.setLevel(level)
        for module in demos:
            if callable(getattr(module, "demo_summary", None)):
                self.stdout.write(module.demo_summary())
        for username, password in sign_ins:
            self.stdout.write(f"username: {username}")
            self.stdout.write(f"password: {password}")

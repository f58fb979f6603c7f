"""The demo edition: content as Python data, the pictures drawn for it, and the
pages built from both (`python manage.py load_demo` runs `load_demo` here first)."""

from newsroom.demo.edition import demo_summary, load_demo

__all__ = ["demo_summary", "load_demo"]

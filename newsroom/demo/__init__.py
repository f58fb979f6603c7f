"""The demo edition: content as Python data, and the pictures drawn for it.

`python manage.py load_demo` turns this into pages; see
newsroom/management/commands/load_demo.py.
"""

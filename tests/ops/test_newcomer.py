"""A newcomer's first steps: the example environment, Python versions, missing Pango."""

import re
import subprocess
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
# Pretends no shared library can be found, as on a machine without Pango.
NO_LIBRARIES = "import ctypes.util; ctypes.util.find_library = lambda name: None; "


def test_env_example_sources_cleanly_in_bash():
    script = "set -euo pipefail; set -a; . ./.env.example; set +a; env -0"
    result = subprocess.run(["bash", "-c", script], cwd=ROOT, capture_output=True, check=False)
    assert result.returncode == 0, result.stderr.decode()
    exported = dict(line.split("=", 1) for line in result.stdout.decode().split("\0") if "=" in line)
    assert exported["DEFAULT_FROM_EMAIL"] == "Newsdesk <newsroom@news.example.com>"
    assert exported["NEWSLETTER_FROM_EMAIL"] == "Newsdesk Briefings <briefings@news.example.com>"
    names = re.findall(r"^([A-Z][A-Z0-9_]*)=", (ROOT / ".env.example").read_text(), flags=re.MULTILINE)
    assert names and all(name in exported for name in names)


def test_every_setting_read_from_the_environment_is_in_the_example():
    settings_text = (ROOT / "config/settings.py").read_text()
    read = set(re.findall(r'env_(?:str|int|bool|list)\(\s*f?"([A-Z][A-Z0-9_]*)"', settings_text))
    documented = set(re.findall(r"^#?\s*([A-Z][A-Z0-9_]*)=", (ROOT / ".env.example").read_text(), flags=re.MULTILINE))
    assert read - documented == set()


def test_python_311_to_313_are_admitted():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    spec = project["requires-python"]
    assert spec == ">=3.11,<3.14"
    for minor in (11, 12, 13):
        assert f"Programming Language :: Python :: 3.{minor}" in project["classifiers"]


def test_without_pango_the_check_names_the_packages_to_install():
    code = NO_LIBRARIES + "import runpy; runpy.run_module('lib.pdf', run_name='__main__')"
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=False)
    assert "libpango-1.0-0" in result.stderr
    assert "apt-get install" in result.stderr


def test_make_run_checks_for_pango_first():
    makefile = (ROOT / "Makefile").read_text()
    run = makefile.split("\nrun:", 1)[1].split("\n\n", 1)[0]
    assert run.splitlines()[1].strip() == "@$(BIN)/python -m lib.pdf"


def test_pdf_tests_are_skipped_with_the_reason_when_pango_is_missing():
    code = NO_LIBRARIES + (
        "import sys, pytest; sys.exit(pytest.main(['-rs', '-p', 'no:xdist', 'tests/pro/test_product_pdf.py',"
        " '-k', 'downloads_the_memo']))"
    )
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=False)
    assert "1 skipped" in result.stdout, result.stdout[-2000:]
    assert "PDF downloads need Pango" in result.stdout
    assert "libpango-1.0-0" in result.stdout

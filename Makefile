# Newsdesk: `make run` serves the demo edition; `make test` runs the suite.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
export PORT

.PHONY: install lock run test test-fast lint bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(VENV)/.installed: pyproject.toml constraints.txt | $(BIN)/python
	@echo "[1/3] Upgrading pip in $(VENV)"
	$(BIN)/python -m pip install --quiet --upgrade pip
	@echo "[2/3] Installing $$(grep -c '^[a-z]' constraints.txt) locked packages (a few minutes the first time; one line per package)"
	@{ $(BIN)/python -m pip install --no-color --require-hashes -r constraints.txt 2>&1; echo $$? > $(VENV)/.pip-status; } \
		| grep --line-buffered -E '^(Collecting|Installing collected|Successfully|ERROR)|rror' || true
	@status=$$(cat $(VENV)/.pip-status); rm -f $(VENV)/.pip-status; [ "$$status" = 0 ] || { echo "pip failed (status $$status)"; exit 1; }
	@echo "[3/3] Checking system libraries"
	@$(BIN)/python -m lib.pdf
	touch $@

install: $(VENV)/.installed

# Re-resolve constraints.txt (with hashes) from pyproject.toml's dependencies.
lock: | $(BIN)/python
	$(BIN)/python -m pip install --quiet "pip-tools==7.6.2"
	CUSTOM_COMPILE_COMMAND="make lock" $(BIN)/pip-compile --quiet --generate-hashes --allow-unsafe --strip-extras \
		--extra dev --no-emit-index-url --no-emit-find-links -o constraints.txt pyproject.toml

run: install
	@$(BIN)/python -m lib.pdf
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py collectstatic --noinput --verbosity 0
	$(BIN)/python manage.py load_demo
	$(BIN)/python manage.py serve --port $(PORT)

test: install
	$(BIN)/python -m pytest $(PYTEST_ARGS)

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy .

bench: install
	@for script in bench/[!_]*.py; do echo "== $$script"; $(BIN)/python $$script || exit 1; done

clean:
	rm -rf $(VENV) var .pytest_cache .mypy_cache .ruff_cache build *.egg-info

# The two commands a newcomer needs: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
RUN_STAMP := $(VENV)/.run-installed
TEST_STAMP := $(VENV)/.test-installed

.PHONY: run test lint bench clean

# Installs into .venv with uv (parallel downloads, several times faster than pip: about 5 s
# instead of 30 for the test set), which pip installs first; with pip alone when uv cannot be
# had.
define install
	$(PY) -m pip install -q uv && $(VENV)/bin/uv pip install -q --python $(PY) $(1) \
		|| $(PY) -m pip install -q $(1)
endef

$(PY):
	$(PYTHON) -m venv $(VENV)

$(RUN_STAMP): pyproject.toml | $(PY)
	$(call install,-e .)
	touch $@

$(TEST_STAMP): pyproject.toml | $(PY)
	$(call install,-e '.[test]')
	touch $@ $(RUN_STAMP)

## Start Complaint Desk (creates .venv and installs the project on first use; on Debian, installs
## or names the libraries a real window needs, Xvfb included for `xvfb-run -a make run`).
run: $(RUN_STAMP)
	tools/system-deps.sh window
	$(VENV)/bin/complaint-desk $(ARGS)

## Install what the tests need (Python packages and Qt's system libraries), lint, type-check, test.
test: $(TEST_STAMP)
	tools/system-deps.sh test
	$(VENV)/bin/ruff check .
	$(VENV)/bin/lint-imports --no-cache
	$(VENV)/bin/mypy
	tools/with-postgres.sh $(VENV)/bin/pytest -q -n auto

lint: $(TEST_STAMP)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/lint-imports --no-cache
	$(VENV)/bin/mypy

## Benchmarks on a generated 100,000-case database (slow; not part of `make test`).
bench: $(TEST_STAMP)
	$(PY) -m bench.run

clean:
	rm -rf $(VENV) build dist *.egg-info .pytest_cache .ruff_cache .mypy_cache

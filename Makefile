# The README's commands. `make demo` and `make test` each do all set-up from a fresh clone.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test eval bench clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[test,dask]'
	touch $(STAMP)

demo: $(STAMP)  ## run newsevents end to end on the bundled sample corpus
	$(BIN)/newsevents --db demo.db demo
	@echo "Browse it: $(BIN)/newsevents serve --db demo.db  (then open http://127.0.0.1:8000)"

test: $(STAMP)  ## the test suite, including the accuracy gate when ../shared is present
	$(BIN)/python -m pytest -q

eval: $(STAMP)  ## all benchmarks on ../shared/external; numbers go to docs/benchmarks.md
	$(BIN)/newsevents eval all

clean:
	rm -rf $(VENV) demo.db demo.db-wal demo.db-shm

# Two commands a new user needs: `make demo` and `make test`. Both create .venv themselves.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: install demo test fuzz bench eval clean

$(STAMP): pyproject.toml
	$(PY) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e '.[dev]'
	touch $(STAMP)

install: $(STAMP)

demo: $(STAMP)
	rm -f demo_campaigns.sqlite demo_campaigns.sqlite-wal demo_campaigns.sqlite-shm
	$(BIN)/anquanyue-parse build corpus/ --db sqlite:///demo_campaigns.sqlite
	$(BIN)/anquanyue-parse themes --db sqlite:///demo_campaigns.sqlite

test: $(STAMP)
	$(BIN)/python -m pytest

# Loader fuzzing for a bounded time: FUZZ_EXAMPLES per format and test (17 tests), and
# FUZZ_DOC_EXAMPLES .doc files read by LibreOffice (each conversion at most 20 s).
FUZZ_EXAMPLES ?= 500
FUZZ_DOC_EXAMPLES ?= 30
fuzz: $(STAMP)
	ANQUANYUE_FUZZ_EXAMPLES=$(FUZZ_EXAMPLES) ANQUANYUE_FUZZ_DOC_EXAMPLES=$(FUZZ_DOC_EXAMPLES) \
		$(BIN)/python -m pytest tests/hostile/test_fuzz_loaders.py -q

eval: $(STAMP)
	$(BIN)/anquanyue-parse eval corpus/

bench: $(STAMP)
	$(BIN)/python -m tests.benchmarks.run

clean:
	rm -rf $(VENV) build *.egg-info demo_campaigns.sqlite

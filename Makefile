# Two commands do all set-up on a fresh machine:
#   make run   -- extract events from data/samples into out/ (CSV, JSONL, graph)
#   make test  -- the whole test suite (installs Chromium and a CJK font for the browser/PNG tests)
PY      ?= python3
VENV    := .venv
BIN     := $(VENV)/bin
STAMP   := $(VENV)/.installed

.PHONY: run test bench system-deps clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e '.[dev]'
	touch $(STAMP)

run: $(STAMP)
	mkdir -p out
	$(BIN)/timeline extract data/samples -o out/events.csv --format csv
	$(BIN)/timeline extract data/samples -o out/events.jsonl --format jsonl
	$(BIN)/timeline graph out/events.jsonl -o out/graph.html
	$(BIN)/timeline graph out/events.jsonl -o out/graph.gexf
	@echo "wrote out/events.csv out/events.jsonl out/graph.html out/graph.gexf"

# Debian's Chromium (driven by Playwright) and a CJK font for the PNG graph.
system-deps:
	@if ! command -v chromium >/dev/null || ! fc-list :lang=zh 2>/dev/null | grep -q .; then \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-wqy-microhei >/dev/null; \
	fi

test: $(STAMP) system-deps
	$(BIN)/python -m pytest -q -n 2 -m "not slow"

bench: $(STAMP)
	$(BIN)/python benchmarks/run_all.py

clean:
	rm -rf out .pytest_cache

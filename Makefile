# Two commands do all set-up on a fresh machine:
#   make run   -- extract events from data/samples once, and write every output from that run into out/:
#                 events (JSONL, CSV, Parquet), the graph (HTML, GEXF, PNG) and the map (HTML)
#   make test  -- the whole test suite (installs Chromium and a CJK font for the browser/PNG tests)
PY      ?= python3
OUT     ?= out
VENV    := .venv
BIN     := $(VENV)/bin
STAMP   := $(VENV)/.installed

.PHONY: run test bench notebook system-deps clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip uninstall -q -y opencc-python-reimplemented 2>/dev/null || true  # replaced by opencc (same module name)
	$(BIN)/pip install -q -e '.[dev]'
	touch $(STAMP)

run: $(STAMP)
	mkdir -p $(OUT)
	$(BIN)/timeline extract data/samples -o $(OUT)/events.jsonl -o $(OUT)/events.csv -o $(OUT)/events.parquet
	$(BIN)/timeline graph $(OUT)/events.jsonl -o $(OUT)/graph.html -o $(OUT)/graph.gexf -o $(OUT)/graph.png
	$(BIN)/timeline map $(OUT)/events.jsonl -o $(OUT)/map.html
	@echo "wrote $(OUT)/: events.jsonl events.csv events.parquet graph.html graph.gexf graph.png map.html"

# Debian's Chromium (driven by Playwright) and a CJK font for the PNG graph.
system-deps:
	@if ! command -v chromium >/dev/null || ! fc-list :lang=zh 2>/dev/null | grep -q .; then \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-wqy-microhei >/dev/null; \
	fi

test: $(STAMP) system-deps
	$(BIN)/python -m pytest -q -n 2 -m "not slow"

# Run the tutorial notebook again and store it with its outputs (tests/test_notebook.py runs it too).
notebook: $(STAMP)
	$(BIN)/python notebooks/execute.py --store

bench: $(STAMP)
	$(BIN)/python benchmarks/run_all.py

clean:
	rm -rf out .pytest_cache

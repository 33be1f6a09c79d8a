# machikurabe: `make run` to use, `make test` to check. Both set everything up first.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
DB := data/municipal.duckdb
RAW := $(wildcard data/raw/*.txt) $(wildcard data/raw/national/*.csv) data/raw/national geo/gazetteer.csv

.PHONY: run test data setup bench load serve stop clean

setup: $(STAMP)

$(STAMP): pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test]'
	touch $(STAMP)

$(DB): $(STAMP) $(RAW) $(wildcard data/raw/national/*) $(shell find machikurabe -name "*.py" -o -name "*.sql" -o -name "*.toml")
	$(PY) -m machikurabe.ingest.build --out $(DB)

data: $(STAMP)
	$(PY) -m machikurabe.ingest.build --out $(DB)

run: $(DB)
	$(PY) -m streamlit run app.py --server.address localhost --server.port 8501 --browser.gatherUsageStats false

test: $(DB)
	$(PY) -m pytest

# BENCH_ARGS for a quicker run, e.g. make bench BENCH_ARGS="--runs 1 --query-runs 10 --sessions 3 --interactions 2"
BENCH_ARGS ?=
bench: $(DB)
	$(PY) -m tests.bench.run $(BENCH_ARGS)

# Capacity at the protocol level (Locust users speaking Streamlit's websocket protocol; tests/load/): starts the app on
# 127.0.0.1:8651, steps up users for LOAD_SECONDS each and prints a capacity table. Bounded: ≤ 64 users, ≤ 300 s a step.
# Side by side with HAProxy: make load LOAD_ARGS="--targets direct,lb1,lb2 --users 1,2,4,8,16 --seconds 45"
LOAD_ARGS ?= --targets direct --users 1,2,4,8 --seconds 30
load: $(DB)
	$(PY) -m tests.load.capacity $(LOAD_ARGS)

# REPLICAS app processes on ports PORT+1… behind HAProxy on PORT (127.0.0.1; BIND=0.0.0.0 to serve the network).
# Ctrl-C or `make stop` stops them all. Installs haproxy when missing (root on Debian) or says how.
REPLICAS ?= 2
PORT ?= 8501
BIND ?= 127.0.0.1
serve: $(DB)
	$(PY) -m machikurabe.serve start --replicas $(REPLICAS) --port $(PORT) --bind $(BIND)

stop:
	$(PY) -m machikurabe.serve stop

clean:
	rm -rf $(DB) $(DB).wal .pytest_cache

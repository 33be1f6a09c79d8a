"""Benchmark and load harness for まちくらべ (`make bench`, `python -m tests.bench.run`): build, queries, pages,
scale, browser, memory and concurrent sessions, written to bench-results/."""

"""Build time only: source parsers, the build of data/municipal.duckdb, the gazetteer and romaji, the schema.

Nothing outside this package imports it (tests/test_layout.py): the app reads what the build wrote, never the sources.
"""

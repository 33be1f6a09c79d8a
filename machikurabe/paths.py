"""Where the project's files are: the one definition of the repository root and the folders the code reads."""
from __future__ import annotations

from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
QUERIES_DIR = PROJECT_ROOT / "queries"
DATA_DIR = PROJECT_ROOT / "data"
RAW_DIR = DATA_DIR / "raw"
DEFAULT_DB = DATA_DIR / "municipal.duckdb"
GEO_DIR = PROJECT_ROOT / "geo"
GAZETTEER_CSV = GEO_DIR / "gazetteer.csv"
PREFECTURES_GEOJSON = GEO_DIR / "prefectures.geojson"

"""Bytes for download buttons: CSV as UTF-8 with BOM (so Excel shows Japanese) and Parquet."""
from __future__ import annotations

import io

import pandas as pd

CSV_MIME = "text/csv"
PARQUET_MIME = "application/vnd.apache.parquet"


def csv_bytes(frame: pd.DataFrame) -> bytes:
    # utf-8-sig writes the BOM Excel needs to detect UTF-8
    return frame.to_csv(index=False).encode("utf-8-sig")


def parquet_bytes(frame: pd.DataFrame) -> bytes:
    buffer = io.BytesIO()
    frame.to_parquet(buffer, index=False)
    return buffer.getvalue()

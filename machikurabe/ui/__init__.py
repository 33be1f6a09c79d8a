"""Streamlit and plotly: cached data access, URL/session state, charts, maps, exports and the report."""

"""Plain functions over DataFrames (peers, spine, profile, similarity, breakdown, uploads…): no Streamlit, no plotly."""

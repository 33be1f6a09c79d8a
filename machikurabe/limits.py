"""The upload size limits, in a module of their own that imports nothing from the package.

stat_table (the validator and its message), i18n.peers (the uploader's help line) and ui.builtin_words all quote
MAX_UPLOAD_MB; keeping it here lets i18n quote it without importing stat_table, which reaches i18n for its messages
(issue 22: the circle stat_table → i18n → i18n.peers → stat_table).
"""

MAX_UPLOAD_MB = 20  # the one size limit: the validator, its message and the uploader's limit line
# .streamlit/config.toml's maxUploadSize, a little above ours: a file between the two reaches the app, which refuses
# it with its own message (size and limit, in the reader's language) instead of Streamlit's English one
SERVER_UPLOAD_MB = 25
MAX_BYTES = MAX_UPLOAD_MB * 1024 * 1024

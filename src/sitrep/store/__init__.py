"""Storage: one SQLite file with FTS5 search, WAL and ordered migrations.

``Store`` is the API the pipeline, CLI and web app use; ``schema`` holds the
migrations that later stages extend by appending to ``MIGRATIONS``.
"""

from sitrep.store.db import Outcome, Store, fts5_available, plain_query
from sitrep.store.rows import version_key
from sitrep.store.schema import LATEST_VERSION, MIGRATIONS, migrate

__all__ = [
    "LATEST_VERSION",
    "MIGRATIONS",
    "Outcome",
    "Store",
    "fts5_available",
    "migrate",
    "plain_query",
    "version_key",
]

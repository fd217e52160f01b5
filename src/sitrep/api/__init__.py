"""The JSON API (and, later, the web app) that ``sitrep serve`` runs over a database."""

from sitrep.api.app import create_app

__all__ = ["create_app"]

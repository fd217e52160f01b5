"""Scorers for the shared evaluation formats (``../shared/eval``)."""

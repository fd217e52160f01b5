"""Events and claims: who did what to whom, where, when, and who says so.

``find_events(article)`` reads an article that has been through places, times
and quantities; the lexicon files in ``data/events`` and ``data/actors`` say
what it looks for.
"""

from sitrep.events.extract import find_events

__all__ = ["find_events"]

"""Time expressions: found in text and normalised to TimeML-style values.

Values are anchored on the article's publication date, the way a reader who
knows the date reads them: "on Thursday" in a report published on Thursday
12 August 2021 is 2021-08-12; "last week" is 2021-W31; "the third quarter" is
2021-Q3; "now" is PRESENT_REF. A bare weekday or month resolves backwards in a
past-tense sentence (news reports what happened) and forwards in a future-tense
one ("will meet on Monday"). Day-month order for numeric dates is a setting of
the outlet, never guessed per string.

Patterns are ordered regular expressions, not a parser: fast, readable, and
each one says what it reads. Types follow CONTRACT: date, time, duration, set.
"""

from sitrep.times.find import find_times

__all__ = ["find_times"]

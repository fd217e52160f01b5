"""Errors with a code, the input they concern, and what to do about them."""

from __future__ import annotations


class SitrepError(Exception):
    """Base of every error sitrep raises on purpose."""

    code = "E000"

    def __init__(self, message: str, *, source: str | None = None) -> None:
        self.source = source
        self.reason = message
        super().__init__(f"{source}: {message}" if source else message)


class InputRejected(SitrepError):
    """One input (a file, a JSONL line) cannot be processed; the rest goes on."""

    code = "E100"
    # The step that set the input aside: "intake" (reading), or a stage's name.
    stage = "intake"


class EmptyInput(InputRejected):
    """The input holds no text at all."""

    code = "E101"


class BinaryInput(InputRejected):
    """The input is not text (an image, a PDF, an archive ...)."""

    code = "E102"


class OversizedInput(InputRejected):
    """The input is larger than the per-article limit."""

    code = "E103"


class UndecodableInput(InputRejected):
    """The bytes could not be decoded as text in any plausible encoding."""

    code = "E104"


class BadRecord(InputRejected):
    """A JSONL line is not valid JSON or lacks a required field."""

    code = "E105"


class TooShort(InputRejected):
    """The cleaned text is empty or too short to be an article (``sitrep.clean.MIN_WORDS``)."""

    code = "E107"
    stage = "clean"


class StageFailed(InputRejected):
    """A stage raised on one article: the article is set aside with the stage and the reason."""

    code = "E106"

    def __init__(self, message: str, *, source: str | None = None, stage: str = "?") -> None:
        super().__init__(message, source=source)
        self.stage = stage

    def __reduce__(self) -> tuple[object, ...]:
        # Crosses process boundaries (the worker pool) with its keyword arguments intact.
        return (_stage_failed, (self.reason, self.source, self.stage))


def _stage_failed(message: str, source: str | None, stage: str) -> StageFailed:
    return StageFailed(message, source=source, stage=stage)


class UsageError(SitrepError):
    """The command was called wrongly (exit code 2)."""

    code = "E200"


class StoreError(SitrepError):
    """The database cannot be opened or migrated."""

    code = "E300"

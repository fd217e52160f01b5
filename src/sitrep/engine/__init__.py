"""Engines that run sitrep's per-article stages: here, locally (one process or a pool)."""

from sitrep.engine.local import Engine, process
from sitrep.engine.stages import PER_ARTICLE, Context, Stage, check_order

__all__ = ["PER_ARTICLE", "Context", "Engine", "Stage", "check_order", "process"]

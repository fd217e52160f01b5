"""Intake beyond local files: URLs, feeds, lists, web archives and stdin (``inputs.read_inputs``)."""

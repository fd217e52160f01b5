"""``python -m sitrep``: the same CLI as the ``sitrep`` command."""

from sitrep.cli import main

main()

"""``python -m orgkb``: the same as the ``orgkb`` command."""

from orgkb.cli import run

run()

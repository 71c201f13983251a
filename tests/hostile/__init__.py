"""Hostile input for the command line (issue 9): a corpus, a bounded runner and the promises checked.

:mod:`tests.hostile.corpus` builds the inputs, :mod:`tests.hostile.bounded` runs one command on
them in process without letting a hang or a runaway allocation stall the test run, and
:mod:`tests.hostile.checks` says what every run must keep: no traceback, exit status 0 or 2, one
line on standard error naming the culprit, output that parses and loses no lead.
"""

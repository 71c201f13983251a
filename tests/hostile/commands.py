"""The command lines the hostile inputs go through: every sub-command, in every output format.

A template's ``{profile}``, ``{leads}``, ``{workload}``, ``{no_workload}``, ``{assignments}``,
``{groups}``, ``{deals}``, ``{received}`` and ``{follow_ups}`` stand for files: the good ones of
:func:`write_good_files` unless a case puts its own in their place.
"""

from __future__ import annotations

from pathlib import Path

from tests.hostile.corpus import (
    ASSIGNMENTS,
    DEALS,
    FOLLOW_UPS,
    GROUPS,
    LEADS,
    NO_WORKLOAD,
    PROFILE,
    RECEIVED_LEADS,
    WORKLOAD,
)

PROFILE_COMMANDS = {
    "recommend": (("recommend", "{profile}"), "text"),
    "recommend-json": (("recommend", "{profile}", "--format", "json"), "json"),
    "recommend-decentralized-json": (
        ("recommend", "{profile}", "--governance", "decentralized", "--format", "json"),
        "json",
    ),
    "chart": (("chart", "{profile}"), "text"),
    "chart-html": (("chart", "{profile}", "--format", "html"), "html"),
    "chart-mermaid": (("chart", "{profile}", "--format", "mermaid"), "mermaid"),
    "chart-dot": (("chart", "{profile}", "--format", "dot"), "dot"),
    "chart-as-is": (("chart", "{profile}", "--as-is"), "text"),
    "chart-as-is-mermaid": (("chart", "{profile}", "--as-is", "--format", "mermaid"), "mermaid"),
    "compare": (("compare", "{profile}"), "text"),
    "compare-json": (("compare", "{profile}", "--format", "json"), "json"),
    "allocate": (("allocate", "{profile}", "{leads}"), "csv"),
    "allocate-summary-open-workload": (
        (
            "allocate",
            "{profile}",
            "{leads}",
            "--summary",
            "--open-workload",
            "{no_workload}",
            "--seed",
            "7",
        ),
        "csv",
    ),
    "transition": (("transition", "{profile}"), "text"),
    "transition-json": (("transition", "{profile}", "--format", "json"), "json"),
    # Its CSV is the move's steps, not a dispatch's rows: the checks every output gets.
    "transition-csv": (("transition", "{profile}", "--format", "csv"), "text"),
    "support": (("support", "{profile}"), "text"),
    "support-json": (("support", "{profile}", "--format", "json"), "json"),
    "tally": (("tally", "{profile}", "{assignments}", "--groups", "{groups}"), "text"),
    "tally-json": (
        ("tally", "{profile}", "{assignments}", "--groups", "{groups}", "--format", "json"),
        "json",
    ),
}
"""Every command that reads a profile, in every output format, with the format to check."""
NEEDS_VOLUMES = frozenset({"transition", "transition-json", "transition-csv"})
"""The commands that refuse a profile without inquiry volumes, since they count people."""
LEAD_COMMANDS = {
    "allocate": ("allocate", "{profile}", "{leads}"),
    "allocate-summary": ("allocate", "{profile}", "{leads}", "--summary"),
    "allocate-open-workload-seed": (
        "allocate",
        "{profile}",
        "{leads}",
        "--open-workload",
        "{workload}",
        "--seed",
        "3",
    ),
}
"""Every way ``allocate`` reads a lead file; its output is CSV."""
WORKLOAD_COMMANDS = {
    "allocate-open-workload": ("allocate", "{profile}", "{leads}", "--open-workload", "{workload}"),
    "allocate-open-workload-summary": (
        "allocate",
        "{profile}",
        "{leads}",
        "--open-workload",
        "{workload}",
        "--summary",
    ),
}
"""Every way ``allocate`` reads an open-workload file; its output is CSV."""
_TALLY = ("tally", "{profile}", "{assignments}", "--groups", "{groups}")
SIDE_FILE_COMMANDS = {
    "groups": {
        "tally": (_TALLY, "text"),
        "tally-json": ((*_TALLY, "--format", "json"), "json"),
        "tally-csv": ((*_TALLY, "--format", "csv"), "table"),
    },
    "assignments": {
        "tally-deals": ((*_TALLY, "--deals", "{deals}"), "text"),
        "tally-csv": ((*_TALLY, "--format", "csv"), "table"),
    },
    "deals": {
        "tally-deals-json": ((*_TALLY, "--deals", "{deals}", "--format", "json"), "json"),
        "tally-deals-csv": ((*_TALLY, "--deals", "{deals}", "--format", "csv"), "table"),
    },
    "follow_ups": {
        "allocate-follow-ups": (
            (
                "allocate",
                "{profile}",
                "{received}",
                "--follow-ups",
                "{follow_ups}",
                "--within",
                "1",
            ),
            "csv",
        ),
        "allocate-follow-ups-summary": (
            (
                "allocate",
                "{profile}",
                "{received}",
                "--follow-ups",
                "{follow_ups}",
                "--within",
                "0.5",
                "--max-reassign",
                "3",
                "--summary",
            ),
            "csv",
        ),
    },
}
"""For each other kind of file a command reads, by the name templates use for it: every way
a command reads it, with the format of its output."""
_GOOD_FILES = {"profile": ("profile.yaml", PROFILE), "leads": ("leads.csv", LEADS),
               "workload": ("workload.csv", WORKLOAD), "no_workload": ("no-workload.csv", NO_WORKLOAD),
               "assignments": ("assignments.csv", ASSIGNMENTS), "groups": ("groups.yaml", GROUPS),
               "deals": ("deals.csv", DEALS), "received": ("received.csv", RECEIVED_LEADS),
               "follow_ups": ("follow-ups.csv", FOLLOW_UPS)}  # fmt: skip


def write_good_files(folder: Path) -> dict[str, str]:
    """Write the good files into *folder*; their paths by the names templates use."""
    paths = {}
    for key, (name, text) in _GOOD_FILES.items():
        (folder / name).write_text(text, encoding="utf-8")
        paths[key] = str(folder / name)
    return paths


def argv_for(template: tuple[str, ...], files: dict[str, str]) -> list[str]:
    """*template* with each ``{name}`` word replaced by the path *files* gives it."""
    return [
        files[word[1:-1]] if word.startswith("{") and word.endswith("}") else word
        for word in template
    ]

"""Random mutations of the example files through every command, in process (issue 9).

Hypothesis takes a profile, lead file, open-workload file, or a groups, assignments, deals or
follow-ups file from ``docs/examples`` (or the good files of the hostile corpus), damages it a few times — inserts, deletes or replaces bytes,
duplicates a line, truncates it, or puts a hostile piece (a control character, a quote, an
alias, a huge number) in place of a few bytes — and runs a command on it. Whatever the bytes,
the run keeps the promises of :mod:`tests.hostile.checks`: main returns 0 or 2, nothing but an
:class:`~orgkb.errors.OrgkbError` reaches the user (as one line), and no lead row is lost.

The runs are reproducible: a fixed seed and no example database.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, seed, settings
from hypothesis import strategies as st

from tests.helpers import EXAMPLES
from tests.hostile.bounded import run_bounded
from tests.hostile.checks import problems
from tests.hostile.commands import (
    LEAD_COMMANDS,
    PROFILE_COMMANDS,
    SIDE_FILE_COMMANDS,
    WORKLOAD_COMMANDS,
    argv_for,
    write_good_files,
)
from tests.hostile.corpus import (
    ASSIGNMENTS,
    DEALS,
    FOLLOW_UPS,
    GROUPS,
    LEADS,
    PROFILE,
    RECEIVED_LEADS,
    WORKLOAD,
    csv_profile,
    json_profile,
    physical_rows,
)

SEED = 20260909
"""The seed every property starts from, so that a failure seen once is seen again."""
EXAMPLES_PER_COMMAND = 200


@dataclass(frozen=True)
class Original:
    """A file to damage: its name (with the suffix that sets its format) and its bytes.

    *profile* and *leads* are the files run beside it when it is a lead or workload file.
    """

    name: str
    data: bytes
    profile: str | None = None
    leads: str | None = None


def _kind(path: Path) -> str:
    text = path.read_text(encoding="utf-8")
    header = text.lstrip().split("\n", 1)[0].replace(" ", "")
    if header.startswith("lead_id,followed_up"):
        return "follow_ups"
    if header == "lead_id":
        return "deals"
    if header.startswith("lead_id,"):
        return "assignments"
    if header.startswith("id,"):
        return "leads"
    if header.startswith("branch,"):
        return "workload"
    if "\ngroups:" in "\n" + text:
        return "groups"
    return "profile"


def _partner(path: Path) -> str:
    """The example profile a lead file was written for, so that its leads find branches."""
    for prefix, profile in (
        ("anju", "dispatch/anju-group.yaml"),
        ("wuhan", "dispatch/wuhan-three.yaml"),
        ("jiayuan", "jiayuan.json"),
    ):
        if path.name.startswith(prefix):
            return str(EXAMPLES / profile)
    return str(EXAMPLES / "dispatch" / "anju-group.yaml")


def _originals() -> dict[str, list[Original]]:
    found: dict[str, list[Original]] = {
        "profile": [
            Original("corpus-profile.yaml", PROFILE.encode()),
            Original("corpus-profile.json", json_profile().encode()),
            Original("corpus-profile.csv", csv_profile().encode()),
        ],
        "leads": [Original("corpus-leads.csv", LEADS.encode())],
        "workload": [Original("corpus-workload.csv", WORKLOAD.encode())],
        "groups": [Original("corpus-groups.yaml", GROUPS.encode())],
        "assignments": [Original("corpus-assignments.csv", ASSIGNMENTS.encode())],
        "deals": [Original("corpus-deals.csv", DEALS.encode())],
        "follow_ups": [Original("corpus-follow-ups.csv", FOLLOW_UPS.encode())],
    }
    for path in sorted(EXAMPLES.rglob("*")):
        if path.suffix in (".yaml", ".yml", ".json", ".csv"):
            kind = _kind(path)
            leads = str(EXAMPLES / "dispatch" / "wuhan-leads.csv") if kind == "workload" else None
            profile = (
                str(EXAMPLES / "dispatch" / "wuhan-three.yaml")
                if kind == "workload"
                else _partner(path)
            )
            name = str(path.relative_to(EXAMPLES)).replace("/", "-")
            found[kind].append(
                Original(name, path.read_bytes(), profile if kind != "profile" else None, leads)
            )
    return found


ORIGINALS = _originals()

HOSTILE_PIECES: tuple[bytes, ...] = tuple(
    piece if isinstance(piece, bytes) else piece.encode("utf-8", "surrogatepass")
    for piece in (
        "\0", "\x1b[2J", "\x07", "\r", "\n", "\r\n", "\t", "\x0b", "\x7f", "\x85", "\x9b", "\ufeff",
        "\u2028", "\u2029", "\ufffe", "\u202e", "\udcff", b"\xff", b"\xc3", b"\xfe\xff", '"', "'", ",",
        ";", "\uff1b", ":", "- ", "? ", "{", "}", "[", "]", "&a ", "*a", "<<: *a", "!!python/object:os.system ",
        "!!binary ", "%%{init: {}}%%", "<script>", "\\", "9" * 400, "9" * 5000, "1e308", "1.0e+308", ".inf",
        "-.inf", ".nan", "Infinity", "-Infinity", "NaN", "1e-300", "0", "-1", "true", "~", "null",
        "=HYPERLINK(\"x\")", "+1", "@x", "max_occupancy: 1.0e-9", "[" * 600, "{\"a\": " * 600,
    )
)  # fmt: skip
"""What a mutation may put in place of a few bytes: characters and words that broke orgkb once."""


@st.composite
def damaged(draw: st.DrawFn, original: bytes) -> bytes:
    """*original* after one to four random mutations."""
    data = bytearray(original)
    for _ in range(draw(st.integers(1, 4))):
        at = draw(st.integers(0, len(data)))
        mutation = draw(
            st.sampled_from(
                ("insert", "delete", "replace", "duplicate-line", "truncate", "hostile")
            )
        )
        if mutation == "insert":
            data[at:at] = draw(st.binary(min_size=1, max_size=8))
        elif mutation == "delete":
            del data[at : at + draw(st.integers(1, 16))]
        elif mutation == "replace" and data:
            data[min(at, len(data) - 1)] = draw(st.integers(0, 255))
        elif mutation == "duplicate-line":
            lines = bytes(data).split(b"\n")
            line = draw(st.integers(0, len(lines) - 1))
            lines[line:line] = [lines[line]] * draw(st.sampled_from((1, 2, 1000)))
            data = bytearray(b"\n".join(lines))
        elif mutation == "truncate":
            del data[at:]
        elif mutation == "hostile":
            data[at : at + draw(st.integers(0, 3))] = draw(st.sampled_from(HOSTILE_PIECES))
    return bytes(data)


@st.composite
def damaged_file(draw: st.DrawFn, kind: str) -> tuple[Original, bytes, str]:
    """An original of *kind*, its damaged bytes, and the suffix to save them under."""
    original = draw(st.sampled_from(ORIGINALS[kind]))
    suffix = Path(original.name).suffix
    # Without a known suffix the format is guessed from the content: another path to damage.
    if kind == "profile":
        suffix = draw(st.sampled_from((suffix, suffix, suffix, ".txt")))
    return original, draw(damaged(original.data)), suffix


SETTINGS = settings(
    max_examples=EXAMPLES_PER_COMMAND,
    deadline=None,
    database=None,
    suppress_health_check=[
        HealthCheck.too_slow,
        HealthCheck.data_too_large,
    ],
)


@pytest.fixture(scope="module")
def good(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    return write_good_files(tmp_path_factory.mktemp("good"))


@pytest.fixture(scope="module")
def scratch(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Where each damaged file is written, one after another."""
    return tmp_path_factory.mktemp("damaged")


def _lead_rows(data: bytes) -> int | None:
    # Rows are counted on the bytes when each byte that ends a line is one character.
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return None
    return physical_rows(data.decode("latin-1"))


def _check(
    argv: list[str], output: str, path: Path, rows: int | None = None, also: tuple[str, ...] = ()
) -> None:
    # *also*: files the error may name instead, as a leads file that lacks the received column
    # the damaged profile's caps or closed days need.
    found = problems(run_bounded(argv), output=output, culprits=(str(path), *also), rows=rows)
    assert not found, f"orgkb {' '.join(argv)!r} on {path.read_bytes()[:400]!r}:\n  " + "\n  ".join(
        found
    )


@pytest.mark.parametrize("command", PROFILE_COMMANDS)
@seed(SEED)
@SETTINGS
@given(damage=damaged_file("profile"))
def test_damaged_profile(
    command: str, damage: tuple[Original, bytes, str], good: dict[str, str], scratch: Path
) -> None:
    _, data, suffix = damage
    path = scratch / f"{command}{suffix}"
    path.write_bytes(data)
    template, output = PROFILE_COMMANDS[command]
    _check(
        argv_for(template, {**good, "profile": str(path)}),
        output,
        path,
        rows=physical_rows(LEADS),
        also=(good["leads"],),
    )


@pytest.mark.parametrize("command", LEAD_COMMANDS)
@seed(SEED)
@SETTINGS
@given(damage=damaged_file("leads"))
def test_damaged_lead_file(
    command: str, damage: tuple[Original, bytes, str], good: dict[str, str], scratch: Path
) -> None:
    original, data, suffix = damage
    path = scratch / f"leads-{command}{suffix}"
    path.write_bytes(data)
    files = {**good, "leads": str(path)}
    if original.profile:
        # The example's own profile, whose branches the good workload file does not name.
        files.update(profile=original.profile, workload=good["no_workload"])
    _check(argv_for(LEAD_COMMANDS[command], files), "csv", path, rows=_lead_rows(data))


@pytest.mark.parametrize("command", WORKLOAD_COMMANDS)
@seed(SEED)
@SETTINGS
@given(damage=damaged_file("workload"))
def test_damaged_open_workload(
    command: str, damage: tuple[Original, bytes, str], good: dict[str, str], scratch: Path
) -> None:
    original, data, suffix = damage
    path = scratch / f"workload-{command}{suffix}"
    path.write_bytes(data)
    files = {
        **good,
        "workload": str(path),
        "profile": original.profile or good["profile"],
        "leads": original.leads or good["leads"],
    }
    leads = Path(files["leads"]).read_text(encoding="utf-8")
    _check(argv_for(WORKLOAD_COMMANDS[command], files), "csv", path, rows=physical_rows(leads))


SIDE_FILE_RUNS = [
    (kind, command) for kind, commands in SIDE_FILE_COMMANDS.items() for command in commands
]


@pytest.mark.parametrize(("kind", "command"), SIDE_FILE_RUNS)
@seed(SEED)
@SETTINGS
@given(data=st.data())
def test_damaged_side_file(
    kind: str, command: str, data: st.DataObject, good: dict[str, str], scratch: Path
) -> None:
    """A damaged groups, assignments, deals or follow-ups file, beside the corpus's good files."""
    _, damage, suffix = data.draw(damaged_file(kind))
    path = scratch / f"{kind}-{command}{suffix}"
    path.write_bytes(damage)
    template, output = SIDE_FILE_COMMANDS[kind][command]
    _check(
        argv_for(template, {**good, kind: str(path)}),
        output,
        path,
        rows=physical_rows(RECEIVED_LEADS),
    )

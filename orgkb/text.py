"""Words for a person as templates with named values, so that another language can replace them.

Every sentence orgkb shows — an error raised deep in the library, a line of a table, a note on
standard error — is made as a :class:`Text`: an English template and the values named in it.
A :class:`Text` *is* its English (a :class:`str`), so the library reads, compares and shows it
as the text it always was; the command line, which alone knows the reader's language, asks
for :meth:`Text.translated` at the edge. The Chinese of every template lives in one place,
:mod:`orgkb.zh`, keyed by the English template; a value that is itself words — another
:class:`Text`, or one of the enumerations the words of :mod:`orgkb.zh` name, such as a
scenario — is translated with it.

In Chinese, a value of Latin letters or digits is set off from the Chinese characters of the
template around it by a space, as Chinese typesetting does (``第 3 行``, ``实际为 'two'``);
the values themselves are never changed.

A language is a code such as ``en`` or ``zh_CN``. As for the rules and the site's editions
(:func:`orgkb.rules.wording`, :func:`orgkb.citation.edition`), any code that starts with
``zh`` is Chinese and every other code is English.
"""

from __future__ import annotations

import string
import unicodedata
from collections.abc import Mapping
from enum import Enum
from typing import Any

ENGLISH = "en"
"""The language orgkb is written in."""
CHINESE = "zh_CN"
"""The other language it speaks."""


def is_chinese(language: str) -> bool:
    """Whether *language* is Chinese: a code that starts with ``zh``, in any letter case.

    >>> is_chinese("zh_CN.UTF-8"), is_chinese("ZH-TW"), is_chinese("en_GB")
    (True, True, False)
    """
    return language.lower().startswith("zh")


def written_in(language: str) -> str:
    """The language orgkb writes in for a reader of *language*: :data:`CHINESE` for a Chinese
    code (:func:`is_chinese`), :data:`ENGLISH` for every other.

    A table of words in both languages is keyed by the two, and looked up with this.

    >>> written_in("zh"), written_in("zh_CN.UTF-8"), written_in("en_GB"), written_in("fr")
    ('zh_CN', 'zh_CN', 'en', 'en')
    """
    return CHINESE if is_chinese(language) else ENGLISH


class Text(str):
    """A sentence or phrase for a person: an English *template* and the *values* it names.

    The text is the template filled in, so it is as good as a :class:`str` wherever one is
    expected; :meth:`translated` fills in the template of another language instead. The
    template must be a string literal where the :class:`Text` is made, so that a test can
    find every one and check that :mod:`orgkb.zh` translates it.

    >>> expected = Text("expected {limits}, got {got}", limits=Text("a number"), got=3)
    >>> expected
    'expected a number, got 3'
    >>> expected.translated("zh_CN")
    '应为数，实际为 3'
    """

    template: str
    values: Mapping[str, object]

    def __new__(cls, template: str, /, **values: object) -> Text:
        text = super().__new__(cls, template.format(**values))
        text.template = template
        text.values = values
        return text

    def __reduce__(self) -> tuple[Any, ...]:
        # A str subclass would be pickled (and copied) as its text, which is not a template.
        return (_remade, (self.template, dict(self.values)))

    def translated(self, language: str) -> str:
        """The text in *language*; in English, the text itself as a plain :class:`str`.

        A template :mod:`orgkb.zh` does not translate stays English (a test keeps that from
        happening); each value that is words is translated too.
        """
        if not is_chinese(language):
            return str.__str__(self)
        from orgkb.zh import CATALOGUE

        template = CATALOGUE.get(self.template, self.template)
        values = {name: translated(value, language) for name, value in self.values.items()}
        return _spaced(template, values)


def _remade(template: str, values: dict[str, object]) -> Text:
    return Text(template, **values)


_FORMATTER = string.Formatter()


def _spaced(template: str, values: Mapping[str, object]) -> str:
    """The Chinese *template* filled in, a space between a Chinese character of the template
    and a Latin letter or digit of a value where the two meet."""
    pieces: list[str] = []
    for literal, name, spec, conversion in _FORMATTER.parse(template):
        _join(pieces, literal)
        if name is not None:
            value = _FORMATTER.convert_field(values[name], conversion)
            _join(pieces, _FORMATTER.format_field(value, spec or ""))
    return "".join(pieces)


def _join(pieces: list[str], piece: str) -> None:
    if not piece:
        return
    if pieces:
        before, after = pieces[-1][-1], piece[0]
        if (_chinese(before) and _latin(after)) or (_latin(before) and _chinese(after)):
            piece = " " + piece
    pieces.append(piece)


def _chinese(character: str) -> bool:
    # A Chinese character, not the full-width punctuation that needs no space beside it.
    return (
        unicodedata.east_asian_width(character) == "W" and unicodedata.category(character) == "Lo"
    )


def _latin(character: str) -> bool:
    return character.isascii() and (character.isalnum() or character in "'\"`%")


LONGEST_QUOTED = 60
"""The most characters of a value a message quotes; a longer one is cut, with ``...``."""


def shortened(text: str) -> str:
    """*text* cut to :data:`LONGEST_QUOTED` characters for a message, ``...`` marking the cut.

    A name, a key or an option's value a megabyte long must not make the one line of an error a
    megabyte.

    >>> shortened("Hankou"), len(shortened("x" * 1000))
    ('Hankou', 60)
    """
    if len(text) <= LONGEST_QUOTED:
        return text
    return text[: LONGEST_QUOTED - 3] + "..."


def translated(value: object, language: str) -> object:
    """*value* in *language* if it is words — a :class:`Text` or a named enumeration member —
    else *value* itself, for a template to format.

    >>> from orgkb.model import Level
    >>> translated(Level.REGION, "zh_CN"), translated(Level.REGION, "en"), translated(3, "zh")
    ('片区', <Level.REGION: 'region'>, 3)
    """
    if isinstance(value, Text):
        return value.translated(language)
    if isinstance(value, Enum) and is_chinese(language):
        from orgkb.zh import WORDS

        return WORDS.get(value, value)
    return value


def in_language(text: str, language: str) -> str:
    """*text* in *language* if it is a :class:`Text`, else as it is: a name, an id, a path."""
    return text.translated(language) if isinstance(text, Text) else text

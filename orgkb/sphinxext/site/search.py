"""Search that finds Chinese words as well as English ones.

Sphinx's Chinese search language (``html_search_language = "zh"``) splits Chinese text
into words with jieba, so 客服 is found inside 客服部, and stems English words as the
English language does. In Sphinx 9.0 its page script names a stemmer that does not exist
(``ChineseStemmer``), and the search page stops with a script error; this component
registers the same language with the English stemmer's name, which is the one it ships.
The defect and its fix upstream: sphinx-doc/sphinx pull request 14416.
"""

from __future__ import annotations

from sphinx import search
from sphinx.application import Sphinx
from sphinx.search.zh import SearchChinese


class SearchChineseAndEnglish(SearchChinese):
    """Sphinx's Chinese search, with the page script pointed at the English stemmer."""

    # Sphinx names the script's stemmer after this; the Chinese language uses English's.
    language_name = "English"


def setup_search(app: Sphinx) -> None:
    """Use :class:`SearchChineseAndEnglish` for ``html_search_language = "zh"``."""
    search.languages["zh"] = SearchChineseAndEnglish

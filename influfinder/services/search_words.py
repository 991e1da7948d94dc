"""The words of a search, as both full-text indexes store them, and what each looks for.

Offer search (services/offer_search.py) and Find creators (services/creator_search.py) read the same
words the same way: lower case, accents folded, at most MAX_WORDS; Spanish inflections through Snowball
stems taken here, so SQLite and PostgreSQL find the same rows."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

import snowballstemmer

MAX_WORDS = 10  # more words only narrow a search that already found little
_WORD = re.compile(r"[^\W_]+")  # letters and digits: what both FTS tokenizers keep


def search_words(q: str) -> list[str]:
    """Lower-case, accent-free words of a query, as both full-text indexes store them."""
    plain = "".join(c for c in unicodedata.normalize("NFKD", q) if not unicodedata.combining(c))
    return _WORD.findall(plain.lower())[:MAX_WORDS]


def word_terms(words: list[str]) -> list[tuple[str, bool]]:
    """What each word looks for in the text index, and whether as a prefix: a word with a Spanish stem
    finds every word that starts with the stem ("restaurantes" looks for restaur*, which finds
    "restaurante"; "fotografía" looks for fotografi*), and the last word may be unfinished.

    Both indexes hold whole words, accents folded ('simple' on PostgreSQL, unicode61 on SQLite), and the
    stems are Snowball's, taken here, so both databases find the same offers. (PostgreSQL's 'spanish'
    configuration was not used: its older Snowball stems "degustacion" and "degustaciones" apart once
    accents are folded, and its stop words would drop "la" and "con", unfinished words included.)"""
    last = len(words) - 1
    return [(stem, True) if (stem := spanish_stem(word)) != word else (word, n == last) for n, word in enumerate(words)]


@lru_cache(maxsize=10_000)
def spanish_stem(word: str) -> str:
    # Stemming in Python takes a tenth of a millisecond a word: searches repeat their words. A stemmer
    # keeps state while it works, so each call gets its own (a few microseconds).
    return snowballstemmer.stemmer("spanish").stemWord(word)

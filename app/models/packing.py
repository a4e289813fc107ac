"""Values stored compactly on SQLite (issue 16, a lean store): change-log payloads compressed,
and words from a known vocabulary as numbers (:class:`Word`).

A township keeps every change of every village to relay it: 360k changes, 1.3 KB of JSON each,
were 60% of its store.  Each payload is one zstd frame made with a dictionary trained on such
payloads (field names, codes, clocks: what every change repeats), about a tenth of the text.

- The dictionaries are files in ``resources/zstd``, named in :data:`DICTIONARIES` by the id each
  frame carries.  A shipped dictionary never changes (old frames need it): a better one is a
  new file with a new id, made :data:`CURRENT`.
- Python sees the JSON text as before (:class:`PackedText`); text rows (a store before schema
  0014, or a value written by other means) read back as they are.
- SQLite only: PostgreSQL compresses large values itself and keeps the column as text.
"""

from __future__ import annotations

import threading
import zlib

import zstandard
from sqlalchemy import LargeBinary, String, Text
from sqlalchemy.types import TypeDecorator

from app.config import resource_path

DICTIONARIES = {0x43590001: "change_log_v1.zdict"}
CURRENT = 0x43590001
LEVEL = 3

_dicts: dict[int, zstandard.ZstdCompressionDict] = {}
_local = threading.local()  # zstd (de)compressor objects are not shared between threads
_lock = threading.Lock()


def _dictionary(dict_id: int) -> zstandard.ZstdCompressionDict:
    d = _dicts.get(dict_id)
    if d is None:
        with _lock:
            d = _dicts.get(dict_id)
            if d is None:
                name = DICTIONARIES.get(dict_id)
                if name is None:
                    raise ValueError(f"compressed with an unknown dictionary {dict_id:#x}")
                d = zstandard.ZstdCompressionDict(resource_path("zstd", name).read_bytes())
                d.precompute_compress(level=LEVEL)
                _dicts[dict_id] = d
    return d


def pack(text: str) -> bytes:
    """A change's JSON as stored: one zstd frame with the current dictionary."""
    c = getattr(_local, "compressor", None)
    if c is None:
        c = _local.compressor = zstandard.ZstdCompressor(
            level=LEVEL, dict_data=_dictionary(CURRENT), write_content_size=True, write_checksum=False
        )
    return c.compress(text.encode("utf-8"))


def unpack(value) -> str:
    """The JSON text of a stored payload (a zstd frame, or text as older stores hold it)."""
    if value is None or isinstance(value, str):
        return value
    value = bytes(value)
    dict_id = zstandard.get_frame_parameters(value).dict_id
    cache = getattr(_local, "decompressors", None)
    if cache is None:
        cache = _local.decompressors = {}
    d = cache.get(dict_id)
    if d is None:
        d = cache[dict_id] = zstandard.ZstdDecompressor(dict_data=_dictionary(dict_id) if dict_id else None)
    return d.decompress(value).decode("utf-8")


class PackedText(TypeDecorator):
    """Text stored as :func:`pack` makes it on SQLite (a ``BLOB``); plain ``TEXT`` elsewhere."""

    impl = Text
    cache_ok = True

    def load_dialect_impl(self, dialect):
        if dialect.name == "sqlite":
            return dialect.type_descriptor(LargeBinary())
        return dialect.type_descriptor(Text())

    def process_bind_param(self, value, dialect):
        if value is None or dialect.name != "sqlite":
            return value
        return pack(value) if isinstance(value, str) else value

    def process_result_value(self, value, dialect):
        return unpack(value)

    @property
    def python_type(self):
        return str


# ------------------------------------------------------------------------- words as numbers


def word_code(word: str) -> bytes:
    """The two bytes a known word is stored as (not its 7 to 20 characters): 15 bits of its
    CRC-32.  Derived from the word alone, so a word keeps its bytes whatever else joins the
    vocabulary; two words of one vocabulary sharing them is refused when the vocabulary is first
    read (:class:`Words`).  Bytes, not an integer: a text column keeps a blob as it is (SQLite
    turns numbers into text there), so no table is rebuilt for it."""
    return (zlib.crc32(word.encode("utf-8")) & 0x7FFF).to_bytes(2, "big")


class Words:
    """A vocabulary: the words a column stores as :func:`word_code`, read once, when first needed.

    ``source``: a zero-argument function returning the words.  A word may join a vocabulary at
    any time (its rows stored before stay text, and read the same); one leaves it only with a
    migration that writes its rows back as text."""

    def __init__(self, source):
        self.source = source
        self._codes: dict[str, bytes] | None = None
        self._words: dict[bytes, str] | None = None

    def _load(self) -> None:
        codes = {w: word_code(w) for w in sorted(set(self.source()))}
        by_code: dict[bytes, str] = {}
        for w, c in codes.items():
            if c in by_code:
                raise RuntimeError(f"{by_code[c]!r} and {w!r} share the stored code {c.hex()}")
            by_code[c] = w
        self._words, self._codes = by_code, codes

    def codes(self) -> dict[str, bytes]:
        """Each word and its stored bytes."""
        if self._codes is None:
            self._load()
        return dict(self._codes)

    def param(self, word):
        """``word`` as SQLite stores it: its code when known, else its text."""
        if self._codes is None:
            self._load()
        if word is None:
            return None
        return self._codes.get(word, word)

    def value(self, stored):
        """A stored value as the word it is (text rows read as they are)."""
        if stored is None or stored.__class__ is str:
            return stored
        if self._words is None:
            self._load()
        word = self._words.get(bytes(stored))
        if word is None:
            raise ValueError(f"stored word code {bytes(stored).hex()} is not in this version's vocabulary")
        return word


class Word(TypeDecorator):
    """Text from a known vocabulary (table names, form field names), stored on SQLite as its
    :func:`word_code`; a word outside the vocabulary is stored as its text, so the vocabulary only
    decides what is compact, never what can be stored.  Python and SQL comparisons see words
    (binds are coded the same way); PostgreSQL keeps the text."""

    impl = String
    cache_ok = True

    def __init__(self, length: int, words: Words):
        super().__init__(length)
        self.words = words

    def bind_processor(self, dialect):
        if dialect.name != "sqlite":
            return super().bind_processor(dialect)
        return self.words.param

    def result_processor(self, dialect, coltype):
        if dialect.name != "sqlite":
            return super().result_processor(dialect, coltype)
        return self.words.value

    def process_literal_param(self, value, dialect):
        if value is None:
            return "NULL"
        stored = self.words.param(value) if dialect.name == "sqlite" else value
        if isinstance(stored, bytes):
            return f"X'{stored.hex()}'"
        return "'" + str(stored).replace("'", "''") + "'"

    @property
    def python_type(self):
        return str

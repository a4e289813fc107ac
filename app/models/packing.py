"""Change-log payloads stored compressed (issue 16, a lean store).

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

import zstandard
from sqlalchemy import LargeBinary, Text
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

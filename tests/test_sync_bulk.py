"""The bulk paths of sync: ids made and bound in bulk, ops decoded a block at a time, converters
that remember what they converted."""

from __future__ import annotations

import json
import uuid

import pytest

from app.models import FollowupVisit
from app.models.base import id_hex, id_param, new_id_hexes
from app.services.sync import bundle, merge


def test_ids_made_in_bulk_are_uuid7_and_distinct():
    ids = new_id_hexes(2000)
    assert len(set(ids)) == 2000
    for x in ids[:50]:
        u = uuid.UUID(x)
        assert (u.version, u.variant, u.hex) == (7, uuid.RFC_4122, x)


def test_id_param_takes_canonical_hex_and_other_spellings_and_refuses_the_rest():
    u = uuid.uuid4()
    assert id_param(u.hex) == id_param(u) == id_param(str(u)) == id_param(u.hex.upper()) == u.bytes
    assert id_hex(id_param(u.hex)) == u.hex
    for bad in ("z" * 32, "12 34" + "0" * 27, "12 34" + "0" * 26 + " ", "abc"):
        with pytest.raises(ValueError):
            id_param(bad)


def test_a_block_of_lines_decodes_to_one_op_a_line():
    ops = [{"o": "a", "s": i, "d": {"v": {"name": "张三\n"}}} for i in range(3)]
    block = b"".join(json.dumps(op, ensure_ascii=False).encode() + b"\n" for op in ops)
    assert bundle._decode_lines(block) == ops
    assert bundle._decode_lines(block[:-1]) == ops  # a last line without its newline
    with pytest.raises(bundle.BundleError):
        bundle._decode_lines(b'{"s":1},{"s":2}\n{"s":3}\n')  # two values on one line


def test_remembered_json_keeps_numbers_apart():
    convert = merge._fast(json.dumps, FollowupVisit.__table__.c.symptoms)
    assert convert(["1", "2"]) == convert(["1", "2"]) == '["1", "2"]'
    assert convert([1]) == "[1]" and convert([1.0]) == "[1.0]" and convert([True]) == "[true]"
    assert convert(None) == "null" and convert([]) == "[]"

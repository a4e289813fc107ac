"""A bundle changes only what its signer may change, through the rows it points at too.

Found by trying this wave's new records with a village's real keys: a row of village A whose own
scope is A but which points into village B (an SMI visit on B's enrolment, a poverty registration
of B's household, a photo on B's education activity) was applied at the township; an attachment's
size, type and hash were not checked on arrival; and a township bundle could hand a village rows of
another village.  Each is refused whole now, and the store is left as it was.
"""

from __future__ import annotations

import base64
import hashlib

import pytest
from sqlalchemy import select

from app.models import EducationActivity, Household, Village, org_id
from app.services.programmes import education
from app.services.sync.exchange import references
from tests.synckit import craft_bundle
from tests.test_sync_authority import A, B, a_resident, assert_quarantined, assert_still_works, op, seq_of

pytestmark = pytest.mark.both_databases  # SQLite and PostgreSQL (conftest)

STAMP = "2026-11-20T08:00:00"


def _village_id(device, code: str) -> str:
    with device.store.session() as s:
        return s.scalar(select(Village.id).where(Village.code == code)).hex


def _household_of(device, code: str) -> str:
    with device.store.session() as s:
        return s.scalar(
            select(Household.id).join(Village, Village.id == Household.village_id).where(Village.code == code)
        ).hex


@pytest.mark.sqlite_only  # no store: pure rules
def test_every_reference_between_synced_rows_is_known():
    assert ("household_id", "household") in references("resident")
    assert ("enrolment_id", "program_enrolment") in references("smi_visit")
    assert ("activity_id", "education_activity") in references("education_attachment")
    assert ("household_id", "household") in references("poverty_household")


def test_a_village_row_pointing_into_another_village_is_refused(world):
    town, a, b, tmp = world
    mine = a_resident(a, A)
    theirs = _household_of(town, B)
    forged = op(a, seq_of(a) + 1, "resident", mine.id, A, {"household_id": theirs}, {"household_id": ""})
    path = craft_bundle(a, town, [forged], tmp / "x")
    assert_quarantined(town, path, "resident", mine.id.hex, f"指向属于 {B}")
    assert_still_works(a, town, tmp)


def test_a_poverty_registration_of_another_villages_household_is_refused(world):
    town, a, b, tmp = world
    values = {
        "household_id": _household_of(town, B),
        "village_id": _village_id(town, A),
        "status": "1",
        "cause": "1",
        "registered_on": "2026-11-20",
        "voided": False,
        "created_at": STAMP,
        "updated_at": STAMP,
    }
    row = org_id("test", "poverty of B")
    path = craft_bundle(a, town, [op(a, seq_of(a) + 1, "poverty_household", row, A, values)], tmp / "x")
    assert_quarantined(town, path, "poverty_household", f"指向属于 {B}")


def _own_activity(a) -> EducationActivity:
    with a.store.transaction() as s:
        return education.add_activity(
            s,
            education.ActivityInput(
                held_on="2026-11-20", form="5", topic="高血压防治", place="村委会", audience_count="20"
            ),
        )


def _attachment(a, activity_id: str, data: bytes, **overrides) -> dict:
    values = {
        "activity_id": activity_id,
        "scope_code": A,
        "kind": "photo",
        "filename": "photo.png",
        "media_type": "image/png",
        "size": len(data),
        "sha256": hashlib.sha256(data).hexdigest(),
        "data_b64": base64.b64encode(data).decode(),
        "voided": False,
        "created_at": STAMP,
        "updated_at": STAMP,
    }
    return values | overrides


def test_an_attachment_is_checked_again_on_arrival(world):
    town, a, b, tmp = world
    activity = _own_activity(a).id.hex
    exe = b"MZ" + b"\0" * 1000
    cut_short = b"\x89PNG\r\n\x1a\n" + b"\0" * 100  # a PNG's first bytes, no picture behind them
    broken_pdf = b"%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n"  # runs nothing, opens as nothing
    cases = [
        ("size", _attachment(a, activity, exe, size=12)),
        ("media_type", _attachment(a, activity, exe)),  # an executable named .png
        ("sha256", _attachment(a, activity, cut_short, sha256="0" * 64)),
        # the content checked as attach() checks it (it was the first bytes only): a picture decodes
        ("data_b64", _attachment(a, activity, cut_short)),
        ("data_b64", _attachment(a, activity, broken_pdf, media_type="application/pdf", filename="x.pdf")),
    ]
    for n, (field, values) in enumerate(cases):
        row = org_id("test", f"attachment {field}")
        ops = [op(a, seq_of(a) + 1, "education_attachment", row, A, values)]
        path = craft_bundle(a, town, ops, tmp / f"x{n}")
        (outcome,) = town.import_(path)
        assert outcome.status == "rejected" and field in outcome.reason.render(), outcome.reason.render()


@pytest.mark.sqlite_only  # no store: pure rules
def test_a_pdf_that_runs_code_is_not_an_attachment():
    assert education.sniff(b"%PDF-1.7\n1 0 obj << /Type /Catalog >>") == "application/pdf"
    for active in (b"/JavaScript", b"/OpenAction", b"/Launch", b"/EmbeddedFile"):
        assert education.sniff(b"%PDF-1.7\n1 0 obj << " + active + b" (x) >>") is None


@pytest.mark.sqlite_only  # no store: pure rules
def test_compressed_bytes_are_no_names_but_names_hidden_otherwise_are():
    """Found by an attacker: a legitimate PDF whose compressed page drawing held the bytes "/JS" by
    chance was refused.  A stream that really is compressed is passed over; names escaped (/J#53),
    packed into an object stream, or posing as a stream are still found."""
    import hashlib
    import zlib

    def obj(head: bytes, data: bytes) -> bytes:
        return b"%PDF-1.7\n1 0 obj << " + head + b" >> stream\n" + data + b"\nendstream endobj\n"

    drawing = zlib.compress(hashlib.sha512(b"170946").digest())
    assert b"/JS" in drawing  # (by chance, as in the attacker's sheet)
    assert education.sniff(obj(b"/Length 80 /Filter /FlateDecode", drawing)) == "application/pdf"
    assert education.sniff(obj(b"/Filter /FlateDecode", b"/JS (app.alert(1))")) is None  # not compressed
    assert education.sniff(obj(b"/Filter /FlateDecode", drawing + b"/JS (x)")) is None  # more after it
    packed = zlib.compress(b"2 0 << /S /JavaScript /JS (x) >>")
    assert education.sniff(obj(b"/Type /ObjStm /N 1 /First 4 /Filter /FlateDecode", packed)) is None
    assert education.sniff(obj(b"/Type /Obj#53tm /N 1 /First 4 /Filter /FlateDecode", packed)) is None
    assert education.sniff(b"%PDF-1.7\n1 0 obj << /J#53 (x) >> endobj") is None


def test_a_village_refuses_another_villages_rows_even_from_the_township(world):
    town, a, b, tmp = world
    theirs = a_resident(town, A)  # A's resident, as the township holds it
    forged = op(town, 900_000, "resident", theirs.id, A, {"phone": "13700000002"}, {"phone": ""})
    path = craft_bundle(town, b, [forged], tmp / "x")
    assert_quarantined(b, path, "resident", f"属于 {A}", "不该由")

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


def pdf(objects: dict[int, bytes], *, packed: bytes = b"") -> bytes:
    """A PDF of ``objects`` (number → dictionary, or dictionary + stream), written out with a cross-
    reference table; ``packed``: the filter of an object stream holding them instead, found by an
    attacker: b"flate", b"hex" (ASCIIHex), b"hexflate" (both), b"pad" (flate, its dictionary
    ending in the name /obj)."""
    import struct
    import zlib

    out = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    if not packed:
        offsets = {}
        for n, body in objects.items():
            offsets[n] = len(out)
            out += b"%d 0 obj\n" % n + body + b"\nendobj\n"
        at = len(out)
        size = max(objects) + 1
        out += b"xref\n0 %d\n0000000000 65535 f \n" % size
        out += b"".join(b"%010d 00000 n \n" % offsets[n] for n in range(1, size))
        return bytes(out + b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (size, at))
    head, body = b"", b""
    for n, o in objects.items():
        head, body = head + b"%d %d " % (n, len(body)), body + o + b"\n"
    raw = head + body
    data, filters = {
        b"flate": (zlib.compress(raw), b"/FlateDecode"),
        b"pad": (zlib.compress(raw), b"/FlateDecode"),
        b"hex": (raw.hex().encode() + b">", b"/ASCIIHexDecode"),
        b"hexflate": (zlib.compress(raw).hex().encode() + b">", b"[/ASCIIHexDecode /FlateDecode]"),
    }[packed]
    stm = len(objects) + 1
    d = b"<< /Type /ObjStm /N %d /First %d /Filter %s /Length %d" % (
        len(objects),
        len(head),
        filters,
        len(data),
    )
    d += b" /Pad /obj >>" if packed == b"pad" else b" >>"
    at_stm = len(out)
    out += b"%d 0 obj\n" % stm + d + b"\nstream\n" + data + b"\nendstream\nendobj\n"
    rows = [b"\x00" + struct.pack(">IH", 0, 65535)]
    rows += [b"\x02" + struct.pack(">IH", stm, i) for i in range(len(objects))]
    at = len(out)
    rows += [b"\x01" + struct.pack(">IH", at_stm, 0), b"\x01" + struct.pack(">IH", at, 0)]
    xref = zlib.compress(b"".join(rows))
    out += (
        b"%d 0 obj\n<< /Type /XRef /Size %d /W [1 4 2] /Root 1 0 R /Filter /FlateDecode /Length %d >>\n"
        % (
            stm + 1,
            stm + 2,
            len(xref),
        )
    )
    return bytes(out + b"stream\n" + xref + b"\nendstream\nendobj\nstartxref\n%d\n%%%%EOF\n" % at)


PAGES = {
    2: b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    3: b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>",
}
SCRIPT = b"<< /S /JavaScript /JS (app.alert\\('pwned'\\)) >>"


@pytest.mark.sqlite_only  # no store: pure rules
def test_a_pdf_that_runs_code_or_carries_files_is_no_attachment():
    plain = pdf({1: b"<< /Type /Catalog /Pages 2 0 R >>", **PAGES})
    assert education.pdf_problem(plain) is None
    for active in (b"/JavaScript", b"/Launch", b"/EmbeddedFile", b"/AA"):
        assert education.pdf_problem(b"%PDF-1.7\n1 0 obj << " + active + b" (x) >>") == "active"
    # a document's script, run as it opens: written out, or packed in an object stream however
    # filtered (ASCIIHex, or a dictionary ending in the name /obj, hid it from the byte scan)
    catalog = b"<< /Type /Catalog /Pages 2 0 R /OpenAction 4 0 R /Names << /JavaScript << /Names [(x) 4 0 R] >> >> >>"
    scripted = {1: catalog, **PAGES, 4: SCRIPT}
    for packed in (b"", b"flate", b"pad", b"hex", b"hexflate"):
        assert education.pdf_problem(pdf(scripted, packed=packed)) == "active", packed
    # opened at its first page (LaTeX's hyperref writes this): no script
    opened = {1: b"<< /Type /Catalog /Pages 2 0 R /OpenAction [3 0 R /Fit] >>", **PAGES}
    assert education.pdf_problem(pdf(opened)) is None
    goto = {1: b"<< /Type /Catalog /Pages 2 0 R /OpenAction << /S /GoTo /D [3 0 R /Fit] >> >>", **PAGES}
    assert education.pdf_problem(pdf(goto)) is None
    launch = {1: b"<< /Type /Catalog /Pages 2 0 R /OpenAction << /S /URI /URI (http://x) >> >>", **PAGES}
    assert education.pdf_problem(pdf(launch)) == "active"


@pytest.mark.sqlite_only  # no store: pure rules
def test_a_script_referenced_by_another_generation_is_found():
    """Found by an attacker: pdfium takes a reference by its number alone ("4 1 R" is its object 4),
    where pypdf finds no object 4 of generation 1 and reads nothing: a document's script, or a
    link's, so referenced and packed in an object stream, was archived."""
    import pypdfium2 as pdfium
    import pypdfium2.raw as raw

    names = {
        1: b"<< /Type /Catalog /Pages 2 0 R /Names 4 1 R >>",
        **PAGES,
        4: b"<< /JavaScript << /Names [(x) 5 0 R] >> >>",
        5: SCRIPT,
    }
    page = b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] /Annots [4 1 R] >>"
    link = {
        1: b"<< /Type /Catalog /Pages 2 0 R >>",
        **PAGES,
        3: page,
        4: b"<< /Type /Annot /Subtype /Link /Rect [0 0 200 200] /A 5 0 R >>",
        5: SCRIPT,
    }
    doc = pdfium.PdfDocument(pdf(names, packed=b"hex"))
    try:
        assert raw.FPDFDoc_GetJavaScriptActionCount(doc.raw) == 1  # (the viewer's reader sees it)
    finally:
        doc.close()
    for objects in (names, link):
        for packed in (b"hex", b"hexflate"):
            assert education.pdf_problem(pdf(objects, packed=packed)) == "active", packed


@pytest.mark.sqlite_only  # no store: pure rules
def test_compressed_bytes_are_no_names_but_names_hidden_otherwise_are():
    """Found by an attacker: a legitimate PDF whose compressed page drawing held the bytes "/JS" by
    chance was refused.  A stream that really is compressed is passed over; names escaped (/J#53),
    packed into an object stream, or posing as a stream are still found.  A name is a whole name:
    a font's subset name /AAAAAA+SimSun is no /AA (a leaflet in such a font was refused)."""
    import hashlib
    import zlib

    def obj(head: bytes, data: bytes) -> bytes:
        return b"%PDF-1.7\n1 0 obj << " + head + b" >> stream\n" + data + b"\nendstream endobj\n"

    active = education._active_pdf  # the bytes as they stand
    drawing = zlib.compress(hashlib.sha512(b"170946").digest())
    assert b"/JS" in drawing  # (by chance, as in the attacker's sheet)
    assert not active(obj(b"/Length 80 /Filter /FlateDecode", drawing))
    assert active(obj(b"/Filter /FlateDecode", b"/JS (app.alert(1))"))  # not compressed
    assert active(obj(b"/Filter /FlateDecode", drawing + b"/JS (x)"))  # more after it
    packed = zlib.compress(b"2 0 << /S /JavaScript /JS (x) >>")
    assert active(obj(b"/Type /ObjStm /N 1 /First 4 /Filter /FlateDecode", packed))
    assert active(obj(b"/Type /Obj#53tm /N 1 /First 4 /Filter /FlateDecode", packed))
    assert active(b"%PDF-1.7\n1 0 obj << /J#53 (x) >> endobj")
    assert not active(b"%PDF-1.7\n5 0 obj << /Type /Font /BaseFont /AAAAAA+SimSun >> endobj")
    font = {
        1: b"<< /Type /Catalog /Pages 2 0 R >>",
        **PAGES,
        4: b"<< /Type /Font /BaseFont /AAAAAA+SimSun >>",
    }
    assert education.pdf_problem(pdf(font)) is None


@pytest.mark.sqlite_only  # no store: pure rules
def test_a_pdf_whose_drawing_unpacks_past_the_limit_is_no_attachment(monkeypatch):
    """Found by an attacker: a 3.6 MB PDF whose page drawing unpacked to 3.5 GB took 4.8 GB of
    memory to view.  A drawing past the limit, or a picture of more pixels than a scan of an A3 sheet
    at 1200 dpi, is refused as too big; one within them is kept."""
    import zlib

    monkeypatch.setattr(education, "PDF_DRAWING_BYTES", 1 << 20)  # (the real limit: 64 MB)

    def drawn(n: int) -> bytes:
        stream = zlib.compress(b" " * n)
        contents = b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(stream) + stream + b"\nendstream"
        page = b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] /Contents 4 0 R >>"
        return pdf({1: b"<< /Type /Catalog /Pages 2 0 R >>", **PAGES, 3: page, 4: contents})

    assert education.pdf_problem(drawn(1 << 19)) is None
    assert education.pdf_problem(drawn(2 << 20)) == "too_big"
    side = 20_000  # 400 megapixels, an image of a few bytes
    picture = b"<< /Type /XObject /Subtype /Image /Width %d /Height %d /BitsPerComponent 8 " % (side, side)
    picture += b"/ColorSpace /DeviceGray /Length 1 >>\nstream\n\x00\nendstream"
    page = b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] /Resources << /XObject << /I 4 0 R >> >> >>"
    assert education.pdf_problem(
        pdf({1: b"<< /Type /Catalog /Pages 2 0 R >>", **PAGES, 3: page, 4: picture})
    ) == ("too_big")


def test_a_village_refuses_another_villages_rows_even_from_the_township(world):
    town, a, b, tmp = world
    theirs = a_resident(town, A)  # A's resident, as the township holds it
    forged = op(town, 900_000, "resident", theirs.id, A, {"phone": "13700000002"}, {"phone": ""})
    path = craft_bundle(town, b, [forged], tmp / "x")
    assert_quarantined(b, path, "resident", f"属于 {A}", "不该由")

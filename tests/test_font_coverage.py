"""Every word the app shows or prints is drawn by the bundled font: WenQuanYi Micro Hei maps "℃"
to an empty glyph, so "体温超过39℃" printed as "体温超过39" on a referral slip and the elderly
check's temperature had no unit, on paper and on screen."""

from __future__ import annotations

import io
import re
import subprocess
from pathlib import Path

import pytest
from PySide6.QtGui import QRawFont
from reportlab.pdfgen import canvas

from app.codes import CODE_LISTS
from app.config import CJK_FONT, resource_path
from app.services.printing.layout import DRAWN_AS, FONT, register_font

TRANSLATIONS = Path(__file__).resolve().parents[1] / "resources" / "translations"


def undrawn(font: QRawFont, text: str) -> set[str]:
    """The characters of ``text`` the font has no glyph for, or draws as nothing."""
    out = set()
    for ch in set(text):
        if ch.isspace() or ord(ch) < 0x20:
            continue
        (glyph,) = font.glyphIndexesForString(ch) or (0,)
        if glyph == 0 or font.pathForGlyph(glyph).elementCount() == 0:
            out.add(ch)
    return out


@pytest.fixture(scope="module")
def bundled(qapp):
    return QRawFont(str(resource_path(*CJK_FONT)), 24)


@pytest.mark.sqlite_only  # no store
def test_every_translated_word_and_code_label_is_drawn_by_the_bundled_font(bundled):
    words = []
    for ts in sorted(TRANSLATIONS.glob("*.ts")):
        text = ts.read_text(encoding="utf-8")
        words += re.findall(r"<source>(.*?)</source>", text, re.S)
        words += re.findall(r"<translation>(.*?)</translation>", text, re.S)
    assert len(words) > 1000
    for cl in CODE_LISTS.values():
        words += [cl.zh, cl.en, *(c.label(lang) for c in cl for lang in ("zh", "en"))]
    missing = {w: sorted(undrawn(bundled, w)) for w in words if undrawn(bundled, w)}
    assert missing == {}


@pytest.mark.sqlite_only
def test_a_character_the_font_draws_as_nothing_prints_as_its_stand_in(bundled, tmp_path):
    assert set(DRAWN_AS) <= undrawn(bundled, "".join(DRAWN_AS))  # (still so in the bundled font)
    assert not undrawn(bundled, "".join(DRAWN_AS.values()))
    register_font()
    out = io.BytesIO()
    page = canvas.Canvas(out)
    page.setFont(FONT, 12)
    page.drawString(72, 720, "主诉：发热38.5℃两天")  # as a doctor may have typed it
    page.save()
    pdf = tmp_path / "t.pdf"
    pdf.write_bytes(out.getvalue())
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    assert "发热38.5°C两天" in text

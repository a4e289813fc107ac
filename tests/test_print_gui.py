"""Printing from the GUI: preview, batch cards off the GUI thread, print to a (PDF) printer,
save as PDF, and a scanned card QR opening its resident."""

from __future__ import annotations

import subprocess

import pytest
from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QApplication, QPushButton
from sqlalchemy import select

from app.services import printing
from app.services.printing import Labels
from app.tools.demo import generate_demo
from app.views.main_window import MainWindow
from app.views.print_preview import PrintPreviewDialog, print_pdf
from app.views.residents import ResidentDialog
from tests.conftest import TODAY
from tests.test_gui import followup_dialog, type_into_focus
from tests.test_printing import scan_qr_codes

pytestmark = [pytest.mark.gui, pytest.mark.both_databases]


@pytest.fixture
def window(gui_app, qtbot, store):
    with store.transaction() as s:
        generate_demo(s, 200, seed=5, today=TODAY)
    w = MainWindow(store)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    return w


def pdf_text(path) -> str:
    return subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout


def test_batch_cards_run_in_the_background_then_preview_and_save(window, qtbot, tmp_path):
    page = window.show_page("print")
    page.card_days.setValue(60)
    task = page.print_cards()
    with qtbot.waitSignal(task.finished, timeout=30_000):
        pass
    preview = page.last_preview
    assert isinstance(preview, PrintPreviewDialog)
    assert len(preview.images) >= 2 and len(preview.images) % 2 == 0  # fronts and backs
    saved = preview.save_as(str(tmp_path / "cards"))
    assert saved.name == "cards.pdf" and saved.read_bytes().startswith(b"%PDF")
    assert "慢病随访卡" in pdf_text(saved)
    preview.reject()


@pytest.mark.sqlite_only  # no store: the same on both databases
def test_preview_prints_every_page_to_the_printer(gui_app, tmp_path):
    data = printing.blank_form_pdf("htn", Labels())
    printer = QPrinter(QPrinter.HighResolution)
    printer.setOutputFormat(QPrinter.PdfFormat)  # stands in for a real printer on CI
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    assert print_pdf(data, printer) == 1
    out = subprocess.run(["pdfinfo", str(tmp_path / "printed.pdf")], capture_output=True, text=True).stdout
    assert "Pages:           1" in out


def test_worklist_for_a_village_group_and_blank_forms(window, qtbot):
    page = window.show_page("print")
    page.refresh()
    assert page.list_group.count() > 1  # 全部 + the demo's groups
    page.list_group.setCurrentIndex(1)
    page.list_days.setValue(30)
    task = page.print_worklist()
    with qtbot.waitSignal(task.finished, timeout=30_000):
        pass
    assert page.last_preview.images
    page.last_preview.reject()
    page.print_blank("t2dm")
    assert len(page.last_preview.images) == 1


def test_resident_page_prints_card_and_cover(window, qtbot):
    residents = window.show_page("residents")
    dialog = residents.open_resident(residents.model.rows[0].id)
    preview = dialog.print_document("card")
    assert len(preview.images) == 2
    preview.reject()
    preview = dialog.print_document("cover")
    assert len(preview.images) == 1
    preview.reject()
    preview = dialog.print_document("record")  # 个人基本信息表, filled
    assert len(preview.images) >= 1
    preview.reject()
    dialog.reject()


def test_resident_page_prints_the_years_visit_record_of_a_programme(window, qtbot, store):
    from app.models import FollowupVisit, ProgramEnrolment

    with store.session() as s:
        rid = s.scalar(select(ProgramEnrolment.resident_id).where(ProgramEnrolment.program == "htn"))
        years = sorted(
            {
                d.year
                for d in s.scalars(
                    select(FollowupVisit.visit_date).where(
                        FollowupVisit.resident_id == rid,
                        FollowupVisit.program == "htn",
                        FollowupVisit.voided.is_(False),
                    )
                )
            },
            reverse=True,
        )
    dialog = window.show_page("residents").open_resident(rid)
    buttons = [b for b in dialog.findChildren(QPushButton) if b.text() == "打印随访服务记录表"]
    assert buttons
    # The years with visits, the latest first and chosen, whatever today's year is (in January
    # the sheet to file is last year's): the demo's visits end on TODAY, this clock may be later.
    choice = dialog.paper_years["htn"]
    assert [choice.itemData(i) for i in range(choice.count())] == years and choice.currentIndex() == 0
    buttons[0].click()
    assert dialog.preview.images and f"-htn-{years[0]}-" in dialog.preview.file_name
    dialog.preview.reject()
    if len(years) > 1:
        choice.setCurrentIndex(len(years) - 1)
        buttons[0].click()
        assert dialog.preview.images and f"-htn-{years[-1]}-" in dialog.preview.file_name
        dialog.preview.reject()
    dialog.reject()


def test_a_programme_without_visits_offers_no_sheet_to_print(window, store):
    from app.models import ProgramEnrolment, Resident
    from app.services.programmes import followup

    with store.transaction() as s:
        managed = select(ProgramEnrolment.resident_id).where(ProgramEnrolment.program == "htn")
        rid = s.scalar(select(Resident.id).where(Resident.id.not_in(managed)).limit(1))
        followup.enrol(s, s.get(Resident, rid), "htn", TODAY, doctor="李医生")
    dialog = window.show_page("residents").open_resident(rid)
    (button,) = [b for b in dialog.findChildren(QPushButton) if b.text() == "打印随访服务记录表"]
    assert not button.isEnabled() and button.toolTip() == "还没有随访记录"
    assert not dialog.paper_years["htn"].isEnabled()
    dialog.reject()


def test_scanning_a_printed_card_opens_its_resident(window, qtbot, store, tmp_path):
    """The whole loop: print a card, read its QR as a scanner would, type that into the search box."""
    residents = window.show_page("residents")
    row = residents.model.rows[3]
    with store.session() as s:
        (scanned,) = scan_qr_codes(printing.card_pdf(s, row.archive_no, Labels()), tmp_path)
    type_into_focus(qtbot, scanned, residents.search)
    qtbot.keyClick(residents.search, Qt.Key_Return)  # scanners end with Enter
    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), ResidentDialog))
    dialog = QApplication.activeModalWidget()
    assert dialog.resident_id == row.id
    dialog.reject()


def test_referral_slip_preview_after_issuing(gui_app, qtbot, store):
    from app.services.programmes import followup
    from app.services.records.residents import ResidentInput, save_resident
    from app.views.followups import FollowupDialog  # noqa: F401

    with store.transaction() as s:
        r = save_resident(s, ResidentInput(name="转诊乙", sex="2", birth_date="1952-02-02"))
        followup.enrol(s, r, "htn", r.enrolled_on)
        rid = r.id
    dialog = followup_dialog(store, rid, "htn")
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.sbp, "190")
    qtbot.keyClicks(dialog.dbp, "115")
    referral_dialog = dialog.save_and_refer()
    referral_dialog.fields["to_institution"].setText("朝阳乡卫生院")
    assert referral_dialog.save() is True
    assert referral_dialog.preview is not None and len(referral_dialog.preview.images) == 1
    referral_dialog.preview.reject()


@pytest.mark.sqlite_only  # no store: a document made from typed text
def test_the_preview_says_when_a_character_printed_as_a_mark(gui_app, qtbot):
    """刘䶮: the bundled font lacks 䶮 and prints 〓; the preview says so before it goes to paper, and
    says nothing for a document without one."""
    from app.services.printing.layout import Document

    def made(name: str) -> bytes:
        doc = Document(90, 54, "card", Labels())
        doc.new_page().c.drawString(20, 20, f"姓名：{name}")
        return doc.to_bytes()

    marked = PrintPreviewDialog(made("刘䶮"), "card", "card.pdf")
    qtbot.addWidget(marked)
    assert not marked.missing.isHidden()
    assert "有 1 个字打印字库中没有" in marked.missing.text()
    plain = PrintPreviewDialog(made("刘岩"), "card", "card.pdf")
    qtbot.addWidget(plain)
    assert plain.missing.isHidden()


@pytest.mark.sqlite_only  # the pages' layout: one database is enough
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_two_batch_boxes_stack_at_800_px_and_sit_side_by_side_when_wide(window, qtbot, gui_app, lang):
    """At 800 px the 入户随访工作单 box and its button ran off the page's right edge (it scrolled
    sideways); now the boxes stack there, and stand side by side in a wide window.  The same for
    the buttons of the 老年人 and 签约 pages, which go to a line of their own when narrow."""
    from PySide6.QtCore import QPoint

    from app.views.startup import install_translator

    install_translator(gui_app, lang)
    try:
        page = window.show_page("print")
        cards, visits = page.cards_button, page.worklist_button
        for width, side_by_side in ((800, False), (1280, True)):
            window.resize(width, 760)
            qtbot.waitUntil(lambda w=width: window.width() == w)
            QApplication.processEvents()
            for button in (cards, visits):
                assert _whole(button), (width, button.text())
            boxes = [b.parentWidget().mapTo(window, QPoint(0, 0)).y() for b in (cards, visits)]
            assert (boxes[0] == boxes[1]) is side_by_side, (width, boxes)
        window.resize(800, 760)
        qtbot.waitUntil(lambda: window.width() == 800)
        for name, button in (("elderly", "record"), ("contracts", "print_button")):
            shown = window.show_page(name)
            QApplication.processEvents()
            assert _whole(getattr(shown, button)), (name, button)
    finally:
        install_translator(gui_app, "zh")


def _whole(widget) -> bool:
    """Whether all of ``widget`` shows: not cut by the edge of the page (nor scrolled away)."""
    return widget.visibleRegion().boundingRect().size() == widget.size()


@pytest.mark.sqlite_only  # the pages' layout: one database is enough
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_village_pcs_pages_ask_no_more_width_than_an_800_pixel_window_has(window, qtbot, gui_app, lang):
    """At 800 px, in either language, no page is wider than the window: the 打印 page's second box,
    the 老年人 and 签约 buttons and the 设置 page ran off the edge (the page scrolled sideways)."""
    from app.views.startup import install_translator

    install_translator(gui_app, lang)
    try:
        window.resize(800, 760)
        qtbot.waitUntil(lambda: window.width() == 800)
        for key in (
            "home",
            "residents",
            "followups",
            "elderly",
            "contracts",
            "education",
            "print",
            "settings",
        ):
            page = window.show_page(key)
            QApplication.processEvents()
            room = window._frames[key].viewport().width()  # the page's scroll area
            wants = page.minimumSizeHint().width()
            assert wants <= room, (lang, key, wants, room)
    finally:
        install_translator(gui_app, "zh")

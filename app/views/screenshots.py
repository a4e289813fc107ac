"""``cunyi gui --screenshots DIR``: PNGs of every main page and of the key dialogs, to look at."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QApplication, QWidget


def _save(widget: QWidget, path: Path) -> Path:
    QApplication.processEvents()  # let layouts settle before grabbing; not a work loop
    widget.grab()  # (a first paint may size what it paints: a chart's axis for its names)
    QApplication.processEvents()
    widget.grab().save(str(path))
    return path


def save_screenshots(window, out: Path) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    window.show()
    saved = []
    township_home = getattr(window.home, "wait_until_loaded", None)
    if township_home is not None:  # the township 工作台 computes its indicators in the background
        township_home()
    for i, (key, _title, _page) in enumerate(window.pages, start=1):
        window.show_page(key)
        saved.append(_save(window, out / f"{i:02d}-{key}.png"))

    residents = window.show_page("residents")
    residents.search.setText("zs")
    residents.refresh()
    saved.append(_save(window, out / "30-residents-search-zs.png"))

    # The enrolment form after a failed save: errors inline, typed values kept.
    dialog = residents.new_resident()
    form = dialog.form
    form.name.setText("王小明")
    form.id_number.setText("110105194912310021")  # wrong check digit
    form.birth_date.setText("1950-01-01")
    form.phone.setText("1381234")
    dialog.save()
    saved.append(_save(dialog, out / "31-enrolment-validation-error.png"))
    saved.append(_save(form, out / "32-enrolment-whole-form.png"))  # every section, beyond the viewport
    dialog.reject()

    if residents.model.rows:
        page = residents.open_resident(residents.model.rows[0].id)
        saved.append(_save(page, out / "33-resident-detail.png"))
        page.reject()

    followups = window.show_page("followups")
    followups.refresh()
    visit = followups.record_selected()
    if visit is not None:  # an emergency case: reasons in red
        visit.sbp.setText("186")
        visit.dbp.setText("112")
        visit.signs.boxes[next(iter(visit.signs.boxes))].setChecked(True)
        saved.append(_save(visit, out / "34-followup-emergency.png"))
        visit.reject()
        # as a scanned card opens it: 录入随访 focused, trend chart and visit history
        page = residents.open_resident(followups.selected().resident_id, focus_visit=True)
        saved.append(_save(page, out / "35-resident-followups.png"))
        page.reject()
    home = window.show_page("home")
    if home.referrals.rows:  # a referral's life: its resident page's 转诊 tab, and the 回转 form
        page = residents.open_resident(home.referrals.rows[0].resident_id)
        page.sections.setCurrentWidget(page.referrals)
        saved.append(_save(page, out / "38-resident-referrals.png"))
        step = page.referrals.step("returned")
        if step is not None and not isinstance(step, bool):
            saved.append(_save(step, out / "39-referral-return.png"))
            step.reject()
        page.reject()
    printing_page = window.show_page("print")
    printing_page.refresh()
    if printing_page.referrals.rowCount():
        printing_page.referrals.selectRow(0)
    from app.views.print_page import print_resident_document

    residents.search.clear()  # the whole register again, not the "zs" search above
    residents.refresh()
    if residents.model.rows:
        preview = print_resident_document(window, window.store, str(residents.model.rows[0].id), "card")
        saved.append(_save(preview, out / "36-print-preview-card.png"))
        preview.reject()
    from app.services import printing
    from app.views.operations import Op
    from app.views.print_preview import preview as show_preview
    from app.views.widgets import print_labels

    labels = print_labels()
    data = Op(window, window.store, lambda s: printing.worklist_pdf(s, labels, due_within=14)).run()
    if data is not None:
        preview = show_preview(window, data, "worklist", "worklist.pdf")
        saved.append(_save(preview, out / "37-print-preview-worklist.png"))
        preview.reject()
    saved += _smi_and_elderly(window, out)
    saved += _quality_and_review(window, out)
    if township_home is not None:
        saved += _township_drilldown(window, out)
    window.close()
    return saved


def _smi_and_elderly(window, out: Path) -> list[Path]:
    """The 专项随访 form assessed 不稳定 (开转诊单 offered), the same form as a 失访 visit, and an
    elderly check with an abnormal reading (开转诊单 offered before saving)."""
    saved = []
    if "smi" in [k for k, _t, _p in window.pages]:
        page = window.show_page("smi")
        page.kind.setCurrentIndex(page.kind.findData("all"))
        page.refresh()
        visit = page.record_selected()
        if visit is not None:
            visit.form.editors["danger"].main.setText("3")
            saved.append(_save(visit, out / "46-smi-followup-referral.png"))
            visit.outcome.setCurrentIndex(visit.outcome.findData("lost"))
            saved.append(_save(visit, out / "47-smi-followup-lost.png"))
            visit.outcome.setCurrentIndex(visit.outcome.findData("died"))
            saved.append(_save(visit, out / "48-smi-followup-died.png"))
            visit.reject()
    page = window.show_page("elderly")
    page.refresh()
    check = page.record_selected()
    if check is not None:
        check.form.editors["sbp"].main.setText("172")
        check.form.editors["dbp"].main.setText("96")
        check.form.editors["glucose"].main.setText("7.8")
        saved.append(_save(check, out / "49-elderly-check-referral.png"))
        check.reject()
    return saved


def _finished(page) -> None:
    """Wait for a page's background computation to hand its result over (a tool, not a work loop)."""
    if page.busy:
        _wait(page.task, 120_000)


def _quality_and_review(window, out: Path) -> list[Path]:
    """The quality report with its first village's numbers drilled into, and the review queue."""
    saved = []
    page = window.show_page("quality")
    _finished(page)
    saved.append(_save(window, out / "40-quality-report.png"))
    if page.summary.rowCount():
        counts = [
            (int(page.summary.item(r, c).text()), r, c)
            for r in range(page.summary.rowCount())
            for c in range(1, page.summary.columnCount() - 1)
        ]
        _n, row, column = max(counts)
        page.summary.setCurrentCell(row, column)
        page.drill_down(row, column)
        saved.append(_save(window, out / "41-quality-drill-down.png"))
    if "review" not in [p.key for p in window.pages]:
        return saved  # (a county reviews no villages' records: its townships do)
    page = window.show_page("review")
    _finished(page)
    if page.township and page.table.rowCount():
        page.table.selectRow(0)
    saved.append(_save(window, out / "42-review.png"))
    return saved


def _township_drilldown(window, out: Path) -> list[Path]:
    """The township 工作台 again, and the residents behind its hypertension figure."""
    home = window.show_page("home")
    home.wait_until_loaded()
    saved = [_save(window, out / "43-township-workbench.png")]
    keys = [r.key for r in home.bench.report.results] if home.bench else []
    if "htn_standard" in keys:
        dialog = home.open_drilldown(keys.index("htn_standard"), 1)
        _wait(dialog.task)
        saved.append(_save(dialog, out / "44-indicator-drilldown.png"))
        dialog.reject()
    dialog = home.edit_population()
    saved.append(_save(dialog, out / "45-population-figures.png"))
    dialog.reject()
    saved += _township_groups(window, home, out)
    return saved


def _township_groups(window, home, out: Path) -> list[Path]:
    """The 工作台 with the first village that has 村民小组 expanded, and one group's residents."""
    report = home.bench.report if home.bench else None
    village = next((v for v in report.villages if report.groups_of(v.id)), None) if report else None
    if village is None:
        return []
    home.expanded = {village.id}
    if home.county:  # (its villages show under their township, opened)
        home.expanded_towns = {village.code[:9]}
    home.fill_table()
    saved = [_save(window, out / "50-township-workbench-groups.png")]
    keys = [r.key for r in report.results]
    if "htn_standard" in keys:
        group = report.groups_of(village.id)[0]
        dialog = home.open_drilldown(keys.index("htn_standard"), home.column_of(village.code, group.name))
        _wait(dialog.task)
        saved.append(_save(dialog, out / "51-indicator-drilldown-group.png"))
        dialog.reject()
    home.expanded, home.expanded_towns = set(), set()
    home.fill_table()
    return saved


def _wait(task, timeout_ms: int = 60_000) -> None:
    from PySide6.QtCore import QEventLoop, QTimer

    try:
        finished = task.finished
    except RuntimeError:  # already finished and deleted
        return
    loop = QEventLoop()
    finished.connect(loop.quit)
    QTimer.singleShot(timeout_ms, loop.quit)
    loop.exec()

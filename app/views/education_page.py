"""健康教育: the year's activities (健康教育活动记录表) with their archived photos and sign-in sheets,
the progress against the spec's minimums, and the small progress panel the 工作台 shows."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QBuffer, QByteArray, QDate, Qt
from PySide6.QtGui import QImage, QImageReader, QPixmap
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QStyle,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.db import Store
from app.services.errors import ValidationError
from app.services.programmes import education
from app.views.operations import FOLLOWUPS, RESIDENTS, Op, Progress, StoreOp, refresh_on
from app.views.widgets import (
    CodeCombo,
    DateEdit,
    ErrorLabel,
    LazyPage,
    code_label,
    print_labels,
    read_only_table,
    render,
    share_width,
    toolbar,
    translate,
)

EDUCATION = frozenset({"education_activity", "education_attachment"})


class ProgressPanel(QFrame):
    """健康教育进度: each kind of activity this year against its minimum (red when behind)."""

    def __init__(self, store: Store, parent=None):
        super().__init__(parent)
        self.store = store
        self.setFrameShape(QFrame.StyledPanel)
        self.setStyleSheet("QFrame { background: #f4f8fb; border-radius: 6px; }")
        self.title = QLabel()
        self.title.setStyleSheet("font-weight: bold;")
        self.grid = QGridLayout()
        self.grid.setHorizontalSpacing(18)
        lay = QVBoxLayout(self)
        lay.addWidget(self.title)
        lay.addLayout(self.grid)
        self.cells: dict[str, QLabel] = {}
        refresh_on(self, EDUCATION | FOLLOWUPS, self.refresh)

    def refresh(self, year: int | None = None) -> None:
        year = year or QDate.currentDate().year()
        lines = Op(self, self.store, lambda s: education.progress(s, year)).run()
        if lines is None:
            return
        self.title.setText(self.tr("{year}年健康教育进度").replace("{year}", str(year)))
        for i, line in enumerate(lines):
            cell = self.cells.get(line.key)
            if cell is None:
                cell = self.cells[line.key] = QLabel()
                cell.setWordWrap(True)  # (three a line: unwrapped, they made the page too wide at 800 px)
                self.grid.addWidget(cell, i // 3, i % 3)
            # a township's units behind counted on the panel, named with their missing periods when
            # pointed at (ten villages' filled the page and hid the activities below)
            cell.setText(education.progress_text(line, translate, units=False))
            whole = education.progress_text(line, translate)
            # as the workbench colours its cells: red behind, green with the year's minimum met, and
            # on track but short of it neither (71 / 72 lectures read green here, "差 1 期" there)
            colour = "#c62828" if line.behind else "#1b5e20" if line.met else "#333333"
            cell.setStyleSheet(f"color: {colour};")
            if line.note:  # what it counts (periods, 人次) and what it does not check, said
                said = translate("Education", line.note)
            elif line.expected_by_now is not None:
                said = self.tr("按月计至今应完成 {n}").replace("{n}", str(line.expected_by_now))
            else:
                said = ""
            cell.setToolTip("\n\n".join(x for x in (whole if whole != cell.text() else "", said) if x))


class ActivityDialog(QDialog):
    """新健康教育活动: every field of the national record, and files to archive with it; with
    ``activity``, that activity's record to correct (修改), filled in as it was saved."""

    def __init__(self, store: Store, parent=None, activity: education.ActivityRow | None = None):
        super().__init__(parent)
        self.store = store
        self.activity = activity
        self.setWindowTitle(self.tr("修改健康教育活动记录") if activity else self.tr("健康教育活动记录"))
        self.held_on = DateEdit(QDate.currentDate())
        self.place = QLineEdit()
        self.form = CodeCombo("education_form", blank=False)
        self.form.setCurrentIndex(self.form.findData("5"))
        self.topic = QLineEdit()
        self.organiser = QLineEdit()
        self.audience_kind = QLineEdit()
        self.audience = QSpinBox()
        self.audience.setRange(0, 100000)
        self.materials = QLineEdit()
        self.kinds = QSpinBox()
        self.kinds.setRange(0, 100)
        self.content = QPlainTextEdit()
        self.content.setFixedHeight(70)
        self.evaluation = QPlainTextEdit()
        self.evaluation.setFixedHeight(50)
        self.files = QListWidget()
        self.files.setFixedHeight(80)  # (beside its three buttons)
        self.paths: list[tuple[str, str]] = []
        self.removed: list[str] = []  # ids of archived files taken off the activity when saved
        add_photo = QPushButton(self.tr("添加照片…"))
        add_signin = QPushButton(self.tr("添加签到表…"))
        add_photo.clicked.connect(lambda: self.pick("photo"))
        add_signin.clicked.connect(lambda: self.pick("signin"))
        self.remove_file = QPushButton(self.tr("移除"))
        self.remove_file.setToolTip(
            self.tr("从存档材料中移除所选文件：保存后生效，文件作废保留，不再列出和打印")
        )
        self.remove_file.setEnabled(False)
        self.remove_file.clicked.connect(self.remove_chosen)
        self.files.currentRowChanged.connect(lambda row: self.remove_file.setEnabled(row >= 0))
        self.error = ErrorLabel()
        form = QFormLayout()
        form.addRow(self.tr("活动时间") + " *", self.held_on)
        form.addRow(self.tr("活动地点") + " *", self.place)
        form.addRow(self.tr("活动形式") + " *", self.form)
        form.addRow(self.tr("活动主题") + " *", self.topic)
        form.addRow(self.tr("组织者"), self.organiser)
        form.addRow(self.tr("接受健康教育人员类别"), self.audience_kind)
        form.addRow(self.tr("接受健康教育人数"), self.audience)
        form.addRow(self.tr("资料发放种类及数量"), self.materials)
        form.addRow(self.tr("资料种类数"), self.kinds)
        form.addRow(self.tr("活动内容"), self.content)
        form.addRow(self.tr("活动总结评价"), self.evaluation)
        files = QHBoxLayout()
        files.addWidget(self.files, 1)
        picks = QVBoxLayout()
        picks.addWidget(add_photo)
        picks.addWidget(add_signin)
        picks.addWidget(self.remove_file)
        files.addLayout(picks)
        form.addRow(self.tr("存档材料"), files)
        buttons = QDialogButtonBox(QDialogButtonBox.Save | QDialogButtonBox.Cancel)
        buttons.button(QDialogButtonBox.Save).setText(self.tr("保存"))
        buttons.button(QDialogButtonBox.Cancel).setText(self.tr("取消"))
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addLayout(form)
        lay.addWidget(self.error)
        lay.addWidget(buttons)
        if activity is not None:
            self._fill(activity)

    def _fill(self, activity: education.ActivityRow) -> None:
        """The saved record in the form, its archived files listed above any added now."""
        self.held_on.setDate(QDate(activity.held_on))
        self.place.setText(activity.place)
        self.form.set_code(activity.form)
        self.topic.setText(activity.topic)
        self.organiser.setText(activity.organiser)
        self.audience_kind.setText(activity.audience_kind)
        self.audience.setValue(activity.audience_count)
        self.materials.setText(activity.materials)
        self.kinds.setValue(activity.material_kinds)
        self.content.setPlainText(activity.content)
        self.evaluation.setPlainText(activity.evaluation)
        for attachment_id, kind, name, _size in activity.attachments:
            label = translate("Education", education.ATTACHMENT_KINDS.get(kind, kind))
            item = QListWidgetItem(self.tr("{kind}：{name}").replace("{kind}", label).replace("{name}", name))
            item.setData(Qt.UserRole, ("saved", attachment_id))
            self.files.addItem(item)

    def pick(self, kind: str) -> None:
        paths, _ = QFileDialog.getOpenFileNames(
            self, self.tr("选择文件"), "", self.tr("图片或PDF (*.jpg *.jpeg *.png *.pdf)")
        )
        self.add_files(paths, kind)

    def add_files(self, paths: list[str], kind: str) -> None:
        label = self.tr("照片") if kind == "photo" else self.tr("签到表")
        for p in paths:
            self.paths.append((p, kind))
            item = QListWidgetItem(self.tr("{kind}：{name}").replace("{kind}", label).replace("{name}", p))
            item.setData(Qt.UserRole, ("new", (p, kind)))
            self.files.addItem(item)

    def remove_chosen(self) -> None:
        """The chosen file off the list: one archived already is removed (voided) when the form
        is saved, one added now is not archived; Cancel keeps every file as it was."""
        row = self.files.currentRow()
        if row < 0:
            return
        what, ref = self.files.takeItem(row).data(Qt.UserRole)
        if what == "saved":
            self.removed.append(ref)
        else:
            self.paths.remove(tuple(ref))

    def save(self) -> None:
        inp = education.ActivityInput(
            held_on=self.held_on.date().toPython(),
            place=self.place.text(),
            form=self.form.code(),
            topic=self.topic.text(),
            organiser=self.organiser.text(),
            audience_kind=self.audience_kind.text(),
            audience_count=self.audience.value(),
            materials=self.materials.text(),
            # as typed: 0 is no material (a lecture), and refused for a hand-out (at least 1 kind);
            # sent as "" it was saved as 1
            material_kinds=self.kinds.value(),
            content=self.content.toPlainText(),
            evaluation=self.evaluation.toPlainText(),
        )
        files = list(self.paths)
        removed = list(self.removed)
        activity_id = self.activity.id if self.activity else None

        def work(s):
            attachments = []
            for kind in ("photo", "signin"):
                attachments += education.read_files([p for p, k in files if k == kind], kind)
            if activity_id is None:
                education.add_activity(s, inp, attachments)
            else:
                education.edit_activity(s, activity_id, inp, attachments, removed)

        Op(self, self.store, work).success(lambda _r: self.accept()).failure(self._refused).run()

    def _refused(self, error) -> None:
        """Every problem at once (one line each), the form as typed."""
        errors = error.errors if isinstance(error, ValidationError) else []
        self.error.show_error("\n".join(render(e.message) for e in errors) or render(error.message))


class VoidActivityDialog(QDialog):
    """作废 an activity recorded by mistake: the reason asked for, and kept as typed while it is
    refused (empty, too long)."""

    def __init__(self, store: Store, activity: education.ActivityRow, parent=None):
        super().__init__(parent)
        self.store, self.activity = store, activity
        self.setWindowTitle(self.tr("作废健康教育活动"))
        question = QLabel(
            self.tr("作废 {date} 的“{topic}”。作废后记录仍保留，但不再列出，也不再计入考核。请写明原因：")
            .replace("{date}", activity.held_on.isoformat())
            .replace("{topic}", activity.topic)
        )
        question.setWordWrap(True)
        self.reason = QLineEdit()
        self.error = ErrorLabel()
        buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        buttons.button(QDialogButtonBox.Ok).setText(self.tr("作废"))
        buttons.button(QDialogButtonBox.Cancel).setText(self.tr("取消"))
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addWidget(question)
        lay.addWidget(self.reason)
        lay.addWidget(self.error)
        lay.addWidget(buttons)
        self.setMinimumWidth(480)
        self._fit()

    def _fit(self) -> None:
        """As tall as the wrapped question and the error need at this width (a window's layout
        does not grow it for a wrapped label: the question's first line was cut off)."""
        self.resize(self.width(), max(self.height(), self.heightForWidth(self.width())))

    def save(self) -> None:
        activity_id, reason = self.activity.id, self.reason.text()

        def refused(error) -> None:
            self.error.show_error(error.render(translate))
            self._fit()

        Op(self, self.store, lambda s: education.void_activity(s, activity_id, reason).id).success(
            lambda _r: self.accept()
        ).failure(refused).run()


MAX_PAGES = 20  # of a PDF shown (a sign-in sheet is a page or two)
PAGE_PIXELS = 1600  # a page or photo is drawn this wide at most (a 2 kB PDF may have 5 m pages)


@dataclass(frozen=True)
class Pictures:
    """An archived file as pictures: each page or photo; how many pages the PDF has when more
    than are drawn (else 0); and why it cannot be shown, or why it stopped ("" when all is drawn)."""

    images: list[QImage]
    pages: int = 0
    why: str = ""  # "password", "damaged", "too_big", "cancelled"


def pictures(media_type: str, data: bytes, progress: Progress | None = None) -> Pictures:
    """Draw an archived file: a photo upright as the camera meant it (EXIF), a PDF's first
    :data:`MAX_PAGES` pages (pdfium, which runs none of a document's scripts), each
    :data:`PAGE_PIXELS` wide at most.  Runs on a worker thread (QImage, never QPixmap): each
    page drawn is reported to ``progress``, which is asked between pages whether to stop."""
    if media_type != "application/pdf":
        buffer = QBuffer()
        buffer.setData(QByteArray(data))
        reader = QImageReader(buffer)
        reader.setAutoTransform(True)  # a phone's portrait photo stands upright (EXIF orientation)
        size = reader.size()
        if size.isValid() and size.width() > PAGE_PIXELS:  # decoded no larger than shown
            reader.setScaledSize(size.scaled(PAGE_PIXELS, PAGE_PIXELS * 100, Qt.KeepAspectRatio))
        image = reader.read()
        if image.isNull():
            too_big = size.isValid() and size.width() * size.height() > 100_000_000
            return Pictures([], why="too_big" if too_big else "damaged")
        return Pictures([image])
    import pypdfium2 as pdfium

    from app.services.printing.engine import LOCK, close_pdf, open_pdf
    from app.views.print_preview import render_page

    try:
        pdf = open_pdf(data)
    except pdfium.PdfiumError as e:
        return Pictures([], why="password" if "password" in str(e).lower() else "damaged")
    images: list[QImage] = []
    try:
        with LOCK:
            count = len(pdf)
        drawn = min(count, MAX_PAGES)
        for index in range(drawn):
            if progress is not None:
                if progress.cancelled():
                    return Pictures(images, count, "cancelled")
                progress.report(index, drawn)
            with LOCK:
                width_pt, height_pt = pdf.get_page_size(index)
            scale = min(96 / 72, PAGE_PIXELS / max(width_pt, 1), PAGE_PIXELS * 2 / max(height_pt, 1))
            images.append(render_page(pdf, index, scale * 72))
    except pdfium.PdfiumError:
        return Pictures([], why="damaged")
    finally:
        close_pdf(pdf)
    return Pictures(images, count if count > MAX_PAGES else 0)


class AttachmentsDialog(QDialog):
    """An activity's archived materials (存档材料) as they were attached, each drawn on a worker
    thread (a 20-page PDF is 20 renders) behind a progress dialog with Cancel, then laid out as
    wide as the window, again as it is resized.  What cannot be shown (a PDF with a password, a
    damaged file, a picture too large) is said so, and the next file shows."""

    MAX_PAGES, PAGE_PIXELS = MAX_PAGES, PAGE_PIXELS

    def __init__(self, store: Store, activity: education.ActivityRow, parent=None):
        super().__init__(parent)
        self.store, self.activity = store, activity
        self.setWindowTitle(
            self.tr("存档材料 — {date} {topic}").format(
                date=activity.held_on.isoformat(), topic=activity.topic
            )
        )
        self.files = QListWidget()
        for _id, kind, name, size in activity.attachments:
            label = translate("Education", education.ATTACHMENT_KINDS.get(kind, kind))
            self.files.addItem(
                self.tr("{kind}：{name}（{size} KB）").format(kind=label, name=name, size=-(-size // 1024))
            )
        rows = min(4, max(1, self.files.count()))  # (each whole: a fifth row shown by half read as cut)
        self.files.setFixedHeight(self.files.sizeHintForRow(0) * rows + 2 * self.files.frameWidth())
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setAlignment(Qt.AlignHCenter | Qt.AlignTop)
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.note.hide()
        buttons = QDialogButtonBox(QDialogButtonBox.Close)
        buttons.button(QDialogButtonBox.Close).setText(self.tr("关闭"))
        buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addWidget(self.files)
        lay.addWidget(self.note)
        lay.addWidget(self.scroll, 1)
        lay.addWidget(buttons)
        self.resize(720, 640)
        self.shown: list[QImage] = []  # what is on screen now: each picture or page
        self.loading = None  # the file being drawn (its background task), None when all is shown
        self._drawn_width = 0
        self._lay_out([])
        self.files.currentRowChanged.connect(self.show_file)
        if activity.attachments:
            self.files.setCurrentRow(0)
        else:
            self.files.hide()
            self._say(self.tr("这次活动没有存档材料"))

    def _say(self, text: str) -> None:
        self.note.setText(text)
        self.note.setVisible(bool(text))

    def done(self, result: int) -> None:  # closed: the file being drawn is not wanted any more
        self._stop_drawing()
        super().done(result)

    def _stop_drawing(self) -> None:
        if self.loading is not None:
            self.loading.cancel()
            self.loading = None

    def show_file(self, row: int) -> None:
        self._stop_drawing()  # (another file chosen: the one being drawn is not)
        self.shown = []
        self._say("")
        self._lay_out([])
        if not 0 <= row < len(self.activity.attachments):
            return
        attachment_id = self.activity.attachments[row][0]

        def draw(store: Store, progress) -> Pictures:
            with store.reading() as s:
                stored, data = education.attachment_bytes(s, attachment_id)
                media_type = stored.media_type
            return pictures(media_type, data, progress)

        def drawn(got: Pictures) -> None:
            if self.files.currentRow() == row:  # (not a file chosen before this one, drawn late)
                self._show(got)

        def failed(error) -> None:
            if self.files.currentRow() == row:
                self._say(render(error.message))

        task = (
            StoreOp(self, self.store, draw)
            .success(drawn)
            .failure(failed)
            .run_in_background(self.tr("正在显示存档材料…"))
        )
        self.loading = task
        task.finished.connect(lambda: setattr(self, "loading", None) if self.loading is task else None)

    def _show(self, got: Pictures) -> None:
        reasons = {
            "password": self.tr("这个 PDF 文件设了密码，无法显示"),
            "damaged": self.tr("无法显示这个文件：它已损坏"),
            "too_big": self.tr("这张图片太大，无法显示"),
            "cancelled": self.tr("已取消：只显示了前 {shown} 页").format(shown=len(got.images)),
        }
        if got.why:
            self._say(reasons[got.why])
        elif got.pages:
            self._say(self.tr("共 {n} 页，只显示前 {shown} 页").format(n=got.pages, shown=len(got.images)))
        self.shown = got.images
        self._lay_out(self.shown)

    def _width(self) -> int:
        """As wide as the window leaves, a scroll bar beside the pages (never one below them)."""
        bar = self.style().pixelMetric(QStyle.PM_ScrollBarExtent)
        return max(200, self.scroll.viewport().width() - bar - 24)

    def _lay_out(self, images: list[QImage]) -> None:
        """The pictures, each at most as wide as the window, on a page of their own: a page made
        anew for each file (one kept across files was left the size of a file that could not be
        shown, and every later one was cut off, or drawn over the others)."""
        pages = QWidget()
        column = QVBoxLayout(pages)
        column.setAlignment(Qt.AlignTop | Qt.AlignHCenter)
        width = self._width()
        for image in images:
            pixmap = QPixmap.fromImage(image)
            if pixmap.width() > width:
                pixmap = pixmap.scaledToWidth(width, Qt.SmoothTransformation)
            label = QLabel()
            label.setPixmap(pixmap)
            label.setFixedSize(pixmap.size())  # (never squeezed to the window's height)
            column.addWidget(label)
        self.scroll.setWidget(pages)  # (the page before is deleted with it)
        self._drawn_width = width

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt API
        super().resizeEvent(event)
        if self.shown and abs(self._width() - self._drawn_width) > 8:
            self._lay_out(self.shown)


class EducationPage(LazyPage):
    def __init__(self, store: Store, parent=None):
        super().__init__(parent)
        self.store = store
        self.year = QSpinBox()
        self.year.setRange(2000, 2100)
        self.year.setValue(QDate.currentDate().year())
        self.year.valueChanged.connect(self.refresh)
        self.add_button = QPushButton(self.tr("新活动…"))
        self.edit_button = QPushButton(self.tr("修改…"))
        self.void_button = QPushButton(self.tr("作废…"))
        self.print_button = QPushButton(self.tr("打印记录表…"))
        self.files_button = QPushButton(self.tr("查看存档材料…"))
        self.add_button.clicked.connect(self.new_activity)
        self.edit_button.clicked.connect(self.edit_activity)
        self.void_button.clicked.connect(self.void_activity)
        self.print_button.clicked.connect(self.print_record)
        self.files_button.clicked.connect(self.show_files)
        top = toolbar(
            [QLabel(self.tr("年份")), self.year],
            [self.add_button, self.edit_button, self.void_button, self.files_button, self.print_button],
        )
        self.notice = QLabel()  # what an action just did (已作废 …)
        self.notice.hide()
        self.progress = ProgressPanel(store)
        self.table = read_only_table(
            [
                self.tr("活动时间"),
                self.tr("村或单位"),
                self.tr("活动形式"),
                self.tr("活动主题"),
                self.tr("活动地点"),
                self.tr("人数"),
                self.tr("组织者"),
                self.tr("存档材料"),
            ]
        )
        # the form, topic, place and organiser share what the others leave, wrapping: at 800 px a
        # township's list in English left the topic "…" (fixed widths took the row)
        share_width(self.table, {2: 2, 3: 4, 4: 2, 6: 2}, whole={0: "0000-00-00"})
        self.table.doubleClicked.connect(lambda _index: self.show_files())
        lay = QVBoxLayout(self)
        lay.addWidget(top)
        lay.addWidget(self.notice)
        lay.addWidget(self.progress)
        lay.addWidget(self.table, 1)
        self.rows: list[education.ActivityRow] = []
        refresh_on(self, EDUCATION, self.refresh)

    def refresh(self) -> None:
        self._loaded = True
        year = self.year.value()
        self.progress.refresh(year)
        rows = Op(self, self.store, lambda s: education.list_activities(s, year)).run()
        if rows is None:
            return
        self.rows = rows
        self.table.setRowCount(len(rows))
        for i, r in enumerate(rows):
            values = [
                r.held_on.isoformat(),
                r.institution,
                code_label("education_form", r.form),
                r.topic,
                r.place,
                str(r.audience_count),
                r.organiser,
                str(len(r.attachments)),
            ]
            for j, v in enumerate(values):
                item = QTableWidgetItem(v)
                item.setToolTip(v)  # (a long topic or place is cut short in its column)
                if j == 5:
                    item.setTextAlignment(Qt.AlignRight | Qt.AlignVCenter)
                elif j == 7:
                    item.setTextAlignment(Qt.AlignCenter)
                self.table.setItem(i, j, item)

    def new_activity(self) -> ActivityDialog:
        dialog = ActivityDialog(self.store, self)
        dialog.setModal(True)
        dialog.show()
        return dialog

    def edit_activity(self) -> ActivityDialog | None:
        """修改… the chosen activity: its record in the form, saved through the checks of a new one."""
        chosen = self._chosen(self.tr("修改健康教育活动记录"))
        if chosen is None:
            return None
        dialog = ActivityDialog(self.store, self, chosen)
        dialog.setModal(True)
        dialog.show()
        return dialog

    def void_activity(self) -> VoidActivityDialog | None:
        """作废… the chosen activity, recorded by mistake; the page then says so."""
        chosen = self._chosen(self.tr("作废健康教育活动"))
        if chosen is None:
            return None
        dialog = VoidActivityDialog(self.store, chosen, self)
        dialog.setModal(True)
        done = self.tr("已作废 {date} 的“{topic}”").replace("{date}", chosen.held_on.isoformat())
        dialog.accepted.connect(lambda: self._say(done.replace("{topic}", chosen.topic)))
        dialog.show()
        return dialog

    def _say(self, text: str) -> None:
        self.notice.setText(text)
        self.notice.setVisible(bool(text))

    def _chosen(self, title: str) -> education.ActivityRow | None:
        row = self.table.currentRow()
        if not 0 <= row < len(self.rows):
            QMessageBox.information(self, title, self.tr("请先选择一次活动"))
            return None
        return self.rows[row]

    def show_files(self) -> AttachmentsDialog | None:
        chosen = self._chosen(self.tr("查看存档材料"))
        if chosen is None:
            return None
        dialog = AttachmentsDialog(self.store, chosen, self)
        dialog.setModal(True)
        dialog.show()
        return dialog

    def print_record(self):
        from app.services.printing import education_form
        from app.views.print_preview import preview

        chosen = self._chosen(self.tr("打印记录表"))
        if chosen is None:
            return None
        labels = print_labels()
        data = Op(self, self.store, lambda s: education_form.pdf(s, chosen.id, labels)).run()
        if data is None:
            return None
        return preview(self.window(), data, self.tr("健康教育活动记录表"), f"健康教育-{chosen.held_on}.pdf")


class ReminderLine(QLabel):
    """签约到期提醒 and poor households not all signed, in one line (hidden when there is nothing)."""

    def __init__(self, store: Store, parent=None):
        super().__init__(parent)
        self.store = store
        self.setStyleSheet("color: #b26a00; font-weight: bold;")
        from app.views.contracts_page import CONTRACTS
        from app.views.poverty_page import POVERTY

        refresh_on(self, CONTRACTS | POVERTY | RESIDENTS, self.refresh)

    def refresh(self) -> None:
        from app.services.programmes import contracts, poverty

        def counts(s):
            unsigned = sum(1 for h in poverty.list_households(s) if not h.all_signed)
            return len(contracts.expiring_soon(s)), unsigned

        found = Op(self, self.store, counts).run()
        if found is None:
            return
        expiring, unsigned = found
        parts = []
        if expiring:
            parts.append(
                self.tr("{n} 份家庭医生签约{days}天内到期")
                .replace("{n}", str(expiring))
                .replace("{days}", str(contracts.REMIND_DAYS))
            )
        if unsigned:
            parts.append(self.tr("{n} 户贫困户未全户签约").replace("{n}", str(unsigned)))
        self.setText(self.tr("；").join(parts))
        self.setVisible(bool(parts))


def home_panel(store: Store) -> QWidget:
    """The 工作台's small panel: contract reminders, and this year's health education against the
    minimums."""
    box = QWidget()
    lay = QVBoxLayout(box)
    lay.setContentsMargins(0, 0, 0, 0)
    reminder = ReminderLine(store)
    reminder.refresh()
    panel = ProgressPanel(store)
    panel.refresh()
    lay.addWidget(reminder)
    lay.addWidget(panel)
    return box

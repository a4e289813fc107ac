"""健康教育活动记录表 (规范第三版 附表) on A4, filled from an activity record, with the list of the
archived materials (存档材料) attached to it."""

from __future__ import annotations

import uuid
from pathlib import Path

from sqlalchemy.orm import Session

from app.services.access import audit
from app.services.printing.layout import (
    Box,
    Document,
    Labels,
    boxed_height,
    boxed_parts,
    field_lines,
    share_heights,
)
from app.services.profile import get_profile
from app.services.programmes import education

A4 = (210.0, 297.0)
LEFT, RIGHT = 20.0, 190.0
WIDTH = RIGHT - LEFT
BOXES_END = 240.0  # the first page's boxes end here when their text fits (the paper form's look)
PAGE_END = 280.0  # text that runs on fills a page to here (its page number below)
CONTINUED_TOP = 28.0  # a continued page's first box
SIGNATURES = 24.0  # the signature lines under the last box


def render(row: education.ActivityRow, institution: str, T: Labels) -> bytes:
    """The record on one page when it fits, as the paper form; a long text (活动内容, 活动总结评价:
    up to 4,000 characters each) is never shrunk or cut: its box grows and runs on onto the next
    pages, each page numbered."""
    data, pages = _draw(row, institution, T, None)
    return data if pages == 1 else _draw(row, institution, T, pages)[0]


def _draw(row: education.ActivityRow, institution: str, T: Labels, total: int | None) -> tuple[bytes, int]:
    """The PDF and its pages; ``total``: the pages, to number each (None: one page, or not known yet)."""
    doc = Document(*A4, T("Print", "健康教育活动记录表"), T)
    page = doc.new_page()
    number = 1

    def next_page():
        nonlocal page, number
        _page_number(page, T, number, total)
        page, number = doc.new_page(), number + 1
        page.text(105, 16, T("Print", "健康教育活动记录表") + T("Print", "（续）"), 12, align="center")
        said = f"{T('Print', '活动时间：')}{T.date(row.held_on)}    {T('Print', '活动主题：')}{row.topic}"
        page.fit_text(LEFT, 23, WIDTH, said, 9.5)
        return page

    page.text(105, 24, T("Print", "健康教育活动记录表"), 18, align="center", bold=True)
    page.text(RIGHT, 32, institution, 9.5, align="right")
    top, row_h, size = 38, 11, 10.5
    # the short answers two a row; the long ones (a place, who came, the topic, the materials) a
    # row of their own; each on as many ruled lines as it needs (they shrank to 5 pt, cut with "…")
    halves = [
        (
            T("Print", "活动时间："),
            T.date(row.held_on),
            T("Print", "活动形式："),
            T.code("education_form", row.form),
        ),
        (T("Print", "组织者："), row.organiser, T("Print", "接受健康教育人数："), str(row.audience_count)),
    ]
    wholes = [
        (T("Print", "活动地点："), row.place),
        (T("Print", "接受健康教育人员类别："), row.audience_kind),
        (T("Print", "活动主题："), row.topic),
        (T("Print", "健康教育资料发放种类及数量："), row.materials),
    ]
    y = top
    half = WIDTH / 2 - 4
    for left_label, left_value, right_label, right_value in halves:
        lines = max(
            field_lines(half, left_label, left_value, size), field_lines(half, right_label, right_value, size)
        )
        page.field(LEFT + 2, y + 7.5, half, left_label, left_value, size, lines=lines)
        y = page.field(LEFT + WIDTH / 2 + 2, y + 7.5, half, right_label, right_value, size, lines=lines)
        y += row_h - 7.5
        page.line(LEFT, y, RIGHT, y, 0.4)
    for label, value in wholes:
        lines = field_lines(WIDTH - 4, label, value, size)
        y = page.field(LEFT + 2, y + 7.5, WIDTH - 4, label, value, size, lines=lines) + row_h - 7.5
        page.line(LEFT, y, RIGHT, y, 0.4)
    page.rect(Box(LEFT, top, WIDTH, y - top))
    kinds = {k: T("Education", label) for k, label in education.ATTACHMENT_KINDS.items()}
    # one file a line, its kind before its name (run together, a dozen photos' names read as one)
    archived = "\n".join(
        T("Print", "{kind}：{name}").replace("{kind}", kinds.get(k, k)).replace("{name}", name)
        for _id, k, name, _size in row.attachments
    )
    # (title, text, size, its share of the page: the content box gives the room the rows above took)
    boxes = [
        (T("Print", "活动内容："), row.content, size, max(70 - (y - top - row_h * 6), 20)),
        (T("Print", "活动总结评价："), row.evaluation, 10.5, 40),
        (T("Print", "存档材料请附后："), archived, 10, 26),
    ]
    needs = [boxed_height(text, WIDTH, s) for _title, text, s, _share in boxes]
    room = BOXES_END - y
    if sum(needs) > room:  # the boxes grow down to the signatures at the foot of the page
        room = PAGE_END - SIGNATURES - y
    if sum(needs) <= room:  # one page, as the paper form
        heights = share_heights(room, needs, [share for *_, share in boxes])
        for (title, text, s, _share), h in zip(boxes, heights, strict=True):
            page.boxed_text(Box(LEFT, y, WIDTH, h), title, text, s)
            y += h
    else:  # each box as tall as its text, running on onto the next pages
        for i, (title, text, s, share) in enumerate(boxes):
            # (the last box leaves room for the signatures: never a page of signatures alone)
            end = PAGE_END - SIGNATURES if i == len(boxes) - 1 else PAGE_END
            if not (text and text.strip()):  # ruled lines to write on by hand
                h = min(share, 26)
                if y + h > end:
                    page, y = next_page(), CONTINUED_TOP
                page.boxed_text(Box(LEFT, y, WIDTH, h), title, "", s)
                y += h
                continue
            heading, rest = title, text
            while rest is not None:
                part, rest_after = boxed_parts(rest, WIDTH, s, end - y)
                if part is not None:
                    y = page.boxed_part(LEFT, y, WIDTH, heading, part, s)
                    rest = rest_after
                    heading = _continued(title, T)
                if rest is not None:
                    page, y = next_page(), CONTINUED_TOP
    if y + SIGNATURES > PAGE_END:
        page, y = next_page(), CONTINUED_TOP
    y += 12
    page.field(LEFT, y, 80, T("Print", "填表人（签字）："), "", 10.5)
    page.field(LEFT + 95, y, WIDTH - 95, T("Print", "负责人（签字）："), "", 10.5)
    y += 10
    # 填表时间: the day the record was entered, not the activity's (a lecture recorded a week later)
    page.text(LEFT + 95, y, T("Print", "填表时间：") + T.date(row.entered_on), 10.5)
    _page_number(page, T, number, total)
    return doc.to_bytes(), number


def _continued(title: str, T: Labels) -> str:
    """A box's title on the page it runs on to: "活动内容（续）：" (its colon kept last)."""
    bare = title.rstrip("：: ")
    return bare + T("Print", "（续）") + title[len(bare) :]


def _page_number(page, T: Labels, number: int, total: int | None) -> None:
    if total and total > 1:
        text = (
            T("Print", "第 {n} 页 / 共 {total} 页").replace("{n}", str(number)).replace("{total}", str(total))
        )
        page.text(105, 290, text, 9, align="center")


def pdf(session: Session, activity_id: uuid.UUID | str, T: Labels) -> bytes:
    row = education.get_activity(session, activity_id)
    audit.record_now(session, "print", "education_activity", row.id, "education record")
    return render(row, get_profile(session).institution, T)


def write(session: Session, activity_id: str, path: str | Path, T: Labels) -> int:
    from app.services.printing import write_pdf

    data = pdf(session, activity_id, T)
    write_pdf(path, data)
    return _pages(data)


def _pages(data: bytes) -> int:
    """How many pages a PDF of ours has (for the command line's "（2 页）")."""
    from app.services.printing.engine import LOCK, close_pdf, open_pdf

    pdf = open_pdf(data)
    try:
        with LOCK:
            return len(pdf)
    finally:
        close_pdf(pdf)

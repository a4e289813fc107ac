"""健康教育活动记录表 (规范第三版 附表) on A4, filled from an activity record, with the list of the
archived materials (存档材料) attached to it."""

from __future__ import annotations

import uuid
from pathlib import Path

from sqlalchemy.orm import Session

from app.services.access import audit
from app.services.printing.layout import Box, Document, Labels, field_wraps
from app.services.profile import get_profile
from app.services.programmes import education

A4 = (210.0, 297.0)
LEFT, RIGHT = 20.0, 190.0
WIDTH = RIGHT - LEFT


def render(row: education.ActivityRow, institution: str, T: Labels) -> bytes:
    doc = Document(*A4, T("Print", "健康教育活动记录表"), T)
    page = doc.new_page()
    page.text(105, 24, T("Print", "健康教育活动记录表"), 18, align="center", bold=True)
    page.text(RIGHT, 32, institution, 9.5, align="right")
    top, row_h, size = 38, 11, 10.5
    # the short answers two a row; the long ones (a place, who came, the topic, the materials) a
    # row of their own, on two ruled lines when they need them (they shrank to 5 pt, cut with "…")
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
        wraps = field_wraps(half, left_label, left_value, size) or field_wraps(
            half, right_label, right_value, size
        )
        lines = 2 if wraps else 1
        page.field(LEFT + 2, y + 7.5, half, left_label, left_value, size, lines=lines)
        y = page.field(LEFT + WIDTH / 2 + 2, y + 7.5, half, right_label, right_value, size, lines=lines)
        y += row_h - 7.5
        page.line(LEFT, y, RIGHT, y, 0.4)
    for label, value in wholes:
        lines = 2 if field_wraps(WIDTH - 4, label, value, size) else 1
        y = page.field(LEFT + 2, y + 7.5, WIDTH - 4, label, value, size, lines=lines) + row_h - 7.5
        page.line(LEFT, y, RIGHT, y, 0.4)
    page.rect(Box(LEFT, top, WIDTH, y - top))
    content_h = 70 - (y - top - row_h * 6)  # (the page keeps its size: the content box gives the room)
    page.boxed_text(Box(LEFT, y, WIDTH, content_h), T("Print", "活动内容："), row.content, size)
    y += content_h
    page.boxed_text(Box(LEFT, y, WIDTH, 40), T("Print", "活动总结评价："), row.evaluation, 10.5)
    y += 40
    kinds = {k: T("Education", label) for k, label in education.ATTACHMENT_KINDS.items()}
    archived = T.join([f"{kinds.get(k, k)} {name}" for _id, k, name, _size in row.attachments])
    page.boxed_text(Box(LEFT, y, WIDTH, 26), T("Print", "存档材料请附后："), archived, 10)
    y += 26 + 12
    page.field(LEFT, y, 80, T("Print", "填表人（签字）："), "", 10.5)
    page.field(LEFT + 95, y, WIDTH - 95, T("Print", "负责人（签字）："), "", 10.5)
    y += 10
    page.text(LEFT + 95, y, T("Print", "填表时间：") + T.date(row.held_on), 10.5)
    return doc.to_bytes()


def pdf(session: Session, activity_id: uuid.UUID | str, T: Labels) -> bytes:
    row = education.get_activity(session, activity_id)
    audit.record_now(session, "print", "education_activity", row.id, "education record")
    return render(row, get_profile(session).institution, T)


def write(session: Session, activity_id: str, path: str | Path, T: Labels) -> int:
    from app.services.printing import write_pdf

    data = pdf(session, activity_id, T)
    write_pdf(path, data)
    return 1

"""一户一档、一患一策 on paper: a registered poor household's sheet for its folder (一户一夹) — the
household's registration, each member with their family-doctor contract and chronic-disease
management, and each patient's current plan (condition, treatment track, measures, review date)."""

from __future__ import annotations

import datetime as dt

from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, Spacer
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.i18n import QT_TRANSLATE_NOOP
from app.models import PovertyHousehold, Resident
from app.services.errors import Message, NotFound
from app.services.printing import _may_print, field_sheet
from app.services.printing.layout import (
    BLANK,
    Labels,
    grid_table,
    label_style,
    markup,
    para_style,
    register_font,
)
from app.services.programmes import contracts, poverty
from app.services.records.validators import age_on
from app.services.sync.capture import trusted_today

MEMBER_HEADERS = (
    QT_TRANSLATE_NOOP("Print", "姓名"),
    QT_TRANSLATE_NOOP("Print", "健康档案编号"),
    QT_TRANSLATE_NOOP("Print", "与户主关系"),
    QT_TRANSLATE_NOOP("Print", "性别/年龄"),
    QT_TRANSLATE_NOOP("Print", "家庭医生签约"),
    QT_TRANSLATE_NOOP("Print", "慢病管理"),
    QT_TRANSLATE_NOOP("Print", "本月随访"),
)


def household_pdf(session: Session, ref: str, T: Labels, today: dt.date | None = None) -> bytes:
    """The sheet of the household of ``ref`` (a member's archive number or id, or the household's
    id); refused for a household that is not registered poor, or that the actor may not print."""
    today = today or trusted_today(session)
    household = poverty.find_household(session, ref)
    registration = session.scalar(
        select(PovertyHousehold).where(
            PovertyHousehold.household_id == household.id,
            PovertyHousehold.voided.is_(False),
            PovertyHousehold.status != "none",
        )
    )
    if registration is None:
        raise NotFound(Message("Poverty", QT_TRANSLATE_NOOP("Poverty", "这一户不是建档立卡贫困户")))
    members = sorted(
        session.scalars(
            select(Resident).where(
                Resident.household_id == household.id, Resident.voided.is_(False), Resident.status == "1"
            )
        ),
        key=lambda r: (r.relation_to_head, r.name_pinyin),
    )
    _may_print(session, [m.id for m in members], "poverty_household")  # checked, then audited
    ids = {m.id for m in members}
    signed = contracts.signed_seen(session, members, today)  # (as the reader may see them)
    chronic = poverty.chronic_programmes(session, ids)
    month = poverty.visit_months(session, set(chronic), today.replace(day=1), today)
    plans = poverty.readable_plans(session, ids)

    register_font()
    body, words = para_style(8.5, 11), label_style(T, 8.5, 11)
    colon = ": " if T.lang == "en" else "："
    yes, no = T("Field", field_sheet.YES), T("Field", field_sheet.NO)
    head = members[0] if members else None

    def p(text: str, style=body) -> Paragraph:
        return Paragraph(markup(text), style)

    facts = [
        (T("Print", "户主"), head.name if head else ""),
        (T("Print", "家庭住址"), household.address or (head.current_address if head else "") or ""),
        (T("Print", "贫困户类型"), T.code("poverty_status", registration.status)),
        (T("Print", "致贫原因"), T.code("poverty_cause", registration.cause) if registration.cause else ""),
        (T("Print", "因病致贫"), yes if registration.by_illness else no),
        (T("Print", "因病返贫"), yes if registration.relapse_by_illness else no),
        (T("Print", "建档日期"), T.date(registration.registered_on)),
        (T("Print", "在册人数"), str(len(members))),
    ]
    fact_rows = [
        [p(a, words), p(b), p(c, words), p(d)]
        for (a, b), (c, d) in zip(facts[0::2], facts[1::2], strict=True)
    ]
    story: list = [grid_table(fact_rows, [28, 63, 28, 63], header=False), Spacer(1, 5 * mm)]

    story.append(p(T("Print", "家庭成员（一人一档）"), label_style(T, 10.5, 13)))
    story.append(Spacer(1, 2 * mm))
    rows = [[p(T("Print", h), words) for h in MEMBER_HEADERS]]
    for m in members:
        programmes = chronic.get(m.id)
        rows.append(
            [
                p(m.name),
                p(m.archive_no),
                p(T.code("relation", m.relation_to_head), words),
                p(f"{T.code('sex', m.sex)}/{age_on(m.birth_date, today)}", words),
                p(yes if m.id in signed else no, words),
                p(T.join([T.code("program", x) for x in programmes]) if programmes else "—", words),
                p((yes if month.get(m.id) else no) if programmes else "—", words),
            ]
        )
    story += [grid_table(rows, [22, 36, 22, 20, 26, 32, 24]), Spacer(1, 5 * mm)]

    story.append(p(T("Print", "一患一策"), label_style(T, 10.5, 13)))
    story.append(Spacer(1, 2 * mm))
    if not plans:
        story.append(p(T("Print", "这一户没有患者的帮扶计划。"), words))
    for m in members:
        plan = plans.get(m.id)
        if plan is None:
            continue
        lines = [
            (
                T("Print", "患者"),
                f"{m.name} ({m.archive_no})" if T.lang == "en" else f"{m.name}（{m.archive_no}）",
            ),
            (T("Print", "病种"), plan.condition),
            (T("Print", "救治方式"), T.code("poverty_track", plan.track)),
            (T("Print", "帮扶措施"), plan.measures),
            (T("Print", "制定日期"), T.date(plan.made_on)),
            (T("Print", "复核日期"), T.date(plan.review_on)),
            (T("Print", "本年免费健康体检"), T.date(plan.health_check_on) if plan.health_check_on else ""),
            # who made the plan; else the patient's own 责任医生 (a plan made by the system account)
            (T("Print", "责任医生"), plan.doctor or m.responsible_doctor or ""),
        ]
        story += [
            # a value not recorded prints as a ＿＿ line to fill in by hand, as every form's blanks
            grid_table([[p(a + colon, words), p(b or BLANK)] for a, b in lines], [36, 146], header=False),
            Spacer(1, 3 * mm),
        ]
    village = head.village.name if head and head.village else ""
    return field_sheet.render(
        T("Print", "贫困户健康帮扶档案（一户一档、一患一策）"),
        [T("Print", "村：{village}").replace("{village}", village), T("Print", "打印日期：") + T.date(today)],
        story,
        T,
    )

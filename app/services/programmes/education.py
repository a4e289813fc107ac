"""健康教育 (DOMAIN.md "Health education"): the activity record (健康教育活动记录表), its archived
materials, and the year's progress against the spec's minimum counts.

Attachments (photos, sign-in sheets, materials) are rows holding their bytes: size-limited, their
type recognised from the content (JPEG, PNG, PDF), so bundles and backups carry them as they carry
any record.
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import logging
import re
import stat
import uuid
from dataclasses import dataclass, fields, replace
from pathlib import Path
from typing import NamedTuple

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.codes import CODE_LISTS
from app.i18n import QT_TRANSLATE_NOOP, local_day
from app.models import EducationActivity, EducationAttachment, FollowupVisit, Village
from app.models.base import typed_id
from app.services.access import audit, authz
from app.services.access.actor import actor
from app.services.errors import FieldError, Message, NotFound, Translate, UserError, ValidationError
from app.services.profile import get_profile, place_names
from app.services.records import voiding
from app.services.records.validators import Invalid, clean_text, halfwidth, is_digits, parse_date
from app.services.sync.capture import trusted_today

CTX = "Education"
MAX_ATTACHMENT_BYTES = 4 * 1024 * 1024  # a phone photo; bigger files are refused
MAX_ATTACHMENTS = 12
# what an archived file (存档材料) is, and its name on screens and the printed record
ATTACHMENT_KINDS = {
    "photo": QT_TRANSLATE_NOOP("Education", "照片"),
    "signin": QT_TRANSLATE_NOOP("Education", "签到表"),
    "material": QT_TRANSLATE_NOOP("Education", "宣传材料"),
}


class Minimum(NamedTuple):
    """A minimum of the spec for one kind of activity, per institution type ("township", "village")."""

    forms: tuple[str, ...]  # the activity forms (education_form) counted
    # "activities": one per record; "kinds": the distinct kinds of material (:func:`material_kinds`)
    counts: str
    per_year: dict[str, int]  # at least this many a year
    # at least one in each period of this many months (Jan–Feb, Mar–Apr, … for 2): a year's count
    # held all in January does not meet it; none: the year's total is what counts
    every_months: dict[str, int]


# 规范第三版 健康教育: the minimums per institution type, as we recall them (keep as data).
# "kinds": the distinct kinds of material of the year's records, per institution (:func:`material_kinds`):
# the same leaflet given out twice is one kind.
MINIMUMS: dict[str, Minimum] = {
    # 讲座: 乡镇每月1次, 村每2月1次
    "lectures": Minimum(("5",), "activities", {"township": 12, "village": 6}, {"township": 1, "village": 2}),
    # 公众健康咨询: 乡镇≥9次
    "consultations": Minimum(("4",), "activities", {"township": 9, "village": 0}, {}),
    # 宣传栏: 乡镇2个、村1个, 每2月更换 (12 and 6 changes a year).  A record does not say which
    # board it changed: progress checks a change in every 2 months, not the number of boards
    "boards": Minimum(("3",), "activities", {"township": 12, "village": 6}, {"township": 2, "village": 2}),
    "materials": Minimum(("1",), "kinds", {"township": 12, "village": 12}, {}),  # 印刷资料 ≥12种
    "audiovisual": Minimum(("2",), "kinds", {"township": 6, "village": 6}, {}),  # 音像资料 ≥6种
}

PROGRESS_LABELS = {
    "lectures": QT_TRANSLATE_NOOP("Education", "健康知识讲座"),
    "consultations": QT_TRANSLATE_NOOP("Education", "公众健康咨询"),
    "boards": QT_TRANSLATE_NOOP("Education", "宣传栏更换"),
    "materials": QT_TRANSLATE_NOOP("Education", "印刷资料种类"),
    "audiovisual": QT_TRANSLATE_NOOP("Education", "音像资料种类"),
    "individual": QT_TRANSLATE_NOOP("Education", "个体化健康教育"),
}


def _err(template: str, **params) -> UserError:
    return UserError(Message(CTX, template, params))


def institution_type(code: str) -> str:
    return "village" if len(code) == 12 else "township"


def sniff(data: bytes) -> str | None:
    """The media type recognised from the first bytes, or None for anything else."""
    if data[:3] == b"\xff\xd8\xff":
        return "image/jpeg"
    if data[:8] == b"\x89PNG\r\n\x1a\n":
        return "image/png"
    if data[:5] == b"%PDF-":
        return "application/pdf"  # (one that runs code or carries files: refused, pdf_problem)
    return None


# (/OpenAction is read in the objects, pdf_problem: a document opened at its first page, as LaTeX
# writes them, is no script)
ACTIVE_PDF = (b"/JavaScript", b"/JS", b"/Launch", b"/EmbeddedFile", b"/AA")
# each a whole name: it ends where a name does (white space, a delimiter), so /AAAAAA+SimSun, a
# font's subset name, is no /AA (found by an attacker: a leaflet in such a font was refused)
_ACTIVE_NAME = re.compile(
    rb"(?:" + rb"|".join(re.escape(n) for n in ACTIVE_PDF) + rb")(?=[\s()<>\[\]{}/%]|$)"
)
_STREAM = re.compile(rb"stream\r?\n(.*?)endstream", re.S)
_ESCAPED = re.compile(rb"#([0-9A-Fa-f]{2})")  # a name's character written #xx: /J#53 is /JS
OBJECT_STREAM_BYTES = 64 << 20  # an object stream unpacked no larger (a zip bomb is active enough)


def _active_pdf(data: bytes) -> bool:
    """Whether a PDF names what runs code or carries files (:data:`ACTIVE_PDF`) in its objects:
    their dictionaries, written out or packed into object streams, names unescaped.  The bytes of
    a compressed stream (a page's drawing, a picture) are no names: they held "/JS" by chance and
    a legitimate sign-in sheet was refused (found by an attacker).  Only a stream that really is
    compressed (it unpacks whole) is passed over: text posing as one is read as names."""
    import zlib

    def named(text: bytes) -> bool:
        return _ACTIVE_NAME.search(_ESCAPED.sub(lambda m: bytes([int(m.group(1), 16)]), text)) is not None

    def unpacked(raw: bytes) -> bytes | None:
        unpack = zlib.decompressobj()
        try:
            out = unpack.decompress(raw, OBJECT_STREAM_BYTES)
        except zlib.error:
            return None
        whole = unpack.eof and not unpack.unconsumed_tail and not unpack.unused_data.strip()
        return out if whole else None

    kept, start = [], 0
    for m in _STREAM.finditer(data):
        head = data[max(0, data.rfind(b"obj", 0, m.start())) : m.start()]
        objects = unpacked(m.group(1).rstrip(b"\r\n")) if b"/FlateDecode" in head else None
        if objects is None:
            continue  # (read as it is, with the names around it)
        if b"/ObjStm" in _ESCAPED.sub(lambda x: bytes([int(x.group(1), 16)]), head) and named(objects):
            return True
        kept.append(data[start : m.start(1)])
        start = m.end(1)
    kept.append(data[start:])
    return named(b"".join(kept))


# What a PDF's objects may not hold, as keys or as values (/S /JavaScript): what runs code, opens
# something else or carries files when the PDF is opened; its scripted forms (/XFA) and media too.
ACTIVE_PDF_NAMES = frozenset(
    {n.decode() for n in ACTIVE_PDF} | {"/EmbeddedFiles", "/RichMedia", "/XFA", "/ImportData", "/SubmitForm"}
)


def _opens_quietly(action) -> bool:
    """Whether a document's /OpenAction only shows a page: a destination, or a /GoTo to one."""
    from pypdf.generic import ArrayObject, DictionaryObject

    action = action.get_object()
    if isinstance(action, ArrayObject):
        return True
    return isinstance(action, DictionaryObject) and action.get("/S") == "/GoTo" and "/Next" not in action


PDF_DRAWING_BYTES = 64 << 20  # a page's drawing (or a form's) unpacks to no more, all of them to
PDF_DRAWINGS_BYTES = 128 << 20  # no more than this: a 3.6 MB file drew 3.5 GB, 4.8 GB of memory to view
# a picture in a PDF: a scan of an A3 sheet at 1200 dpi has some 250 megapixels (fax-compressed,
# black and white, it fits the size limit); a photo's limit (MAX_PICTURE_PIXELS) would refuse it
PDF_PICTURE_PIXELS = 250_000_000


def pdf_problem(data: bytes) -> str | None:
    """Why a PDF may not be archived, or None: ``active`` (it names what runs code or carries files,
    :data:`ACTIVE_PDF_NAMES`), ``too_big`` (a drawing unpacks past :data:`PDF_DRAWING_BYTES`, or a
    picture has more than :data:`PDF_PICTURE_PIXELS`), ``unreadable`` (its objects cannot be read).

    Its objects are read as a PDF reader reads them (pypdf): every object the document reaches,
    packed into object streams or not, whatever the filters (found by an attacker: an object
    stream of ASCIIHex, or whose dictionary held the name /obj, hid a document's script from the
    byte scan, :func:`_active_pdf`, which still looks at the bytes as they stand)."""
    if _active_pdf(data):
        return "active"
    import io

    from pypdf import PdfReader
    from pypdf.errors import LimitReachedError
    from pypdf.generic import ArrayObject, DictionaryObject, IndirectObject, NameObject, StreamObject

    logging.getLogger("pypdf").setLevel(logging.ERROR)  # (its notes on a damaged file: not the user's)
    drawn = 0
    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted and not reader.decrypt(""):
            return "unreadable"  # (a user password: refused as the viewer would need it)
        seen: set[tuple[int, int]] = set()
        # what the document reaches, and every object the file holds besides: pdfium takes a
        # reference by its number alone, and "5 1 R" is its object 5 where pypdf finds no
        # generation 1 and reads nothing (found by an attacker: a script so referenced, packed in an
        # object stream, was archived)
        stack: list = [reader.trailer]
        stack.extend(IndirectObject(num, gen, reader) for gen, nums in reader.xref.items() for num in nums)
        stack.extend(IndirectObject(num, 0, reader) for num in reader.xref_objStm)
        while stack:
            item = stack.pop()
            if isinstance(item, IndirectObject):
                if (item.idnum, item.generation) in seen:
                    continue
                seen.add((item.idnum, item.generation))
                item = item.get_object()
            if isinstance(item, NameObject):
                if item in ACTIVE_PDF_NAMES:
                    return "active"
            elif isinstance(item, ArrayObject):
                stack.extend(item)
            elif isinstance(item, DictionaryObject):  # (a stream's dictionary too)
                if not ACTIVE_PDF_NAMES.isdisjoint(item.keys()):
                    return "active"
                if "/OpenAction" in item and not _opens_quietly(item["/OpenAction"]):
                    return "active"
                stack.extend(v for k, v in item.items() if k != "/Parent")
                if isinstance(item, StreamObject):
                    subtype = item.get("/Subtype")
                    if subtype == "/Image":
                        width, height = item.get("/Width", 0), item.get("/Height", 0)
                        if not isinstance(width, int) or not isinstance(height, int):
                            return "unreadable"
                        if width * height > PDF_PICTURE_PIXELS:
                            return "too_big"
                    elif item.get("/Type") != "/XRef":  # a drawing, a font, packed objects
                        size = len(item.get_data())
                        drawn += size
                        if size > PDF_DRAWING_BYTES or drawn > PDF_DRAWINGS_BYTES:
                            return "too_big"
    except LimitReachedError:
        return "too_big"
    except Exception:  # noqa: BLE001 - any fault of a reader on a file crafted against it: unreadable
        return "unreadable"
    return None


def synced_attachment_problem(values: dict, _made: bool = False, _stored: dict | None = None) -> str | None:
    """Why an attachment arriving in a bundle must not be stored (the checks :func:`attach` makes,
    made again on the bytes received), or None.  Only a change carrying the bytes is checked,
    whether it made its row or not."""
    if "data_b64" not in values:
        return None
    try:
        data = base64.b64decode(values["data_b64"] or "", validate=True)
    except (ValueError, TypeError):
        return "data_b64"
    if not data or len(data) > MAX_ATTACHMENT_BYTES or values.get("size") != len(data):
        return "size"
    if sniff(data) is None or values.get("media_type") != sniff(data):
        return "media_type"
    if values.get("sha256") != hashlib.sha256(data).hexdigest():
        return "sha256"
    try:  # the bytes as attach() reads them: a picture decodes whole, a PDF opens
        _require_readable(data, values["media_type"], "")
    except UserError:
        return "data_b64"
    return None


@dataclass
class ActivityInput:
    held_on: str | dt.date = ""
    place: str = ""
    form: str = ""
    topic: str = ""
    organiser: str = ""
    audience_kind: str = ""
    audience_count: str | int = ""
    materials: str = ""
    material_kinds: str | int = ""
    content: str = ""
    evaluation: str = ""


@dataclass(frozen=True)
class ActivityRow:
    id: uuid.UUID
    scope_code: str
    held_on: dt.date
    place: str
    form: str
    topic: str
    organiser: str
    audience_kind: str
    audience_count: int
    materials: str
    material_kinds: int
    content: str
    evaluation: str
    attachments: tuple[tuple[str, str, str, int], ...]  # (id, kind, filename, size)
    institution: str = ""  # the village's or township's name (scope_code): whose activity it was
    entered_on: dt.date | None = None  # the day it was recorded here (local): the form's 填表时间

    def as_json(self) -> dict:
        return {
            "id": str(self.id),
            "institution": self.scope_code,
            "institution_name": self.institution,
            "date": self.held_on.isoformat(),
            "place": self.place,
            "form": self.form,
            "form_label": CODE_LISTS["education_form"].label(self.form),
            "topic": self.topic,
            "organiser": self.organiser,
            "audience_kind": self.audience_kind,
            "audience": self.audience_count,
            "materials": self.materials,
            "material_kinds": self.material_kinds,
            "content": self.content,
            "evaluation": self.evaluation,
            "attachments": [
                {"id": i, "kind": k, "filename": f, "size": s} for i, k, f, s in self.attachments
            ],
        }


ACTIVITIES = QT_TRANSLATE_NOOP("Education", "健康教育活动")  # what a refusal to write them names


def _require_write(session: Session, code: str) -> None:
    what = Message("Education", ACTIVITIES)
    if institution_type(code) == "village":
        authz.require(session, "write", village=code, what=what)
        return
    who = actor(session)
    if not (who.is_system or who.role in ("township_staff", "admin")):
        authz.require(session, "write", village=None, what=what)  # refuses and audits


# 接受健康教育人数 one activity can have had, by its form: (fewest, most).  The spec sets none (the
# sign-in sheet counts them); an activity of 100,000 people was taken.  个体化健康教育 is one to
# one: a patient, with the family at most a handful.  A lecture or a consultation is as many as a
# hall or a village square holds.
AUDIENCE_LIMITS = {"6": (1, 5), "4": (1, 2000), "5": (1, 2000)}
AUDIENCE_MAX = 10_000  # leaflets, films, a board (1, 2, 3): reach more, and may go uncounted (0)
MATERIAL_FORMS = ("1", "2")  # 发放印刷资料, 播放音像资料: at least one kind of material


def _count(text: str | int, label: str, *, default: int | None = None, maximum: int = AUDIENCE_MAX) -> int:
    value = halfwidth(str(text)).strip()
    if not value and default is not None:
        return default
    if not is_digits(value) or int(value) > maximum:
        raise _err(QT_TRANSLATE_NOOP("Education", "{label}应为0到{max}的整数"), label=label, max=maximum)
    return int(value)


def _audience_problem(form: str, audience: int) -> Message | None:
    """Why ``audience`` people is not what an activity of ``form`` had (:data:`AUDIENCE_LIMITS`)."""
    fewest, most = AUDIENCE_LIMITS.get(form, (0, AUDIENCE_MAX))
    if form == "6" and not fewest <= audience <= most:
        template = QT_TRANSLATE_NOOP(
            "Education", "个体化健康教育是一对一的教育：接受健康教育人数应为1到{max}人"
        )
        return Message(CTX, template, {"max": most})
    if audience < fewest:
        return Message(CTX, QT_TRANSLATE_NOOP("Education", "讲座和咨询活动请填写接受健康教育人数"))
    if audience > most:
        template = QT_TRANSLATE_NOOP(
            "Education", "讲座和咨询活动的接受健康教育人数最多{max}人：请按签到表核对"
        )
        return Message(CTX, template, {"max": most})
    return None


def _checked(session: Session, inp: ActivityInput) -> dict:
    """The activity's columns from what was typed, each checked; every problem of the form at once
    (ValidationError), each under its field.  The one set of checks of a new activity and of a
    corrected one."""
    today = trusted_today(session)
    errors: list[FieldError] = []

    def fail(key: str, message: Message) -> None:
        errors.append(FieldError(key, message))

    def attempt(key: str, check, *args):
        try:
            return check(*args)
        except Invalid as e:
            fail(key, e.message)
        except UserError as e:
            fail(key, e.message)
        return None

    held_on = (
        inp.held_on
        if isinstance(inp.held_on, dt.date)
        else attempt("held_on", parse_date, inp.held_on, QT_TRANSLATE_NOOP("Field", "活动时间"))
    )
    text = {
        key: attempt(key, clean_text, getattr(inp, key), size, label) or ""
        for key, size, label in (
            ("place", 100, QT_TRANSLATE_NOOP("Field", "活动地点")),
            ("topic", 100, QT_TRANSLATE_NOOP("Field", "活动主题")),
            ("organiser", 100, QT_TRANSLATE_NOOP("Field", "组织者")),
            ("audience_kind", 100, QT_TRANSLATE_NOOP("Field", "接受健康教育人员类别")),
            ("materials", 500, QT_TRANSLATE_NOOP("Field", "资料发放种类及数量")),
            ("content", 4000, QT_TRANSLATE_NOOP("Field", "活动内容")),
            ("evaluation", 4000, QT_TRANSLATE_NOOP("Field", "活动总结评价")),
        )
    }
    if held_on is None and not errors:
        fail("held_on", Message(CTX, QT_TRANSLATE_NOOP("Education", "请填写活动时间")))
    elif held_on is not None and held_on > today:
        fail("held_on", Message(CTX, QT_TRANSLATE_NOOP("Education", "活动时间不能晚于今天")))
    form = halfwidth(str(inp.form)).strip()
    if form not in CODE_LISTS["education_form"]:
        fail(
            "form",
            Message(
                CTX,
                QT_TRANSLATE_NOOP(
                    "Education",
                    "活动形式应为1到6：1发放印刷资料 2播放音像资料 3宣传栏 4公众健康咨询活动 5健康知识讲座 6个体化健康教育",
                ),
            ),
        )
    if not text["topic"] and "topic" not in {e.field for e in errors}:
        fail("topic", Message(CTX, QT_TRANSLATE_NOOP("Education", "请填写活动主题")))
    if not text["place"] and "place" not in {e.field for e in errors}:
        fail("place", Message(CTX, QT_TRANSLATE_NOOP("Education", "请填写活动地点")))
    audience = attempt(
        "audience_count", _count, inp.audience_count, QT_TRANSLATE_NOOP("Field", "接受健康教育人数")
    )
    if audience is not None and (problem := _audience_problem(form, audience)) is not None:
        fail("audience_count", problem)
    kinds = attempt(
        "material_kinds",
        lambda: _count(
            inp.material_kinds,
            QT_TRANSLATE_NOOP("Field", "资料种类数"),
            default=1 if form in MATERIAL_FORMS else 0,
            maximum=100,
        ),
    )
    if kinds == 0 and form in MATERIAL_FORMS:  # (a leaflet handed out is one kind at least)
        fail(
            "material_kinds",
            Message(
                CTX, QT_TRANSLATE_NOOP("Education", "发放印刷资料、播放音像资料至少1种：请填写资料种类数")
            ),
        )
    if errors:
        raise ValidationError(errors)
    return {"held_on": held_on, "form": form, "audience_count": audience, "material_kinds": kinds, **text}


def add_activity(
    session: Session, inp: ActivityInput, attachments: list[tuple[str, bytes, str]] | None = None
) -> EducationActivity:
    """Record one activity of this institution; ``attachments``: (file name, bytes, kind)."""
    code = get_profile(session).code
    _require_write(session, code)
    activity = EducationActivity(scope_code=code, **_checked(session, inp))
    session.add(activity)
    session.flush()
    for filename, data, kind in attachments or []:
        attach(session, activity, filename, data, kind)
    return activity


def _own_activity(session: Session, activity_id: uuid.UUID | str) -> EducationActivity:
    """The live activity to correct or void, for one who may write it: NotFound when it is not
    one the actor may see, or is voided already (saying why); refused when it is another
    institution's than this device keeps (a village PC holds its township's as they synced: changed
    here, the township would refuse the whole bundle)."""
    rid = typed_id(activity_id)
    found = session.get(EducationActivity, rid) if rid else None
    if found is not None and found.voided and _seen(session, found):
        raise NotFound(
            Message(
                CTX,
                QT_TRANSLATE_NOOP("Education", "这次健康教育活动已作废（{reason}）"),
                {"reason": Said(found.void_reason or "")},
            )
        )
    activity = _visible(
        session, EducationActivity, activity_id, QT_TRANSLATE_NOOP("Education", "找不到这次健康教育活动")
    )
    me = get_profile(session).code
    if activity.scope_code != me and not activity.scope_code.startswith(me):
        raise _err(
            QT_TRANSLATE_NOOP("Education", "这是{institution}的健康教育活动，只能由该单位修改或作废"),
            institution=Said(place_names(session).get(activity.scope_code, activity.scope_code)),
        )
    _require_write(session, activity.scope_code)
    return activity


def input_of(activity: EducationActivity | ActivityRow) -> ActivityInput:
    """An activity's values as its form holds them: what a correction starts from."""
    values = {f.name: getattr(activity, f.name) for f in fields(ActivityInput)}
    return ActivityInput(**{k: "" if v is None else v for k, v in values.items()})


# why an archived file removed in a correction is voided (kept with the record, as any void)
REMOVED_REASON = "修改活动记录时移除"


def edit_activity(
    session: Session,
    activity_id: uuid.UUID | str,
    inp: ActivityInput | dict,
    attachments: list[tuple[str, bytes, str]] | None = None,
    remove: list[str | uuid.UUID] | tuple = (),
) -> EducationActivity:
    """The user action "修改一次活动": an activity recorded with a mistake, its fields saved anew
    through the checks of a new one (:func:`_checked`); who changed it and when come from the unit
    of work, as for any change.  ``inp``: the whole form, or (the command line's) only the fields
    changed; ``attachments``: files archived with it besides those it has; ``remove``: archived
    files (each by its id, or its file name when no other of the activity has it) taken off it:
    voided, never deleted, audited as any void, and no longer listed, shown or printed."""
    activity = _own_activity(session, activity_id)
    removed = [_attachment_of(session, activity, ref) for ref in remove]  # (all found before any change)
    if isinstance(inp, dict):
        inp = replace(input_of(activity), **inp)
    for key, value in _checked(session, inp).items():
        setattr(activity, key, value)
    for row in removed:
        row.voided, row.void_reason = True, REMOVED_REASON
    session.flush()
    for filename, data, kind in attachments or []:
        attach(session, activity, filename, data, kind)
    return activity


def _live_attachments(session: Session, activity: EducationActivity) -> list[EducationAttachment]:
    """The files archived with ``activity`` and not voided (read, not its relationship: one attached
    in this unit of work is in it only once reloaded)."""
    return list(
        session.scalars(
            select(EducationAttachment).where(
                EducationAttachment.activity_id == activity.id, EducationAttachment.voided.is_(False)
            )
        )
    )


def _attachment_of(
    session: Session, activity: EducationActivity, ref: str | uuid.UUID
) -> EducationAttachment:
    """The live archived file of ``activity`` that ``ref`` names: its id, or its file name."""
    live = _live_attachments(session, activity)
    rid = typed_id(ref)
    found = [a for a in live if a.id == rid] if rid else []
    if not found:
        name = str(ref).strip()
        found = [a for a in live if a.filename == name]
    if len(found) > 1:
        raise _err(
            QT_TRANSLATE_NOOP(
                "Education", "这次活动有 {n} 个名为“{name}”的存档材料：请用附件 ID 指明要移除哪一个"
            ),
            n=len(found),
            name=str(ref),
        )
    if not found:
        raise NotFound(
            Message(CTX, QT_TRANSLATE_NOOP("Education", "这次活动没有存档材料“{name}”"), {"name": str(ref)})
        )
    return found[0]


def void_activity(session: Session, activity_id: uuid.UUID | str, reason: str) -> EducationActivity:
    """The user action "作废一次活动": one recorded by mistake (held by no one, entered twice),
    voided with the reason, never deleted (:mod:`voiding`); it leaves the lists and the year's counts.
    Its archived files are voided with it, for the same reason: each void audited and synced, as
    the activity's (a file of an activity that was never held is no archive of it)."""
    activity = _own_activity(session, activity_id)
    activity.voided, activity.void_reason = True, voiding.reason_of(reason)
    for row in _live_attachments(session, activity):
        row.voided, row.void_reason = True, activity.void_reason
    session.flush()
    return activity


def attach(
    session: Session, activity: EducationActivity | uuid.UUID, filename: str, data: bytes, kind: str = "photo"
) -> EducationAttachment:
    """Archive a photo, sign-in sheet or material with the activity (存档材料): a JPEG or PNG that
    decodes, or a PDF that opens and runs nothing; a PDF given as a photo is archived as 宣传材料."""
    if not isinstance(activity, EducationActivity):
        found = session.get(EducationActivity, activity)
        if found is None or found.voided:
            raise NotFound(Message(CTX, QT_TRANSLATE_NOOP("Education", "找不到这次健康教育活动")))
        activity = found
    _require_write(session, activity.scope_code)
    if kind not in ATTACHMENT_KINDS:
        raise ValueError(kind)
    # its name as shown on screens and in lists: no control characters (a terminal's escapes, a
    # line break), no leading sign a spreadsheet reads as a formula
    name = (
        audit.CONTROL.sub("", Path(filename.replace("\\", "/")).name).strip().lstrip("=+-@")[:200] or "file"
    )
    if not data:
        raise _err(QT_TRANSLATE_NOOP("Education", "附件“{name}”是空文件"), name=name)
    if len(data) > MAX_ATTACHMENT_BYTES:
        raise _too_big(name, len(data))
    media = sniff(data)
    if media is None:
        raise _err(QT_TRANSLATE_NOOP("Education", "附件“{name}”不是 JPEG、PNG 图片或 PDF 文件"), name=name)
    _require_readable(data, media, name)
    if (
        media == "application/pdf" and kind == "photo"
    ):  # a leaflet or a scan given with the photos (--attach takes both): no photo
        kind = "material"
    held = session.scalar(
        select(func.count())
        .select_from(EducationAttachment)
        .where(EducationAttachment.activity_id == activity.id, EducationAttachment.voided.is_(False))
    )
    if held >= MAX_ATTACHMENTS:
        raise _err(QT_TRANSLATE_NOOP("Education", "每次活动最多 {max} 个附件"), max=MAX_ATTACHMENTS)
    row = EducationAttachment(
        activity_id=activity.id,
        scope_code=activity.scope_code,
        kind=kind,
        filename=name,
        media_type=media,
        size=len(data),
        sha256=hashlib.sha256(data).hexdigest(),
        data_b64=base64.b64encode(data).decode("ascii"),
    )
    session.add(row)
    session.flush()
    return row


def _require_readable(data: bytes, media: str, name: str) -> None:
    """Refuse a file of ``media`` (as :func:`sniff` read it) no one could look at once archived: a
    PDF that does not open without a password, a picture that does not decode whole."""
    if media == "application/pdf":
        problem = "unreadable" if not _opens(data) else pdf_problem(data)
        if problem == "unreadable":
            raise _err(
                QT_TRANSLATE_NOOP(
                    "Education",
                    "附件“{name}”是设了密码或已损坏的 PDF，存档后谁也看不了：请存档不设密码的文件",
                ),
                name=name,
            )
        if problem == "active":
            raise _err(
                QT_TRANSLATE_NOOP(
                    "Education",
                    "附件“{name}”是含有脚本、内嵌文件或自动操作的 PDF，不能存档：请存档普通的扫描件或资料",
                ),
                name=name,
            )
        if problem == "too_big":
            raise _err(
                QT_TRANSLATE_NOOP(
                    "Education", "附件“{name}”的 PDF 内容解开后太大，打开它会耗尽电脑的内存，不能存档"
                ),
                name=name,
            )
    else:
        _require_picture(data, name)


MAX_PICTURE_PIXELS = 64_000_000  # a 48-megapixel phone photo, and then some; larger is not decoded
# What the viewer (Qt's image reader) decodes a picture into at most: 4 bytes a pixel, 8 for a PNG of
# 16 bits a channel (a 64-megapixel one was taken, then shown as damaged: past Qt's 256 MB)
VIEWER_BYTES = 256 << 20


def _require_picture(data: bytes, name: str) -> None:
    """Refuse a JPEG or PNG (so its first bytes say) that is no picture anyone can look at: its
    image data does not decode whole (a text file behind a PNG's first bytes, a photo cut short in
    copying off a phone), or it is too large to decode.  Read with Pillow (reportlab's own
    dependency): a JPEG decoded at an eighth of its size, which still reads all of its data."""
    import io
    import struct
    import warnings
    import zlib

    from PIL import Image

    too_big = _err(
        QT_TRANSLATE_NOOP("Education", "附件“{name}”的图片尺寸太大，无法存档：请存档手机常规画质的照片"),
        name=name,
    )
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)  # (refused below)
            picture = Image.open(io.BytesIO(data), formats=("JPEG", "PNG"))
        with picture:
            width, height = picture.size
            deep = data[:8] == b"\x89PNG\r\n\x1a\n" and data[24:25] == b"\x10"  # (IHDR's bit depth)
            if width * height > MAX_PICTURE_PIXELS or width * height * (8 if deep else 4) > VIEWER_BYTES:
                raise too_big
            picture.draft("RGB", (max(1, width // 8), max(1, height // 8)))  # (a PNG: no effect)
            picture.load()
    except Image.DecompressionBombError:
        raise too_big from None
    except (OSError, SyntaxError, ValueError, EOFError, struct.error, zlib.error):
        raise _err(
            QT_TRANSLATE_NOOP(
                "Education", "附件“{name}”不是完好的图片：读不出图像（文件已损坏，或只是改了扩展名）"
            ),
            name=name,
        ) from None


def _opens(pdf: bytes) -> bool:
    """Whether a PDF opens without a password (pdfium: what the viewer shows it with)."""
    import pypdfium2 as pdfium

    from app.services.printing.engine import close_pdf, open_pdf

    try:
        close_pdf(open_pdf(pdf))
    except pdfium.PdfiumError:
        return False
    return True


def _too_big(name: str, size: int) -> UserError:
    return _err(
        QT_TRANSLATE_NOOP("Education", "附件“{name}”太大（{size} MB），最大 {max} MB"),
        name=name,
        size=f"{size / 1048576:.1f}",
        max=MAX_ATTACHMENT_BYTES // 1048576,
    )


def read_files(paths: list[str], kind: str = "photo") -> list[tuple[str, bytes, str]]:
    """Files named on the command line or picked in a dialog, read and checked before anything is saved."""
    out = []
    for p in paths:
        path = Path(p)
        try:
            found = path.stat()
            if not stat.S_ISREG(found.st_mode):  # a device or a pipe: /dev/zero never ends
                raise _err(QT_TRANSLATE_NOOP("Education", "读不了附件：{name}"), name=str(path))
            if found.st_size > MAX_ATTACHMENT_BYTES:
                raise _too_big(path.name, found.st_size)
            with path.open("rb") as f:  # no more than the limit, whatever the file grew to meanwhile
                data = f.read(MAX_ATTACHMENT_BYTES + 1)
            if len(data) > MAX_ATTACHMENT_BYTES:
                raise _too_big(path.name, len(data))
        except OSError:
            raise _err(QT_TRANSLATE_NOOP("Education", "读不了附件：{name}"), name=str(path)) from None
        if sniff(data) is None:
            raise _err(
                QT_TRANSLATE_NOOP("Education", "附件“{name}”不是 JPEG、PNG 图片或 PDF 文件"), name=path.name
            )
        out.append((path.name, data, kind))
    return out


def _seen(session: Session, row) -> bool:
    """Whether the actor may see ``row``'s institution's activities."""
    codes = _visible_codes(session)
    return codes is None or row.scope_code in codes


def _visible(session: Session, model, ref: uuid.UUID | str, missing: str):
    """The live row of ``model`` (an activity, an attachment) by id, as the command line or a list
    gives it, if the actor may see its institution's; else NotFound saying ``missing``."""
    rid = typed_id(ref)
    row = session.get(model, rid) if rid else None
    codes = _visible_codes(session)
    if row is None or row.voided or (codes is not None and row.scope_code not in codes):
        raise NotFound(Message(CTX, missing))
    return row


def attachment_bytes(session: Session, attachment_id: uuid.UUID | str) -> tuple[EducationAttachment, bytes]:
    """An archived file as it was attached, for one who may see its activity (:func:`get_activity`)."""
    row = _visible(session, EducationAttachment, attachment_id, QT_TRANSLATE_NOOP("Education", "找不到附件"))
    if row.activity.voided:  # (voided before its files were voided with it: no archive of anything)
        raise NotFound(Message(CTX, QT_TRANSLATE_NOOP("Education", "找不到附件")))
    data = base64.b64decode(row.data_b64)
    if hashlib.sha256(data).hexdigest() != row.sha256:
        raise _err(QT_TRANSLATE_NOOP("Education", "附件“{name}”已损坏"), name=row.filename)
    return row, data


# ------------------------------------------------------------------------------- lists


def _visible_codes(session: Session) -> set[str] | None:
    """Institution codes whose activities the actor may see (None: all held)."""
    villages = authz.visible_villages(session)
    if villages is None:
        return None
    return set(villages)


def list_activities(session: Session, year: int | None = None) -> list[ActivityRow]:
    q = select(EducationActivity).where(EducationActivity.voided.is_(False))
    if year is not None:
        q = q.where(
            EducationActivity.held_on >= dt.date(year, 1, 1),
            EducationActivity.held_on <= dt.date(year, 12, 31),
        )
    codes = _visible_codes(session)
    if codes is not None:
        q = q.where(EducationActivity.scope_code.in_(codes))
    names = place_names(session)
    out = []
    for a in session.scalars(
        q.order_by(EducationActivity.held_on.desc(), EducationActivity.created_at.desc())
    ):
        out.append(
            ActivityRow(
                a.id,
                a.scope_code,
                a.held_on,
                a.place,
                a.form,
                a.topic,
                a.organiser or "",
                a.audience_kind or "",
                a.audience_count,
                a.materials or "",
                a.material_kinds,
                a.content or "",
                a.evaluation or "",
                tuple((str(x.id), x.kind, x.filename, x.size) for x in a.attachments if not x.voided),
                names.get(a.scope_code, a.scope_code),
                local_day(a.created_at),
            )
        )
    return out


def get_activity(session: Session, activity_id: uuid.UUID | str) -> ActivityRow:
    a = _visible(
        session, EducationActivity, activity_id, QT_TRANSLATE_NOOP("Education", "找不到这次健康教育活动")
    )
    return next(r for r in list_activities(session, a.held_on.year) if r.id == a.id)


# ------------------------------------------------------------------------------- progress


def institutions(session: Session, village_ids=None) -> list[str]:
    """Codes of the institutions whose minimums apply: the villages in scope, and the township
    itself when this store is the township's (a county's: each township) and the scope is the
    whole store."""
    q = select(Village.code)
    if village_ids is not None:
        q = q.where(Village.id.in_(village_ids))
    codes = list(session.scalars(q))
    me = get_profile(session).code
    if institution_type(me) == "village":
        return [me] if village_ids is None or me in codes else codes
    if village_ids is None:
        if len(me) == 6:  # a county: the townships it holds, each with its own minimums
            from app.models import Township

            codes += sorted(session.scalars(select(Township.code)))
        else:
            codes.append(me)
    return codes


def minimum(key: str, codes: list[str]) -> int:
    """The yearly count ``key`` needs of the institutions ``codes``, together (the indicator report's
    denominator; each is checked against its own: :func:`falls_short`)."""
    return sum(MINIMUMS[key].per_year.get(institution_type(c), 0) for c in codes)


def falls_short(done: int | None, need: int | None) -> bool:
    """Whether one institution's count falls short of what it needs (nothing needed: it cannot).
    The rule of every sum over institutions, the indicator report's and :func:`progress`'s: each
    is held to its own minimum, and one's surplus does not make up another's shortfall."""
    return bool(need) and done is not None and done < need


_KIND_SEPARATORS = re.compile(r"[；;、,，/\n]+")
_QUANTITY = re.compile(r"\s*[×xX*]?\s*[0-9]+(?:\.[0-9]+)?\s*(?:份|本|张|册|套|个|盒|盘|部|页|期)?\s*$")
_KINDS = uuid.UUID("6b1d3c52-58a4-4f0e-9d5e-0c2f6c1f7a11")  # namespace of the kinds' ids


@dataclass(frozen=True)
class MaterialKind:
    id: uuid.UUID  # the same for the same kind named in another record of the institution
    name: str


def material_kinds(a: EducationActivity) -> list[MaterialKind]:
    """The kinds of material a record gave out: those its 资料发放种类及数量 names (quantities
    left out: "高血压手册 30份；控盐折页 20份" is two kinds), and for kinds it counts (资料种类数)
    but does not name, one kind each of this record alone."""
    named: dict[str, str] = {}
    for part in _KIND_SEPARATORS.split(halfwidth(a.materials or "")):
        name = _QUANTITY.sub("", part).strip()
        if name:
            named.setdefault("".join(name.split()), name)
    out = [MaterialKind(uuid.uuid5(_KINDS, f"{a.scope_code}\n{key}"), name) for key, name in named.items()]
    unnamed = max((a.material_kinds or 0) - len(named), 0 if named else 1)
    out += [MaterialKind(uuid.uuid5(_KINDS, f"{a.id}\n{i}"), a.topic) for i in range(unnamed)]
    return out


def done(activities: list[EducationActivity], key: str) -> int:
    """What ``activities`` count toward the minimum ``key``: records, or distinct kinds."""
    forms, what = MINIMUMS[key].forms, MINIMUMS[key].counts
    chosen = [a for a in activities if a.form in forms]
    if what == "kinds":
        return len({kind.id for a in chosen for kind in material_kinds(a)})
    return len(chosen)


Months = tuple[int, int]  # a period of a year, by its first and last month: (3, 4) is Mar–Apr


def periods(every_months: int) -> list[Months]:
    """The periods of a year in which one activity is due: (1, 1) … (12, 12), or (1, 2) … (11, 12)."""
    return [(m, m + every_months - 1) for m in range(1, 13, every_months)]


def period_of(month: int, every_months: int) -> Months:
    """The period of :func:`periods` that ``month`` falls in: 3 in (3, 4) for every 2 months."""
    first = (month - 1) // every_months * every_months + 1
    return first, first + every_months - 1


def _ended(year: int, months: Months, today: dt.date) -> bool:
    """Whether the period is over by ``today``: a month still running can have its lecture yet."""
    last = dt.date(year, 12, 31) if months[1] == 12 else dt.date(year, months[1] + 1, 1) - dt.timedelta(1)
    return last < today


def period_label(months: Months) -> Message:
    """A period as a doctor names it: 3月, or 3–4月."""
    first, last = months
    if first == last:
        return Message(CTX, QT_TRANSLATE_NOOP("Education", "{month}月"), {"month": first})
    return Message(CTX, QT_TRANSLATE_NOOP("Education", "{first}–{last}月"), {"first": first, "last": last})


@dataclass(frozen=True)
class UnitProgress:
    """One institution's (a village's, or a township's own) year against one minimum."""

    code: str
    name: str
    done: int  # activities or kinds; of a minimum checked by period (every_months): the periods with one
    minimum: int
    expected_by_now: int  # of a count: its share by today (pro rata by month); of periods: those over
    every_months: int | None = None
    missed: tuple[Months, ...] = ()  # periods over without an activity
    own: bool = False  # a township's own, beside its villages ("朝阳乡本级")

    @property
    def behind(self) -> bool:
        return bool(self.missed) or falls_short(self.done, self.expected_by_now)


@dataclass(frozen=True)
class ProgressLine:
    key: str
    label: str  # Chinese, marked in the "Education" context
    done: int
    minimum: int | None  # None: no minimum (individual education)
    expected_by_now: int | None  # the share of the minimum due by today
    # what a count that is not of activities counts, said beside it ("Education" context)
    unit: str = ""
    note: str = ""
    # each institution's own figures (a township's: its villages' and its own), of which the line is
    # the sum: each is checked on its own (:func:`falls_short`)
    units: tuple[UnitProgress, ...] = ()
    unchecked: str = ""  # what of the minimum is not checked, said on the line ("Education" context)

    @property
    def behind(self) -> bool:
        if self.units:
            return any(u.behind for u in self.units)
        return self.expected_by_now is not None and self.done < self.expected_by_now

    @property
    def units_behind(self) -> tuple[UnitProgress, ...]:
        return tuple(u for u in self.units if u.behind)

    @property
    def met(self) -> bool:
        """Every institution has its year's minimum (the workbench's green; on track but short of
        it is neither green nor red there)."""
        if self.units:
            return not any(falls_short(u.done, u.minimum) for u in self.units)
        return not falls_short(self.done, self.minimum)


# What the minimums checked by period count, said after "4 / 6": months, 2-month periods, or (a
# township's lectures, monthly, beside its villages', every 2 months) either
PERIOD_UNITS = {
    1: QT_TRANSLATE_NOOP("Education", " 个月"),
    2: QT_TRANSLATE_NOOP("Education", " 个两月期"),
    None: QT_TRANSLATE_NOOP("Education", " 期"),
}
PROGRESS_NOTES = {
    "lectures": QT_TRANSLATE_NOOP(
        "Education",
        "乡镇卫生院每月至少1次，村卫生室每两个月（1–2月、3–4月……）至少1次：计有讲座的月或两月期，"
        "同一期里的几次只计1期；过完了而没有讲座的期是落后",
    ),
    "boards": QT_TRANSLATE_NOOP(
        "Education",
        "宣传栏内容每两个月（1–2月、3–4月……）至少更换1次：计有更换的两月期，过完了而没有更换的期是落后。"
        "宣传栏个数（乡镇卫生院至少2个，村卫生室至少1个）未核对：活动记录不记是哪一块宣传栏",
    ),
}
UNCHECKED = {"boards": QT_TRANSLATE_NOOP("Education", "宣传栏个数未核对")}


def _unit_progress(
    key: str,
    code: str,
    name: str,
    activities: list[EducationActivity],
    year: int,
    today: dt.date,
    beside_villages: bool = False,
) -> UnitProgress:
    """One institution's ``activities`` of ``year`` against its own minimum ``key``."""
    spec, kind = MINIMUMS[key], institution_type(code)
    own = beside_villages and kind == "township"
    every = spec.every_months.get(kind)
    if every is None:
        need = spec.per_year.get(kind, 0)
        # the months over: on 2 January nothing is due yet (the month running is not)
        months = 12 if today.year > year else (0 if today.year < year else today.month - 1)
        return UnitProgress(code, name, done(activities, key), need, need * months // 12, own=own)
    due = periods(every)
    held = {period_of(a.held_on.month, every) for a in activities if a.form in spec.forms}
    over = [months for months in due if _ended(year, months, today)]
    missed = tuple(months for months in over if months not in held)
    return UnitProgress(code, name, len(held), len(due), len(over), every, missed, own)


def individual_visits(session: Session, start: dt.date, end: dt.date, codes: set[str] | None) -> int:
    """Follow-ups done in the period: each includes individual health education (规范: 随访时的健康指导)."""
    from app.models import Resident

    q = (
        select(func.count())
        .select_from(FollowupVisit)
        .join(Resident, Resident.id == FollowupVisit.resident_id)
        .join(Village, Village.id == Resident.village_id)
        .where(
            FollowupVisit.voided.is_(False),
            FollowupVisit.outcome == "done",
            FollowupVisit.visit_date >= start,
            FollowupVisit.visit_date <= end,
        )
    )
    if codes is not None:
        q = q.where(Village.code.in_(codes))
    return session.scalar(q) or 0


def progress(session: Session, year: int, today: dt.date | None = None) -> list[ProgressLine]:
    """This institution's (a township: all it holds, each held to its own minimums) year against the
    minimums, and how much of each is due by ``today``: of a yearly count, its share (pro rata by
    month); of a minimum by period, every period over."""
    today = today or trusted_today(session)
    codes = institutions(session)
    start, end = dt.date(year, 1, 1), dt.date(year, 12, 31)
    visible = _visible_codes(session)
    q = select(EducationActivity).where(
        EducationActivity.voided.is_(False),
        EducationActivity.held_on >= start,
        EducationActivity.held_on <= end,
    )
    if visible is not None:
        q = q.where(EducationActivity.scope_code.in_(visible))
        codes = [c for c in codes if c in visible] or codes
    # the institutions' own activities only: a village PC holds its township's too (synced to it),
    # which counted as the village's (7 lectures of 6 where the village's report said 6)
    q = q.where(EducationActivity.scope_code.in_(codes))
    activities = list(session.scalars(q))
    names = place_names(session)
    own = len(codes) > 1  # a township's own figures beside its villages' ("朝阳乡本级")
    held = {c: [a for a in activities if a.scope_code == c] for c in codes}
    out = []
    for key in MINIMUMS:
        units = tuple(_unit_progress(key, c, names.get(c, c), held[c], year, today, own) for c in codes)
        need = sum(u.minimum for u in units)
        out.append(
            ProgressLine(
                key,
                PROGRESS_LABELS[key],
                sum(u.done for u in units),
                need,
                sum(u.expected_by_now for u in units) if need else None,
                unit=PERIOD_UNITS[_one({u.every_months for u in units})]
                if MINIMUMS[key].every_months
                else "",
                note=PROGRESS_NOTES.get(key, ""),
                units=units,
                unchecked=UNCHECKED.get(key, ""),
            )
        )
    # 人次: the people each 个体化 activity taught (1 to a handful: AUDIENCE_LIMITS); one recorded
    # before there was a limit with none counts 1
    individual = sum(max(1, a.audience_count or 0) for a in activities if a.form == "6") + individual_visits(
        session, start, min(end, today), visible if visible is not None else None
    )
    out.append(
        ProgressLine(
            "individual",
            PROGRESS_LABELS["individual"],
            individual,
            None,
            None,
            unit=QT_TRANSLATE_NOOP("Education", " 人次"),
            note=QT_TRANSLATE_NOOP(
                "Education", "个体化健康教育活动，加上每次随访时的健康指导（每次随访计1人次）；没有最低次数"
            ),
        )
    )
    return out


def _one(values: set):
    """The one value of ``values``, or None when they differ."""
    return next(iter(values)) if len(values) == 1 else None


def _identity(_context: str, text: str) -> str:
    return text


def progress_text(line: ProgressLine, translate: Translate = _identity, *, units: bool = True) -> str:
    """A progress line as the 健康教育 page and ``education progress`` say it:
    "健康知识讲座：4 / 6 个两月期（落后：缺5–6月、7–8月）", and a township's, each of its units held
    to its own minimum: "宣传栏更换：16 / 18 个两月期（2 个单位落后：东村 缺3–4月；西村 缺5–6月；
    宣传栏个数未核对）".  ``units`` False: a township's units behind only counted ("2 个单位落后"),
    for a panel that says the rest on demand (ten villages' missing periods filled the page)."""
    text = translate(CTX, QT_TRANSLATE_NOOP("Education", "{label}：{done}{need}{unit}")).format(
        label=translate(CTX, line.label),
        done=line.done,
        need=f" / {line.minimum}" if line.minimum else "",
        unit=translate(CTX, line.unit),
    )
    said = []
    behind = line.units_behind
    if len(line.units) == 1 and behind:  # one institution's own line: what it misses
        said.append(
            Message(CTX, QT_TRANSLATE_NOOP("Education", "落后：缺{periods}"), {"periods": _missed(behind[0])})
            if behind[0].missed
            else Message(CTX, QT_TRANSLATE_NOOP("Education", "落后"))
        )
    elif behind and not units:
        said.append(Message(CTX, QT_TRANSLATE_NOOP("Education", "{n} 个单位落后"), {"n": len(behind)}))
    elif behind:  # a township's: which of its units, and what each misses
        named = translate(CTX, UNIT_SEPARATOR).join(
            _unit_behind(u, line.key).render(translate) for u in behind
        )
        said.append(
            Message(
                CTX,
                QT_TRANSLATE_NOOP("Education", "{n} 个单位落后：{units}"),
                {"n": len(behind), "units": Said(named)},
            )
        )
    elif line.behind:  # (a line without units: its sum against its share by now)
        said.append(Message(CTX, QT_TRANSLATE_NOOP("Education", "落后")))
    if line.unchecked:
        said.append(Message(CTX, line.unchecked))
    if not said:
        return text
    parts = translate(CTX, UNIT_SEPARATOR).join(m.render(translate) for m in said)
    return text + translate(CTX, QT_TRANSLATE_NOOP("Education", "（{said}）")).format(said=parts)


UNIT_SEPARATOR = QT_TRANSLATE_NOOP("Education", "；")


@dataclass(frozen=True)
class Said:
    """Text already rendered (or a name), standing as a message's parameter: not translated again."""

    text: str

    def __str__(self) -> str:
        return self.text


def _missed(unit: UnitProgress) -> tuple[Message, ...]:
    """The periods a unit missed, three or more running said as one span: "缺1–6月", not "缺1月、
    2月、3月、4月、5月、6月" (a township without a lecture all year listed twelve months)."""
    runs: list[list[Months]] = []
    for months in unit.missed:
        if runs and runs[-1][-1][1] + 1 == months[0]:
            runs[-1].append(months)
        else:
            runs.append([months])
    spans = [[(run[0][0], run[-1][1])] if len(run) >= 3 else run for run in runs]
    return tuple(period_label(m) for span in spans for m in span)


def _unit_name(unit: UnitProgress) -> Message | Said:
    """A village's name, or the township's own beside its villages: "朝阳乡本级"."""
    if unit.own:
        return Message(CTX, QT_TRANSLATE_NOOP("Education", "{name}本级"), {"name": Said(unit.name)})
    return Said(unit.name)


def _unit_behind(unit: UnitProgress, key: str) -> Message:
    """One unit behind: "东村 缺3–4月、5–6月" (periods), "东村 差 2 种" (a count short of its share)."""
    if unit.missed:
        return Message(
            CTX,
            QT_TRANSLATE_NOOP("Education", "{name} 缺{periods}"),
            {"name": _unit_name(unit), "periods": _missed(unit)},
        )
    template = (
        QT_TRANSLATE_NOOP("Education", "{name} 差 {n} 种")
        if MINIMUMS[key].counts == "kinds"
        else QT_TRANSLATE_NOOP("Education", "{name} 差 {n} 次")
    )
    return Message(CTX, template, {"name": _unit_name(unit), "n": unit.expected_by_now - unit.done})

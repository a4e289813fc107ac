"""The institution profile (设置 → 本机构信息): checked as one form, stored on the profile, carried to
the township on the village's own row, and printed on every document."""

from __future__ import annotations

import datetime as dt
import subprocess

import pytest
from sqlalchemy import select

from app.models import Profile, Resident, Village
from app.services import institution, printing
from app.services.errors import ValidationError
from app.services.institution import InstitutionInput
from app.services.printing import Labels
from tests import storekit
from tests.conftest import TODAY, VILLAGE_CODE
from tests.synckit import round_trip

pytestmark = pytest.mark.both_databases  # SQLite and PostgreSQL (conftest)

ZH = Labels()


def pdf_text(data: bytes, tmp_path) -> str:
    path = tmp_path / "doc.pdf"
    path.write_bytes(data)
    return subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout


def save(store, **typed):
    with store.transaction() as s:
        return institution.save_institution(s, InstitutionInput(**typed))


def test_saved_profile_reads_back_and_reaches_the_village_row(store):
    saved = save(
        store,
        institution="幸福村卫生室",
        phone="0371 6123 4567",
        address="幸福村村委会东侧",
        doctors="李医生，王医生、 李医生",
    )
    assert saved.phone == "0371-61234567"  # the number as the validators write it
    assert saved.doctors == ("李医生", "王医生")
    with store.session() as s:
        again = institution.institution_profile(s)
        village = s.scalar(select(Village).where(Village.code == VILLAGE_CODE))
        assert again == saved
        assert (village.institution, village.phone, village.address) == (
            "幸福村卫生室",
            "0371-61234567",
            "幸福村村委会东侧",
        )


@pytest.mark.parametrize(
    ("typed", "field", "message"),
    [
        (dict(institution="", phone="13812345678"), "institution", "请填写机构名称"),
        (dict(institution="幸福村卫生室", phone="12345"), "phone", "联系电话"),
        (dict(institution="幸福村卫生室", address="地" * 201), "address", "地址过长"),
    ],
)
def test_bad_input_names_the_field_and_changes_nothing(store, typed, field, message):
    with store.session() as s:
        before = institution.institution_profile(s)
    with pytest.raises(ValidationError) as refused:
        save(store, **typed)
    assert field in refused.value.by_field() and message in str(refused.value)
    with store.session() as s:
        assert institution.institution_profile(s) == before


def test_card_cover_and_worklist_carry_the_clinic(store, person, tmp_path):
    save(store, institution="幸福村卫生室", phone="13912340000", address="幸福村一组", doctors="李医生")
    with store.transaction() as s:
        from app.services.programmes import followup
        from app.services.records.residents import save_resident

        r = save_resident(s, person(), today=TODAY)
        followup.enrol(s, r, "htn", TODAY)
        archive_no = r.archive_no
    with store.session() as s:
        card = pdf_text(printing.card_pdf(s, archive_no, ZH, today=TODAY), tmp_path)
        worklist = pdf_text(printing.worklist_pdf(s, ZH, today=TODAY), tmp_path)
    assert "幸福村卫生室" in card and "13912340000" in card and "幸福村一组" in card
    assert "幸福村卫生室" in worklist and "13912340000" in worklist and "地址：幸福村一组" in worklist
    save(store, institution="幸福村卫生室", phone="", address="幸福村一组", doctors="李医生")
    with store.session() as s:
        card = pdf_text(printing.card_pdf(s, archive_no, ZH, today=TODAY), tmp_path)
        worklist = pdf_text(printing.worklist_pdf(s, ZH, today=TODAY), tmp_path)
    assert "联系电话" not in card and "联系电话：" not in worklist  # no bare label without a phone
    assert "幸福村一组" in card and "地址：幸福村一组" in worklist


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_worklists_clinic_line_stays_on_the_page(store, person, tmp_path, lang):
    """Found: the clinic's address and phone followed the list's own line, and with a clinic name
    and address of ordinary length the phone ran off the page's edge ("联系电话：010"; in English
    it was gone).  They now have a line of their own, whole, on every page."""
    from app.cli.printing import print_labels
    from app.services.programmes import followup
    from app.services.records.residents import save_resident
    from tests.test_printing import _fits_on_page, flat, page_count

    address = "北京市朝阳区东风乡李家村村民委员会东侧二百米卫生室院内平房第三间" * 2  # 62 characters
    save(store, institution="北京市朝阳区东风乡李家村卫生室（东风乡社区卫生服务中心李家村站）",
         phone="010-85712345", address=address, doctors="李医生")  # fmt: skip
    with store.transaction() as s:
        for n in range(40):  # onto a second page
            name = "王" + "甲乙丙丁戊己庚辛壬癸"[n % 10] + "一二三四"[n // 10]
            r = save_resident(
                s, person(name=name, id_number=None, sex="1", birth_date=dt.date(1950, 1, 1)), today=TODAY
            )
            followup.enrol(s, r, "htn", TODAY)
    with store.session() as s:
        data = printing.worklist_pdf(s, print_labels(lang), today=TODAY)
    text = flat(pdf_text(data, tmp_path))
    pages = page_count(data, tmp_path)
    assert pages >= 2 and _fits_on_page(data, tmp_path)
    assert text.count("010-85712345") == pages and text.count(address) == pages


def test_record_cover_and_referral_slip_take_address_and_phone_from_the_profile(store, person, tmp_path):
    from app.services.programmes import referral
    from app.services.programmes.referral import ReferralInput
    from app.services.records.residents import save_resident

    save(store, institution="幸福村卫生室", phone="0371-61234567", address="幸福村村委会东侧")
    with store.transaction() as s:
        r = save_resident(s, person(), today=TODAY)
        archive_no = r.archive_no
        inp = ReferralInput(resident_id=r.id, to_institution="朝阳乡卫生院", present_history="头痛")
        slip_id = referral.create_referral(s, inp, today=TODAY).id

    def printed() -> tuple[str, str]:
        with store.session() as s:
            cover = pdf_text(printing.cover_pdf(s, archive_no, ZH), tmp_path)
            slip = pdf_text(printing.referral_pdf(s, slip_id, ZH), tmp_path)
        return " ".join(cover.split()), " ".join(slip.split())

    cover, slip = printed()
    assert "幸福村卫生室" in cover and "地址：幸福村村委会东侧" in cover and "电话：0371-61234567" in cover
    assert "幸福村卫生室（机构名称）" in slip and "0371-61234567" in slip and "地址：幸福村村委会东侧" in slip
    # one source: the profile changed, both documents follow; no bare label where it has no address
    save(store, institution="幸福村卫生室", phone="13912340000", address="")
    cover, slip = printed()
    assert "13912340000" in cover and "0371-61234567" not in cover and " 地址：" not in cover
    assert "13912340000" in slip and "0371-61234567" not in slip and "地址：" not in slip


def test_township_prints_the_village_clinic_after_a_sync(world):
    town, a, b, root = world
    save(a.store, institution="甲村卫生室", phone="13900001111", address="甲村")
    save(town.store, institution="朝阳乡卫生院", phone="010-61230000")
    round_trip(town, [a, b], root, "profile")
    with town.store.session() as s:
        own = s.get(Profile, 1)
        assert own.phone == "010-61230000"  # the township's profile is its own
        village_a = s.scalar(select(Village).where(Village.code == a_code(a)))
        resident_a = s.scalar(select(Resident).where(Resident.village_id == village_a.id).limit(1))
        resident_b = s.scalar(select(Resident).where(Resident.village_id != village_a.id).limit(1))
        card_a = pdf_text(printing.card_pdf(s, resident_a.archive_no, ZH, today=TODAY), root)
        card_b = pdf_text(printing.card_pdf(s, resident_b.archive_no, ZH, today=TODAY), root)
    assert "甲村卫生室" in card_a and "13900001111" in card_a
    # village B never said its phone: the township's own, so no card has an empty 联系电话
    assert "朝阳乡卫生院" in card_b and "010-61230000" in card_b


def a_code(device) -> str:
    with device.store.session() as s:
        return s.get(Profile, 1).code


def test_cli_shows_and_sets_the_profile(store, tmp_path, monkeypatch, capsys):
    import json

    from app.cli import main

    monkeypatch.setenv("CUNYI_DATA_DIR", str(storekit.data_dir(store)))
    assert main(["institution", "set", "--phone", "13912340000", "--doctors", "李医生,王医生", "--json"]) == 0
    shown = json.loads(capsys.readouterr().out)
    assert shown["phone"] == "13912340000" and shown["doctors"] == ["李医生", "王医生"]
    assert shown["institution"] == "测试村卫生室"  # what was not named stays
    assert main(["institution", "set", "--phone", "12345"]) == 1
    err = capsys.readouterr().err
    assert "联系电话" in err and err.count("\n") == 1 and "Traceback" not in err
    assert main(["institution", "show", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["phone"] == "13912340000"  # the refused change wrote nothing


@pytest.mark.sqlite_only  # a store of its own
@pytest.mark.parametrize(
    "role, code, typed, place, institution",
    [
        ("township", "110105001", "朝阳镇卫生院", "朝阳镇", "朝阳镇卫生院"),
        ("township", "110105001", "朝阳镇", "朝阳镇", "朝阳镇卫生院"),
        ("village", "110105001101", "李家村卫生室", "李家村", "李家村卫生室"),
        ("village", "110105001101", "李家村", "李家村", "李家村卫生室"),
    ],
)
def test_init_with_the_institutions_name_typed_names_it_once(tmp_path, role, code, typed, place, institution):
    """`init --name 朝阳镇卫生院` made "朝阳镇卫生院卫生院" on every slip and window title."""
    from app.db import Store
    from app.services import profile

    store = Store(f"sqlite:///{tmp_path / 'x.db'}")
    with store.transaction() as s:
        made = profile.init_profile(s, role=role, code=code, name=typed)
        assert (made.name, made.institution) == (place, institution)
    store.dispose()


def test_each_change_of_the_profile_is_audited_with_the_fields_it_changed(store):
    """The doctors named here decide who may be 责任医生 (and so who sees a 专项随访 patient): a change
    of the profile left no entry in the audit trail."""
    from app.models import AuditEntry
    from app.services.access import audit

    def entries() -> list[str]:
        with store.session() as s:
            return list(
                s.scalars(
                    select(AuditEntry.summary)
                    .where(AuditEntry.entity == "institution", AuditEntry.action == "update")
                    .order_by(AuditEntry.chain_seq)
                )
            )

    save(store, institution="幸福村卫生室", phone="13812345678", doctors="李医生")
    save(store, institution="幸福村卫生室", phone="13812345678", doctors="李医生")  # nothing changed
    save(store, institution="幸福村卫生室", phone="13812345678", doctors="李医生、王五")
    first, second = entries()
    assert audit.updated_columns(first)[1] == ["doctors", "institution", "phone"]
    assert audit.updated_columns(second) == (VILLAGE_CODE, ["doctors"])


def test_the_contract_agreement_gives_the_clinics_phone(store, person, tmp_path):
    """乙方 (the doctor's team) had no phone on the agreement a resident keeps: the clinic's, from
    its profile, as the cover and the referral slip take it."""
    from app.services.printing import contract_form
    from app.services.programmes import contracts
    from app.services.records.residents import save_resident

    save(store, institution="幸福村卫生室", phone="0371-61234567", address="幸福村村委会东侧")
    with store.transaction() as s:
        r = save_resident(s, person(), today=TODAY)
        (made,), _ = contracts.add_contract(
            s, r.archive_no, doctor="李医生", packages="basic", start="2026-11-01"
        )
        cid = made.id
    with store.session() as s:
        text = " ".join(pdf_text(contract_form.pdf(s, cid, ZH), tmp_path).split())
    assert "签约机构： 幸福村卫生室" in text or "签约机构：幸福村卫生室" in text, text
    assert "联系电话： 0371-61234567" in text or "联系电话：0371-61234567" in text, text

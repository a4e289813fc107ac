"""The printed 签约服务协议书 and 健康教育活动记录表 carry the recorded values (text extracted)."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from app.services.printing import Labels, contract_form, education_form
from app.services.programmes import contracts, education, followup
from app.services.records.residents import save_resident
from app.services.sync import capture
from tests import storekit
from tests.test_education import PDF, png
from tests.test_printing import flat, pdf_text

pytestmark = pytest.mark.both_databases  # SQLite and PostgreSQL (conftest)

NOW = dt.date(2026, 11, 23)


@pytest.fixture(autouse=True)
def clock(monkeypatch):
    monkeypatch.setattr(capture, "wall_ms", lambda: int(dt.datetime(2026, 11, 23, 12).timestamp() * 1000))


def test_agreement_is_filled_from_the_contract(store, person, tmp_path):
    with store.transaction() as s:
        r = save_resident(s, person(current_address="朝阳村三组12号"), today=NOW)
        followup.enrol(s, r, "htn", dt.date(2025, 6, 1))  # (慢病包 is a managed patient's)
        (c,), _ = contracts.add_contract(
            s,
            r.archive_no,
            doctor="王医生",
            team="朝阳村家庭医生一队",
            packages="basic,elderly,chronic",
            start="2026-01-01",
        )
        archive_no, cid = r.archive_no, c.id
    with store.transaction() as s:
        text = flat(pdf_text(contract_form.pdf(s, cid, Labels()), tmp_path))
    for value in (
        "家庭医生签约服务协议书",
        "姓名：张三",
        "性别：女",
        "年龄：76",
        f"健康档案编号：{archive_no}",
        "110105********002X",  # the ID masked
        "朝阳村三组12号",
        "测试村卫生室",
        "团队名称：朝阳村家庭医生一队",
        "签约医生：王医生",
        "自2026年1月1日起至2026年12月31日止，共1年",
        "基础包",
        "严重精神障碍包",
    ):
        assert value in text, value
    assert "11010519491231002X" not in text


def test_renewal_prints_as_such(store, person, tmp_path, monkeypatch):
    with store.transaction() as s:
        r = save_resident(s, person(), today=NOW)
        (c,), _ = contracts.add_contract(
            s, r.archive_no, doctor="王医生", packages="basic", start="2026-01-01"
        )
        s.flush()
        monkeypatch.setattr(  # within the month before the contract ends
            capture, "wall_ms", lambda: int(dt.datetime(2026, 12, 5, 12).timestamp() * 1000)
        )
        new = contracts.renew_contract(s, c.id, years=2)
        s.flush()
        nid = new.id
    with store.transaction() as s:
        text = flat(pdf_text(contract_form.pdf(s, nid, Labels()), tmp_path))
    assert "（续约）" in text and "自2027年1月1日起至2028年12月31日止，共2年" in text


def test_education_record_prints_every_field(store, tmp_path):
    with store.transaction() as s:
        a = education.add_activity(
            s,
            education.ActivityInput(
                held_on="2026-04-07",
                place="村委会会议室",
                form="5",
                topic="糖尿病足的预防",
                organiser="乡卫生院公卫科",
                audience_kind="糖尿病患者",
                audience_count="28",
                materials="糖尿病手册28份、折页2种",
                content="讲解足部检查与鞋袜选择。",
                evaluation="居民反映实用。",
            ),
            [("现场照片.png", png(), "photo"), ("签到表.pdf", PDF, "signin")],
        )
        aid = a.id
    with store.transaction() as s:
        text = flat(pdf_text(education_form.pdf(s, aid, Labels()), tmp_path))
    for value in (
        "健康教育活动记录表",
        "活动时间：2026年4月7日",
        "活动地点：村委会会议室",
        "活动形式：健康知识讲座",
        "组织者：乡卫生院公卫科",
        "接受健康教育人员类别：糖尿病患者",
        "接受健康教育人数：28",
        "活动主题：糖尿病足的预防",
        "糖尿病手册28份、折页2种",
        "讲解足部检查与鞋袜选择。",
        "居民反映实用。",
        "存档材料请附后：照片：现场照片.png签到表：签到表.pdf",  # (one file a line)
    ):
        assert value in text, value


def test_education_record_is_dated_when_entered_and_lists_the_files_it_still_has(store, tmp_path):
    """填表时间 printed the activity's date: it is the day the record was entered (here, the
    clock's 2026-11-23 for a lecture of April); 存档材料 lists each file kept, by kind and name,
    and not one removed in a correction."""
    with store.transaction() as s:
        aid = education.add_activity(
            s,
            education.ActivityInput(held_on="2026-04-07", place="村委会", form="5", topic="控烟",
                                    audience_count="28"),
            [("现场照片.png", png(), "photo"), ("错放的照片.png", png(3), "photo"), ("签到表.pdf", PDF, "signin")],
        ).id  # fmt: skip
    with store.transaction() as s:
        education.edit_activity(s, aid, {}, remove=["错放的照片.png"])
    with store.transaction() as s:
        text = flat(pdf_text(education_form.pdf(s, aid, Labels()), tmp_path))
    assert "活动时间：2026年4月7日" in text
    assert "填表时间：2026年11月23日" in text and "填表时间：2026年4月7日" not in text
    assert "存档材料请附后：照片：现场照片.png签到表：签到表.pdf" in text
    assert "错放的照片" not in text


def test_education_record_wraps_long_answers_rather_than_shrinking_them(store, tmp_path):
    """Who came, the place and the materials were shrunk to 5 pt on one line and cut ("…家属，6…"),
    with room to spare below: they now take a row of their own, on two lines when they need them."""
    import re
    import subprocess

    audience = "高血压、2型糖尿病患者及其家属，65岁以上老年人，建档立卡贫困户成员"
    place = "向阳村党群服务中心二楼会议室（村委会东侧）"
    materials = "《高血压防治手册》60份、《糖尿病饮食指导》折页80份、控盐勺40个、控油壶20个"
    with store.transaction() as s:
        a = education.add_activity(
            s,
            education.ActivityInput(
                held_on="2026-04-07", place=place, form="5", topic="慢病患者自我管理", organiser="乡卫生院公卫科",
                audience_kind=audience, audience_count="60", materials=materials, content="讲解。",
                evaluation="好。",
            ),
            [],
        )  # fmt: skip
        aid = a.id
    with store.transaction() as s:
        data = education_form.pdf(s, aid, Labels())
    text = flat(pdf_text(data, tmp_path))
    for value in (audience, place, materials):
        assert value in text, value
    assert "…" not in text
    path = tmp_path / "edu.pdf"
    path.write_bytes(data)
    html = subprocess.run(["pdftotext", "-bbox", str(path), "-"], capture_output=True, text=True).stdout
    heights = [
        float(b) - float(a) for a, b in re.findall(r'yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)"', html)
    ]
    assert min(heights) >= 8.0, sorted(heights)[:5]  # (points: nothing printed below about 8.5 pt)


def test_education_record_prints_long_texts_whole_on_as_many_pages_as_they_need(store, tmp_path, capsys):
    """活动内容 and 活动总结评价 of 4,000 characters each (what the record takes) were shrunk and cut
    with "…": each prints whole, its box running on onto the next pages ("（续）"), every page
    numbered; a record that fits keeps its one page."""
    import subprocess

    content = "".join(f"第{i}段讲解限盐、控油、规律服药和家庭自测血压。" for i in range(1, 300))[:4000]
    evaluation = "".join(f"评{i}居民提问踊跃，下次准备扩音设备。" for i in range(1, 300))[:4000]
    organiser = "乡卫生院公共卫生科与村卫生室联合组织，邀请县疾控中心慢病科专家主讲，村两委协助组织居民"
    with store.transaction() as s:
        aid = education.add_activity(
            s,
            education.ActivityInput(
                held_on="2026-04-07", place="村委会", form="5", topic="高血压", organiser=organiser,
                audience_count="60", content=content, evaluation=evaluation,
            ),
        ).id  # fmt: skip
    with store.transaction() as s:
        data = education_form.pdf(s, aid, Labels())
    path = tmp_path / "edu.pdf"
    path.write_bytes(data)
    pages = []
    for n in range(1, 10):
        done = subprocess.run(
            ["pdftotext", "-f", str(n), "-l", str(n), str(path), "-"], capture_output=True, text=True
        )
        if done.returncode:
            break
        pages.append(flat(done.stdout))
    total = len(pages)
    assert total >= 3, total
    assert all(f"第{n}页/共{total}页" in page for n, page in enumerate(pages, 1))
    assert all("健康教育活动记录表（续）" in page and "活动主题：高血压" in page for page in pages[1:])
    furniture = r"第\d+页/共\d+页|健康教育活动记录表（续）|活动时间：2026年4月7日活动主题：高血压|活动内容（续）：|活动总结评价（续）："
    text = re.sub(furniture, "", "".join(pages)).replace("接受健康教育人数：60", "")  # (beside 组织者)
    for value in (content, evaluation, organiser):
        assert value in text, value[:20]
    assert "…" not in text
    assert "填表人（签字）" in pages[-1]
    # one that fits: one page, unnumbered (as the paper form)
    with store.transaction() as s:
        education.edit_activity(s, aid, {"content": content[:300], "evaluation": evaluation[:100]})
    with store.transaction() as s:
        data = education_form.pdf(s, aid, Labels())
    text = flat(pdf_text(data, tmp_path))
    assert "第1页" not in text and content[:300] in text and "填表人（签字）" in text
    from app.services.printing.education_form import _pages

    assert _pages(data) == 1


def test_cli_prints_to_files(store, person, tmp_path, capsys):
    from app.cli import main

    with store.transaction() as s:
        r = save_resident(s, person(), today=NOW)
        (c,), _ = contracts.add_contract(
            s, r.archive_no, doctor="王医生", packages="basic", start="2026-01-01"
        )
        cid = str(c.id)
    folder = str(storekit.data_dir(store))
    store.dispose()
    assert main(["--data-dir", folder, "contract", "print", cid, "-o", str(tmp_path / "c.pdf")]) == 0
    assert "签约医生：王医生" in flat(pdf_text((tmp_path / "c.pdf").read_bytes(), tmp_path))
    assert main(["--data-dir", folder, "contract", "print", "nope", "-o", str(tmp_path / "x.pdf")]) == 1
    assert capsys.readouterr().err.endswith("找不到签约记录：nope\n")
    assert not (tmp_path / "x.pdf").exists()


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_agreement_keeps_within_its_margins(store, person, tmp_path, lang):
    """The fourth package box's label ("Severe mental disorder") ran past the right margin in
    English: every word of the agreement stands between its 20 mm margins."""
    import re
    import subprocess

    from app.cli.printing import print_labels
    from app.services.programmes import smi

    with store.transaction() as s:
        r = save_resident(s, person(), today=NOW)
        # (严重精神障碍包 is for a patient under management)
        smi.register(s, r.archive_no, smi.SmiRegistrationInput(diagnosis="1", consent="1"), today=NOW)
        (c,), _ = contracts.add_contract(
            s, r.archive_no, doctor="王医生", packages="basic,smi", start="2026-01-01"
        )
        cid = c.id
    with store.transaction() as s:
        (tmp_path / "a.pdf").write_bytes(contract_form.pdf(s, cid, print_labels(lang)))
    boxes = subprocess.run(
        ["pdftotext", "-bbox", str(tmp_path / "a.pdf"), "-"], capture_output=True, text=True, check=True
    ).stdout
    mm = 72 / 25.4
    words = re.findall(r'xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)<', boxes)
    assert any("mental" in w or "精神" in w for *_x, w in words)
    outside = [w for x0, x1, w in words if float(x0) < 20 * mm - 0.5 or float(x1) > 190 * mm + 0.5]
    assert outside == []


def test_an_agreement_printed_by_one_who_may_not_see_a_package_says_so_for_everyone(store, person, tmp_path):
    """Found by review: a doctor without the right to a patient's 严重精神障碍 record printed the
    agreement with 严重精神障碍包 unticked, an agreement other than the one signed.  For a printer
    who is not the resident's responsible doctor the box is printed neither way, with a note —
    for every resident alike (a patient's and anyone else's), so the print tells no one who is one."""
    from app.services.access import accounts
    from app.services.programmes import smi

    with store.transaction() as s:
        patient = save_resident(s, person(responsible_doctor="李医生"), today=NOW)
        smi.register(s, patient.archive_no, smi.SmiRegistrationInput(diagnosis="1", consent="1"), today=NOW)
        other = save_resident(s, person(name="李四", id_number="", sex="1", birth_date="1950-01-01",
                                        responsible_doctor="李医生"), today=NOW)  # fmt: skip
        (with_smi,), _ = contracts.add_contract(
            s, patient.archive_no, doctor="李医生", packages="basic,smi", start="2026-01-01"
        )
        (without,), _ = contracts.add_contract(
            s, other.archive_no, doctor="李医生", packages="basic", start="2026-01-01"
        )
        ids = with_smi.id, without.id
        accounts.create_user(s, "wang", "村医-secret-1", "village_doctor", display_name="王医生")
    with store.session() as s:  # the system account (or the responsible doctor): the package as signed
        assert contract_form.agreement_data(s, ids[0]).packages == ("basic", "smi")
        assert contract_form.agreement_data(s, ids[0]).withheld == ()
    store.actor = accounts.login(store, "wang", "村医-secret-1")
    try:
        with store.session() as s:
            seen = [contract_form.agreement_data(s, cid) for cid in ids]
            texts = [flat(pdf_text(contract_form.pdf(s, cid, Labels()), tmp_path)) for cid in ids]
    finally:
        store.actor = None
    assert [d.withheld for d in seen] == [("smi",), ("smi",)]
    assert all("打印人无权查看" in t and "以签约原件为准" in t for t in texts)
    # the packages as printed: the same words for the patient and for anyone else
    packages = [t[t.index("二、服务包") : t.index("三、双方责任")] for t in texts]
    assert packages[0] == packages[1], packages
    assert [d.packages for d in seen] == [("basic",), ("basic",)]

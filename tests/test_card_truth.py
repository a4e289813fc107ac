"""Cards that tell the truth: never a past next-visit date, the overdue notice or the planned date
instead, and the warning signs of the patient's own programmes — read back from the PDFs' text."""

from __future__ import annotations

import datetime as dt
import re
import subprocess
from pathlib import Path

import pytest

from app.cli import main
from app.services import printing
from app.services.errors import UserError
from app.services.printing import Labels
from app.services.printing.followup_card import card_data
from app.services.programmes import followup
from app.services.programmes.followup import VisitInput, save_visit
from app.services.records.residents import save_resident
from tests import storekit
from tests.conftest import TODAY

pytestmark = pytest.mark.both_databases  # SQLite and PostgreSQL (conftest)

ZH = Labels()
HTN_SIGN = "剧烈头痛"
LOW_SIGN = "低血糖：心慌、出汗、手抖"
HIGH_SIGN = "高血糖：口渴多饮"


def page_texts(data: bytes, tmp_path: Path) -> list[str]:
    path = tmp_path / "cards.pdf"
    path.write_bytes(data)
    text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout
    return [re.sub(r"\s+", "", page) for page in text.split("\f") if page.strip()]


def dates_in(text: str) -> list[dt.date]:
    found = [
        dt.date(int(y), int(m), int(d)) for y, m, d in re.findall(r"(\d{4})年(\d{1,2})月(\d{1,2})日", text)
    ]
    found += [dt.date(int(y), int(m), int(d)) for y, m, d in re.findall(r"(\d{4})-(\d{2})-(\d{2})", text)]
    return found


@pytest.fixture
def patients(store, person):
    """Four patients on TODAY: 赵甲 overdue (hypertension), 钱乙 not yet due (hypertension), 孙丙 diabetes only
    (overdue), 李丁 both programmes (not yet due)."""
    made = {}
    with store.transaction() as s:

        def patient(key, birth, programs, visit_day, glucose="6.1"):
            r = save_resident(s, person(name=key, id_number="", sex="1", birth_date=birth), today=TODAY)
            for program in programs:
                followup.enrol(s, r, program, dt.date(2025, 1, 1), doctor="李医生")
                save_visit(
                    s,
                    r,
                    VisitInput(
                        program=program,
                        visit_date=visit_day,
                        measurements={
                            "sbp": "128",
                            "dbp": "78",
                            **({"glucose": glucose} if program == "t2dm" else {}),
                        },
                        doctor="李医生",
                    ),
                    today=TODAY,
                )
            made[key] = r.id

        patient("赵甲", "1949-12-31", ["htn"], "2026-05-10")
        patient("钱乙", "1950-01-01", ["htn"], "2026-11-20")
        patient("孙丙", "1952-03-04", ["t2dm"], "2026-04-02")
        patient("李丁", "1955-06-07", ["htn", "t2dm"], "2026-11-21")
    return made


def _card(store, rid, tmp_path, **kw) -> str:
    with store.session() as s:
        return page_texts(printing.card_pdf(s, str(rid), ZH, today=TODAY, **kw), tmp_path)


def test_no_card_carries_a_next_visit_before_the_print_date(store, patients, tmp_path):
    with store.session() as s:
        data = printing.cards_pdf(s, list(patients.values()), ZH, today=TODAY)
    pages = page_texts(data, tmp_path)
    fronts = pages[0]  # one sheet: its fronts, then its backs
    assert "赵甲" in fronts and "钱乙" in fronts
    printed = dates_in(fronts)
    assert printed, "the not-yet-due patients' cards carry their date"
    assert all(day >= TODAY for day in printed), printed
    assert fronts.count("请尽快到卫生室随访") == 2  # 赵甲 and 孙丙


def test_overdue_card_says_how_many_days(store, patients, tmp_path):
    with store.session() as s:
        due = followup.active_enrolment(s, patients["赵甲"], "htn").next_due
    assert due < TODAY
    front = _card(store, patients["赵甲"], tmp_path)[0]
    assert f"逾期{(TODAY - due).days}天，请尽快到卫生室随访" in front
    assert "下次随访" not in front and not dates_in(front)


def test_not_yet_due_card_prints_its_date(store, patients, tmp_path):
    with store.session() as s:
        due = followup.active_enrolment(s, patients["钱乙"], "htn").next_due
    assert due >= TODAY
    front = _card(store, patients["钱乙"], tmp_path)[0]
    assert "下次随访" in front and dates_in(front) == [due] and "逾期" not in front


def test_planned_date_replaces_the_past_one_on_overdue_cards_only(store, patients, tmp_path):
    planned = TODAY + dt.timedelta(days=5)
    with store.session() as s:
        own_due = followup.active_enrolment(s, patients["钱乙"], "htn").next_due
        data = printing.cards_pdf(s, [patients["赵甲"], patients["钱乙"]], ZH, today=TODAY, planned=planned)
    fronts = page_texts(data, tmp_path)[0]
    assert sorted(dates_in(fronts)) == sorted([planned, own_due])
    assert "逾期" not in fronts


def test_planned_date_before_the_print_date_is_refused(store, patients):
    with store.session() as s, pytest.raises(UserError, match="早于打印日期"):
        printing.cards_pdf(s, [patients["赵甲"]], ZH, today=TODAY, planned=TODAY - dt.timedelta(days=1))


@pytest.mark.parametrize(
    ("key", "present", "absent"),
    [
        ("钱乙", [HTN_SIGN], [LOW_SIGN, HIGH_SIGN]),
        ("孙丙", [LOW_SIGN, HIGH_SIGN], [HTN_SIGN]),
        ("李丁", [HTN_SIGN, LOW_SIGN, HIGH_SIGN], []),
    ],
)
def test_warning_signs_follow_the_programmes_and_fit(store, patients, tmp_path, key, present, absent):
    back = _card(store, patients[key], tmp_path)[1]
    for sign in present:
        assert sign in back, sign
    for sign in absent:
        assert sign not in back, sign
    assert "…" not in back  # nothing cut to fit: every sign is whole
    assert back.endswith("请立即就诊。")


def test_cli_next_visit_flag(store, patients, tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("CUNYI_DATA_DIR", str(storekit.data_dir(store)))
    out = tmp_path / "c.pdf"
    assert main(["print", "card", str(patients["赵甲"]), "--next-visit", "2099-01-02", "-o", str(out)]) == 0
    assert dates_in(page_texts(out.read_bytes(), tmp_path)[0]) == [dt.date(2099, 1, 2)]
    assert main(["print", "card", str(patients["赵甲"]), "--next-visit", "2000-01-02", "-o", str(out)]) == 1
    err = capsys.readouterr().err
    assert "早于打印日期" in err and "Traceback" not in err
    assert "字库中没有" not in err  # (a plain name)


def test_cli_print_says_when_a_character_printed_as_a_mark(store, patients, tmp_path, monkeypatch, capsys):
    from app.models import Resident

    with store.transaction() as s:
        s.get(Resident, patients["赵甲"]).name = "刘䶮"
    monkeypatch.setenv("CUNYI_DATA_DIR", str(storekit.data_dir(store)))
    capsys.readouterr()
    assert main(["print", "card", str(patients["赵甲"]), "-o", str(tmp_path / "c.pdf")]) == 0
    assert "有 1 个字打印字库中没有，印成了“〓”" in capsys.readouterr().err


@pytest.mark.slow
@pytest.mark.gui
def test_batch_dialog_plans_a_date_for_overdue_cards(gui_app, qtbot, store, tmp_path):
    from PySide6.QtCore import QDate

    from app.tools.demo import generate_demo
    from app.views.main_window import MainWindow

    with store.transaction() as s:
        generate_demo(s, 120, seed=5, today=TODAY)
    window = MainWindow(store)
    qtbot.addWidget(window)
    window.show()
    page = window.show_page("print")
    assert not page.plan_date.isEnabled()  # without a plan the cards say how many days overdue
    page.plan_overdue.setChecked(True)
    assert page.plan_date.minimumDate() == QDate.currentDate()  # a plan is never in the past
    page.plan_date.setDate(QDate.currentDate().addDays(4))
    page.card_days.setValue(30)
    task = page.print_cards()
    with qtbot.waitSignal(task.finished, timeout=30_000):
        pass
    saved = page.last_preview.save_as(str(tmp_path / "cards"))
    page.last_preview.reject()
    fronts = page_texts(saved.read_bytes(), tmp_path)[::2]
    printed = [day for front in fronts for day in dates_in(front)]
    today = dt.date.today()
    assert dt.date.today() + dt.timedelta(days=4) in printed  # the demo has overdue patients
    assert all(day >= today for day in printed)
    assert not any("逾期" in front for front in fronts)


@pytest.mark.sqlite_only  # no store: the notice's words
def test_an_overdue_card_of_two_programmes_names_the_one_overdue_and_the_others_date():
    """马贵杰, seen today for hypertension (recheck 12-15), diabetes overdue since 09-21: his card said
    "逾期 71 天" and nothing of which, nor of the recheck."""
    import datetime as dt

    from app.services.printing.followup_card import CardData, _overdue_notice
    from app.services.printing.layout import Labels

    card = CardData(
        resident_id=None,
        name="马贵杰",
        archive_no="11010500110100282",
        programs=["htn", "t2dm"],
        doctor="李建生",
        clinic="向阳村卫生室",
        clinic_phone="",
        next_due=dt.date(2026, 9, 21),
        printed_on=dt.date(2026, 12, 1),
        dues={"htn": dt.date(2026, 12, 15), "t2dm": dt.date(2026, 9, 21)},
    )
    assert card.days_overdue == 71
    notice = _overdue_notice(card, Labels())
    assert notice.startswith("2型糖尿病随访逾期 71 天") and "高血压下次随访 2026年12月15日" in notice
    both = CardData(**{**card.__dict__, "dues": {"htn": dt.date(2026, 10, 16), "t2dm": dt.date(2026, 9, 21)}})
    assert _overdue_notice(both, Labels()) == (  # (each overdue: it said the diabetes one only)
        "2型糖尿病随访逾期 71 天，请尽快到卫生室随访；高血压随访逾期 46 天"
    )
    one = CardData(**{**card.__dict__, "programs": ["t2dm"], "dues": {"t2dm": dt.date(2026, 9, 21)}})
    assert _overdue_notice(one, Labels()) == "逾期 71 天，请尽快到卫生室随访"
    # overdue for a programme the card names not (严重精神障碍: card.dues has only the named ones),
    # the named ones not yet due: the plain notice, never a named programme said overdue
    unnamed = CardData(
        **{**card.__dict__, "dues": {"htn": dt.date(2026, 12, 15), "t2dm": dt.date(2026, 12, 20)}}
    )
    assert _overdue_notice(unnamed, Labels()) == "逾期 71 天，请尽快到卫生室随访"
    # and a named one overdue later than the unnamed one: its own days, not the card's
    later = CardData(
        **{**card.__dict__, "dues": {"htn": dt.date(2026, 12, 15), "t2dm": dt.date(2026, 11, 1)}}
    )
    assert _overdue_notice(later, Labels()).startswith("2型糖尿病随访逾期 30 天")


def test_insulin_comes_first_on_a_card_with_more_drugs_than_room(store, person, tmp_path):
    """A patient with eight tablets and insulin: the card said "另有N种药未印出" and the insulin, added
    last, was among the drugs left off.  It comes first."""
    tablets = [{"name": f"药片{i}号", "mg_per_time": "10", "times_per_day": "1"} for i in range(1, 9)]
    with store.transaction() as s:
        r = save_resident(s, person(name="周戊", id_number="", sex="1", birth_date="1950-02-03"), today=TODAY)
        followup.enrol(s, r, "t2dm", dt.date(2025, 1, 1), doctor="李医生")
        save_visit(
            s,
            r,
            VisitInput(
                program="t2dm",
                visit_date="2026-11-20",
                measurements={"glucose": "7.2"},
                drugs=tablets,
                insulin_type="甘精胰岛素",
                insulin_dosage="睡前10单位",
                doctor="李医生",
            ),
            today=TODAY,
        )
        rid = r.id
    with store.session() as s:
        (card,) = card_data(s, [rid], today=TODAY)
    assert card.medication[0].insulin and card.medication[0].name == "甘精胰岛素"
    page = "".join(_card(store, rid, tmp_path))
    assert "甘精胰岛素" in page and "睡前10单位" in page and "种药未印出" in page

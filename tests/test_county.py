"""The county hub (issue 20, item 3): two townships of two villages each; villages → townships →
county over USB bundles and over the network mailbox; the county converges with each township,
refuses a township's bundle that reaches into another township, keeps no records of its own, and
reports the townships' indicators with the villages under them."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from app.config import Paths
from app.services import profile
from app.services.errors import UserError
from app.services.sync import exchange, snapshot
from app.services.sync import keys as device_keys
from tests import netkit, storekit, synckit
from tests.synckit import Device

pytestmark = pytest.mark.both_databases

COUNTY = "110105"
TOWNS = ("110105001", "110105002")
VILLAGES = {TOWNS[0]: ("110105001101", "110105001102"), TOWNS[1]: ("110105002101", "110105002102")}


def make(root: Path, name: str, role: str, code: str) -> Device:
    paths = Paths(root / name).ensure()
    store = storekit.new_store(paths.db_file, shared=role != "village")
    with store.transaction() as s:
        profile.init_profile(s, role=role, code=code, name=name, township_name=name[:3])
    device_keys.create_keys(paths.sub("keys"))
    return Device(name, paths, store)


def export(device: Device, to: Path, **kw) -> list[Path]:
    """USB export as ``cunyi sync export`` makes it (a township's first bundle to its county is its
    snapshot)."""
    to.mkdir(parents=True, exist_ok=True)
    result = snapshot.export_bundles(device.store, device.paths, to, **kw)
    return [b.path for b in result.bundles if b.path]


def applied(outcomes) -> None:
    """Every bundle addressed here imported (a USB folder may hold others' too)."""
    mine = [o for o in outcomes if o.status != "foreign"]
    assert mine and all(o.status in ("applied", "already") for o in mine), [
        (o.status, o.reason.render() if o.reason else None) for o in outcomes
    ]


class Hub:
    def __init__(self, root: Path):
        from app.tools import demo

        self.root = root
        self.county = make(root, "朝阳区卫健委", "county", COUNTY)
        self.towns = {t: make(root, f"乡{t[-1]}卫生院", "township", t) for t in TOWNS}
        self.villages = {}
        for n, (t, codes) in enumerate(VILLAGES.items()):
            for i, code in enumerate(codes):
                v = make(root, f"村{code[-4:]}", "village", code)
                with v.store.transaction() as s:
                    demo.generate_demo(s, 10 + 3 * i, seed=40 + 2 * n + i, today=synckit.TODAY)
                self.towns[t].trust(v)
                v.trust(self.towns[t])
                self.villages[code] = v
        for t in self.towns.values():
            self.county.trust(t)
            t.trust(self.county)
        self.n = 0

    def usb(self, sender: Device, recipient: Device, *, every_peer: bool = False) -> list:
        """``sync export`` (for the recipient, or ``every_peer``) then ``sync import`` there."""
        self.n += 1
        folder = self.root / f"usb{self.n}"
        export(sender, folder, **({} if every_peer else {"peer": recipient.device_id.hex}))
        return recipient.import_(folder)

    def up(self) -> None:
        """Every village to its township, every township to the county (USB)."""
        for code, v in self.villages.items():
            applied(self.usb(v, self.towns[code[:9]]))
        for t in self.towns.values():  # as `cunyi sync export` writes: a bundle for every peer
            applied(self.usb(t, self.county, every_peer=True))


@pytest.fixture
def hub(tmp_path):
    h = Hub(tmp_path)
    yield h
    for d in [h.county, *h.towns.values(), *h.villages.values()]:
        storekit.discard(d.store)


def same_as_township(hub: Hub) -> None:
    for t in TOWNS:
        for code in VILLAGES[t]:
            assert synckit.dump(hub.county.store, code) == synckit.dump(hub.towns[t].store, code), code


def test_villages_to_townships_to_county_usb_converges_with_field_clocks(hub):
    hub.up()
    same_as_township(hub)
    # later edits: a village's visit, a township's correction of a resident's phone
    from sqlalchemy import select

    from app.models import Resident

    town = hub.towns[TOWNS[0]]
    with town.store.transaction() as s:
        r = s.scalars(select(Resident).order_by(Resident.archive_no)).first()
        r.phone = "13900000000"
        rid = r.id
    hub.up()
    same_as_township(hub)
    with hub.county.store.session() as s:
        assert s.get(Resident, rid).phone == "13900000000"
    # the county's acknowledgements go down: the township knows the county has everything
    applied(hub.usb(hub.county, town))
    with town.store.session() as s:
        county_peer = next(p for p in device_keys.peers(s) if p.role == "county")
        held = exchange.holdings(s)
        # (only the audit entries of this very exchange are left to send)
        assert exchange._count(s, county_peer, exchange._wanted(county_peer, held), audit=False) == 0
        assert county_peer.acked[town.device_id.hex] > 0
    # the township's correction still goes down to its villages as before: each converges
    for code in VILLAGES[TOWNS[0]]:
        v = hub.villages[code]
        hub.usb(town, v)
        assert synckit.dump(v.store, code) == synckit.dump(town.store, code)


def test_a_village_enrolled_after_the_county_reaches_it(hub):
    """The county's first bundle was the snapshot; a village a township enrols later comes in
    ordinary bundles, its name and code (which only the township writes) with it."""
    from app.tools import demo

    hub.up()
    town = hub.towns[TOWNS[0]]
    code = TOWNS[0] + "103"
    v = make(hub.root, "村新", "village", code)
    with v.store.transaction() as s:
        demo.generate_demo(s, 6, seed=77, today=synckit.TODAY)
    town.trust(v)
    v.trust(town)
    applied(hub.usb(v, town))
    applied(hub.usb(town, hub.county))
    assert synckit.dump(hub.county.store, code) == synckit.dump(town.store, code)
    assert synckit.dump(hub.county.store, code)["resident"]
    storekit.discard(v.store)


def test_county_refuses_edits_of_records(hub):
    hub.up()
    from sqlalchemy import select

    from app.models import Resident

    with pytest.raises(UserError, match="县级"), hub.county.store.transaction() as s:
        s.scalars(select(Resident)).first().phone = "1"


def test_county_staff_are_told_the_county_writes_no_records(hub, tmp_path, capsys):
    """Logged in (as the GUI always is), county staff were told "县公卫 没有权限修改档案：…", as if
    another account might; the county's own sentence says where the record is corrected."""
    from sqlalchemy import select

    from app.cli import main
    from app.models import Resident
    from app.services.access import accounts

    hub.up()
    with hub.county.store.transaction() as s:
        accounts.create_user(s, "cs", "pass-word-1", "township_staff", display_name="县公卫")
        archive = s.scalars(select(Resident.archive_no)).first()
    (tmp_path / "pw").write_text("pass-word-1\n")
    capsys.readouterr()
    args = [
        "--data-dir",
        str(hub.county.paths.data_dir),
        "--user",
        "cs",
        "--password-file",
        str(tmp_path / "pw"),
    ]
    assert main([*args, "residents", "update", archive, "--set", "phone=13800000001"]) == 1
    err = capsys.readouterr().err
    assert "县级只查阅和统计" in err and "没有权限" not in err, err


def test_a_township_bundle_touching_another_townships_resident_is_refused_whole(hub, tmp_path):
    hub.up()
    from sqlalchemy import func, select

    from app.models import ChangeLog, Resident

    t1, t2 = hub.towns[TOWNS[0]], hub.towns[TOWNS[1]]
    with t2.store.session() as s:
        other = s.scalars(select(Resident).order_by(Resident.archive_no)).first()
        other_id = other.id
    with t1.store.transaction() as s:
        own = s.scalars(select(Resident).order_by(Resident.archive_no)).first()
        own.phone = "13811111111"
    with t1.store.session() as s:
        mine = ChangeLog.origin == t1.device_id
        entry = s.scalars(
            select(ChangeLog).where(mine, ChangeLog.entity == "resident").order_by(ChangeLog.seq.desc())
        ).first()
        top = s.scalar(select(func.max(ChangeLog.seq)).where(mine))
        good = synckit.change_op(entry, s)
        # a change of T1's own, then one to T2's resident, declared as if of T1's village
        forged = dict(good, s=top + 1, r=other_id.hex)
        forged["d"] = {"v": {"phone": "13822222222"}, "b": {}}
    before = synckit.dump_everything(hub.county.store)
    path = synckit.craft_bundle(t1, hub.county, [good, forged], tmp_path / "forged")
    [outcome] = hub.county.import_(path)
    assert outcome.status == "rejected"
    assert "越权" in outcome.reason.render()
    assert synckit.dump_everything(hub.county.store) == before


def test_a_township_claiming_another_townships_changes_is_refused_whole(hub, tmp_path):
    hub.up()
    t1, t2 = hub.towns[TOWNS[0]], hub.towns[TOWNS[1]]
    before = synckit.dump_everything(hub.county.store)
    path = synckit.craft_bundle(
        t1, hub.county, [], tmp_path / "claim", ranges={t2.device_id.hex: [0, 10_000]}
    )
    [outcome] = hub.county.import_(path)
    assert outcome.status == "rejected" and "另一乡镇" in outcome.reason.render()
    assert synckit.dump_everything(hub.county.store) == before


def _audit_op(origin_hex: str, seq: int, device_hex: str, scope: str) -> dict:
    import uuid as _uuid

    return {
        "o": origin_hex,
        "s": seq,
        "e": "audit_log",
        "r": _uuid.uuid4().hex,
        "h": f"{synckit.capture.wall_ms():012x}0000{origin_hex[-8:]}",
        "c": scope,
        "u": None,
        "d": {
            "b": "",
            "v": {"action": "void", "username": "admin", "scope_code": scope, "device_id": device_hex},
        },
    }


@pytest.mark.parametrize("how", ["origin", "snapshot"])
def test_a_township_cannot_write_another_townships_audit_entries(hub, tmp_path, how):
    """T1 sent audit entries as T2 (an op of T2's origin; or a snapshot row naming T2's device):
    they landed in the county's copy of T2's trail, whose chain check then failed for good."""
    hub.up()
    t1, t2 = hub.towns[TOWNS[0]], hub.towns[TOWNS[1]]
    if how == "origin":
        op = _audit_op(t2.device_id.hex, 10_000, t2.device_id.hex, t1.status()["code"])
        claims = {"ranges": {}}
    else:
        op = _audit_op(t1.device_id.hex, 0, t2.device_id.hex, t1.status()["code"])
        claims = {"ranges": {}, "snapshot": True}
    before = synckit.dump_everything(hub.county.store)
    path = synckit.craft_bundle(t1, hub.county, [op], tmp_path / "forged", **claims)
    [outcome] = hub.county.import_(path)
    assert outcome.status == "rejected", outcome.status
    assert "越权" in outcome.reason.render()
    assert synckit.dump_everything(hub.county.store) == before


def test_trust_refuses_a_township_of_another_county(hub, tmp_path):
    stranger = make(tmp_path / "x", "外县乡", "township", "110106001")
    card = device_keys.read_card(stranger.card())
    with pytest.raises(UserError, match="不属于本县"), hub.county.store.transaction() as s:
        device_keys.trust(s, card)
    storekit.discard(stranger.store)


def test_trust_tells_a_village_of_the_county_to_sync_with_its_township(hub):
    code, village = next(iter(hub.villages.items()))
    card = device_keys.read_card(village.card())
    with pytest.raises(UserError) as refused, hub.county.store.transaction() as s:
        device_keys.trust(s, card)
    said = refused.value.render()
    assert f"这张卡是村卫生室 {code}" in said and "与所属乡镇卫生院同步" in said and "不属于本县" not in said


def test_network_township_syncs_up_to_the_county_mailbox(hub):
    for code, v in hub.villages.items():
        applied(hub.usb(v, hub.towns[code[:9]]))
    with netkit.serve(hub.county) as server:
        for t in hub.towns.values():
            report = netkit.sync(t, server)
            assert report.ok, report.error and report.error.render()
        same_as_township(hub)
        # the county's acknowledgement arrives at the next run
        t = hub.towns[TOWNS[0]]
        report = netkit.sync(t, server)
        assert report.ok
    with t.store.session() as s:
        county_peer = next(p for p in device_keys.peers(s) if p.role == "county")
        assert county_peer.acked.get(t.device_id.hex, 0) > 0


# ------------------------------------------------------------------ county indicators


def _figures(report, key):
    r = report.result(key)
    return {v.code: (r.villages[v.id].numerator, r.villages[v.id].denominator) for v in report.villages}


def test_county_indicators_are_its_townships_with_their_villages(hub):
    from app.services.indicators import engine
    from app.services.indicators.output import report_data

    hub.up()
    period = engine.parse_period(synckit.TODAY.year)
    with hub.county.store.session() as s:
        county = engine.evaluate(s, period)
        data = report_data(county)
    assert [t.code for t in county.townships] == list(TOWNS)
    keys = [r.key for r in county.results]
    for t in TOWNS:
        with hub.towns[t].store.session() as s:
            own = engine.evaluate(s, period)
        for key in keys:
            mine = own.result(key)
            theirs = county.township_figure(county.result(key), t)
            assert (theirs.numerator, theirs.denominator) == (mine.total.numerator, mine.total.denominator), (
                key
            )
            assert {c: f for c, f in _figures(county, key).items() if c[:9] == t} == _figures(own, key), key
    # the county's total is its townships' summed, for every indicator counted over residents
    for ind in data["indicators"]:
        assert ind["numerator"] == sum(t["numerator"] for t in ind["townships"])
        if all(t["denominator"] is not None for t in ind["townships"]):
            assert ind["denominator"] == sum(t["denominator"] for t in ind["townships"])
        assert set(ind) >= {
            "key",
            "name",
            "numerator",
            "denominator",
            "rate",
            "target",
            "villages",
            "townships",
        }
        for t in ind["townships"]:
            # (and "own": a township's own activities, for the indicators that count them)
            counted = (
                {"units_short"} if ind["unit"] != "rate" else set()
            )  # (a count's units short of their minimum)
            assert set(t) - {"own"} == {
                "code",
                "name",
                "numerator",
                "denominator",
                "rate",
                "villages",
                *counted,
            }
            assert "own" not in t or ind["key"].startswith("education_")
            assert [v["code"] for v in t["villages"]] == list(VILLAGES[t["code"]])
            assert set(t["villages"][0]) == {"code", "name", "numerator", "denominator", "rate", "groups"}
    records = next(i for i in data["indicators"] if i["key"] == "records")
    assert records["denominator"] is not None or records["numerator"] > 0


def test_county_drilldown_lists_the_townships_residents(hub):
    from app.services.indicators import engine

    hub.up()
    period = engine.parse_period(synckit.TODAY.year)
    for key in ("records", "htn_standard"):
        which = "numerator" if key == "records" else "denominator"
        for t in TOWNS:
            with hub.county.store.session() as s:
                at_county = engine.drilldown(s, key, period, which, township_code=t)
            with hub.towns[t].store.session() as s:
                at_town = engine.drilldown(s, key, period, which)
            assert at_town, key
            assert [(x.archive_no, x.counted) for x in at_county] == [
                (x.archive_no, x.counted) for x in at_town
            ]
        with hub.county.store.session() as s:
            whole = engine.drilldown(s, key, period, which)
            one = engine.drilldown(s, key, period, which, village_code=VILLAGES[TOWNS[1]][0])
        assert {x.village_code[:9] for x in whole} == set(TOWNS)
        assert {x.village_code for x in one} == {VILLAGES[TOWNS[1]][0]}


@pytest.mark.parametrize("user,sees", [("mh", True), ("plain", False)])
def test_county_user_sees_smi_only_with_the_mental_health_permission(hub, user, sees):
    from sqlalchemy import func, select

    from app.models import ProgramEnrolment, Resident
    from app.services.access import accounts
    from app.services.indicators import engine
    from app.services.programmes import smi

    v = hub.villages[VILLAGES[TOWNS[1]][0]]
    with v.store.transaction() as s:
        patient = s.scalars(select(Resident).order_by(Resident.archive_no)).first().archive_no
        smi.register(s, patient, smi.SmiRegistrationInput(diagnosis="1", consent="1"), today=synckit.TODAY)
        smi.record_visit(s, patient, smi.input_with(visit_date=synckit.TODAY.isoformat(), danger="0"))
    hub.up()
    store = hub.county.store
    with store.transaction() as s:
        accounts.create_user(
            s, "mh", "pass-word-1", "township_staff", display_name="县精防", permissions=("mental_health",)
        )
        accounts.create_user(s, "plain", "pass-word-1", "township_staff", display_name="县公卫")
    with store.session() as s:
        archives = list(
            s.scalars(
                select(ProgramEnrolment.resident_id).where(
                    ProgramEnrolment.program == "smi", ProgramEnrolment.voided.is_(False)
                )
            )
        )
        held = s.scalar(
            select(func.count()).select_from(ProgramEnrolment).where(ProgramEnrolment.program == "smi")
        )
    assert held > 0  # the county holds its townships' SMI records (exchange.audience)
    period = engine.parse_period(synckit.TODAY.year)
    store.actor = accounts.login(store, user, "pass-word-1")
    try:
        with store.session() as s:
            archive = s.get(Resident, archives[0]).archive_no
            if sees:
                assert engine.drilldown(s, "smi_standard", period, "denominator")
            else:  # no list of nobody: refused, saying why
                with pytest.raises(UserError, match="无权查看这类患者"):
                    engine.drilldown(s, "smi_standard", period, "denominator")
            if sees:
                assert smi.record_of(s, archive) is not None
            else:
                with pytest.raises(UserError):
                    smi.record_of(s, archive)
        # and nobody at the county writes a record
        with store.session() as s, pytest.raises(UserError):
            smi.record_visit(s, archive, smi.input_with(visit_date=synckit.TODAY.isoformat(), danger="1"))
    finally:
        store.actor = None


# ------------------------------------------------------------------ command line


def _cli(capsys, *argv) -> tuple[int, str, str]:
    from app import cli

    capsys.readouterr()
    code = cli.main([str(a) for a in argv])
    out = capsys.readouterr()
    return code, out.out, out.err


def test_cli_init_county_on_either_database(tmp_path, capsys):
    folder = storekit.data_dir_for_init(tmp_path / "county")
    db = []
    if storekit.backend() == "postgresql":  # the county's store on the server, as `init --db URL`
        db = ["--db", storekit._new_database(storekit.pg_schema_template())]
    code, out, err = _cli(
        capsys,
        "--data-dir",
        folder,
        *db,
        "init",
        "--role",
        "county",
        "--code",
        "110105",
        "--name",
        "朝阳区卫生健康委",
    )
    assert code == 0, err
    assert "110105" in out and "县级卫生健康委" in out
    from app.config import resolve_db_url
    from app.db import Store

    store = Store(resolve_db_url(Paths(folder)))
    try:
        with store.session() as s:
            info = profile.profile_info(s)
            assert (info.role, info.code, info.name, info.is_county) == (
                "county",
                "110105",
                "朝阳区卫生健康委",
                True,
            )
    finally:
        storekit.discard(store) if db else store.dispose()
    for bad, words in (("1101050", "县级代码应为6位数字"), ("999999", "不是有效的县级行政区划代码")):
        folder = storekit.data_dir_for_init(tmp_path / f"bad{bad}")
        code, out, err = _cli(
            capsys, "--data-dir", folder, "init", "--role", "county", "--code", bad, "--name", "县"
        )
        assert code != 0 and words in err and "Traceback" not in err


def test_cli_county_report_townships_first_and_lists(hub, capsys):
    hub.up()
    county = hub.county.paths.data_dir
    year = str(synckit.TODAY.year)
    code, out, err = _cli(capsys, "--data-dir", county, "report", "indicators", "--year", year, "--json")
    assert code == 0, err
    data = json.loads(out)
    records = next(i for i in data["indicators"] if i["key"] == "records")
    assert [t["code"] for t in records["townships"]] == list(TOWNS)
    assert [v["code"] for v in records["villages"]] == [c for t in TOWNS for c in VILLAGES[t]]
    code, out, err = _cli(
        capsys, "--data-dir", county, "report", "indicators", "--year", year, "--by", "village"
    )
    assert code == 0, err
    block = out.split("\n")
    # (the townships were set up as "乡1卫生院": the place is 乡1, the institution 乡1卫生院)
    first = next(i for i, line in enumerate(block) if line.strip().startswith("乡1 "))
    assert block[first + 1].strip().startswith("村") and block[first + 3].strip().startswith("乡2 ")
    code, out, err = _cli(
        capsys, "--data-dir", county, "report", "indicators", "--year", year, "--township", TOWNS[1],
        "--indicator", "records", "--list", "numerator", "--json",
    )  # fmt: skip
    assert code == 0, err
    residents = json.loads(out)["residents"]
    assert residents and {r["village"] for r in residents} == set(VILLAGES[TOWNS[1]])
    code, out, err = _cli(
        capsys, "--data-dir", county, "report", "indicators", "--year", year, "--township", "110105009"
    )
    assert code != 0 and "110105009" in err and "Traceback" not in err
    code, out, err = _cli(
        capsys, "--data-dir", county, "report", "indicators", "--year", year, "-o", county / "c.xlsx"
    )
    assert code == 0, err
    import openpyxl

    ws = openpyxl.load_workbook(county / "c.xlsx").worksheets[0]
    assert ws.cell(row=3, column=3).value == "全县"
    assert str(ws.cell(row=3, column=7).value).startswith("乡1")
    assert str(ws.cell(row=3, column=10).value).startswith("乡2")
    code, out, err = _cli(
        capsys, "--data-dir", county, "report", "indicators", "--year", year, "-o", county / "c.pdf"
    )
    assert code == 0, err
    assert (county / "c.pdf").read_bytes().startswith(b"%PDF")
    if shots := __import__("os").environ.get("CUNYI_COUNTY_SHOTS"):
        __import__("shutil").copyfile(county / "c.pdf", Path(shots) / "county.pdf")


# ------------------------------------------------------------------ the county 工作台


@pytest.mark.slow
@pytest.mark.gui
def test_county_workbench_townships_open_into_villages_and_numbers_drill_down(hub, gui_app, qtbot, tmp_path):
    from app.services.indicators import engine
    from app.views.main_window import MainWindow
    from app.views.startup import install_translator
    from app.views.township_home import FIXED_COLUMNS

    hub.up()
    shots = Path(__import__("os").environ.get("CUNYI_COUNTY_SHOTS", tmp_path))
    for lang in ("zh", "en"):
        install_translator(gui_app, lang)
        try:
            window = MainWindow(hub.county.store, hub.county.paths)
            qtbot.addWidget(window)
            window.show()
            page = window.home
            page.wait_until_loaded()
            page.year.setValue(synckit.TODAY.year)
            page.wait_until_loaded()
            assert page.county and ("县级" in window.windowTitle()) == (lang == "zh")
            report = page.bench.report
            assert [c[0].code for c in page.columns[1:]] == list(TOWNS)  # the townships, closed
            page.header_clicked(FIXED_COLUMNS)  # the first township opens into its villages
            assert [c[0].code for c in page.columns[1:]] == [TOWNS[0], *VILLAGES[TOWNS[0]], TOWNS[1]]
            window.resize(1400, 820)
            window.grab().save(str(shots / f"county-{lang}.png"))
        finally:
            install_translator(gui_app, "zh")
    row = [r.key for r in report.results].index("records")
    town_col = page.column_of(TOWNS[1])
    expected = report.township_figure(report.results[row], TOWNS[1])
    den = "—" if expected.denominator is None else f"{expected.denominator:,}"
    assert page.table.item(row, town_col).text().endswith(f"{expected.numerator:,} / {den}")
    dialog = page.cell_clicked(row, town_col)  # closed with the window
    with qtbot.waitSignal(dialog.task.finished, timeout=30_000):
        pass
    assert dialog.lines and {line.village_code[:9] for line in dialog.lines} == {TOWNS[1]}
    period = engine.parse_period(synckit.TODAY.year)
    with hub.towns[TOWNS[1]].store.session() as s:
        at_town = engine.drilldown(s, "records", period, "numerator")  # its denominator is a figure
    assert sorted(line.archive_no for line in dialog.lines) == sorted(x.archive_no for x in at_town)
    dialog.grab().save(str(shots / "county-drilldown.png"))


def test_the_workbench_says_when_each_unit_last_sent_and_who_was_revoked(hub):
    """A township's 工作台 shows, for a village whose PC it revoked, its last import and that it is
    revoked (not "never synced"); a county's shows its townships', not its villages' (whose data
    reaches it in its townships')."""
    from app.services.indicators import Period, workbench

    hub.up()
    code, town = next(iter(hub.towns.items()))
    village_code = next(c for c in hub.villages if c.startswith(code))
    with town.store.transaction() as s:
        device_keys.revoke(s, hub.villages[village_code].device_id.hex)
    with town.store.session() as s:
        bench = workbench.township_workbench(s, Period.year(synckit.TODAY.year), today=synckit.TODAY)
    sync = bench.sync[village_code]
    assert sync.revoked and sync.last_import is not None and sync.days_missing is not None
    assert not any(v.revoked for c, v in bench.sync.items() if c != village_code)
    with hub.county.store.session() as s:
        bench = workbench.township_workbench(s, Period.year(synckit.TODAY.year), today=synckit.TODAY)
    assert sorted(bench.sync) == sorted(hub.towns)
    assert all(v.last_import is not None and not v.revoked for v in bench.sync.values())


def test_a_townships_report_on_the_county_counts_its_own_health_education(hub):
    """Found by the attacker: the county's report of one township (`--township`) left out that
    township's own lectures (its health centre's, not a village's): 18 / 18 已达到 where the
    township and the county's own row said 29 / 30 差 1 期.  It is the township's figure now."""
    from app.models import EducationActivity
    from app.services.indicators import engine

    for t in TOWNS:  # each health centre's own lectures (a village's are its demo's)
        with hub.towns[t].store.transaction() as s:
            for month in (1, 2, 3):
                s.add(EducationActivity(scope_code=t, held_on=dt.date(synckit.TODAY.year, month, 5), place="卫生院",
                                        form="5", topic="讲座", audience_count=20))  # fmt: skip
    hub.up()
    period = engine.parse_period(synckit.TODAY.year)
    keys = [k for k in (r.key for r in engine.load_indicators()) if k.startswith("education_")]
    with hub.county.store.session() as s:
        county = engine.evaluate(s, period, keys=keys)
        one = {t: engine.evaluate(s, period, keys=keys, township_code=t) for t in TOWNS}
    for t in TOWNS:
        with hub.towns[t].store.session() as s:
            own = engine.evaluate(s, period, keys=keys)
        for key in keys:
            mine, theirs = own.result(key).total, one[t].result(key).total
            row = county.township_figure(county.result(key), t)
            assert (theirs.numerator, theirs.denominator) == (mine.numerator, mine.denominator), (t, key)
            assert (row.numerator, row.denominator) == (mine.numerator, mine.denominator), (t, key)
    lectures = one[TOWNS[0]].result("education_lectures")
    assert lectures.own.get(TOWNS[0], (0, 0))[0] == 3  # the three lectures of its own, as its own row

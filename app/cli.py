"""The ``cunyi`` command line: a thin view over the services (see DESIGN.md, CLI contract).

User errors are one plain sentence on stderr and exit status 1; no traceback.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

from app import __version__
from app.config import Paths, resolve_data_dir, resolve_db_url, setup_logging
from app.services.errors import UserError
from app.services.records.residents import find_resident

PROCESS_T0 = time.perf_counter()


class CliError(Exception):
    pass


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="cunyi", description="CunYi 村医 — village clinic health records")
    p.add_argument("--data-dir", help="data directory (default: the user data dir, or $CUNYI_DATA_DIR)")
    p.add_argument("--db", help="database URL (default: SQLite in the data dir, or $CUNYI_DB_URL)")
    p.add_argument("--version", action="version", version=f"cunyi {__version__}")
    p.add_argument(
        "--user",
        help="act as this user (password from --password-file or a prompt); default: the system account",
    )
    p.add_argument(
        "--password-file", help="file whose first line is the password (for --user, init --admin, user add)"
    )
    sub = p.add_subparsers(dest="command")

    g = sub.add_parser("gui", help="open the app (default)")
    g.add_argument(
        "--smoke", action="store_true", help="open the main window, print time to first paint, exit"
    )
    g.add_argument("--screenshots", metavar="DIR", help="save PNGs of every main page and exit")
    g.add_argument("--lang", choices=["zh", "en"], help="UI language for this run")
    g.add_argument(
        "--scroll-residents",
        action="store_true",
        help="(with --smoke) load the whole resident list, then print peak memory",
    )

    i = sub.add_parser("init", help="set up this installation as a village clinic or a township centre")
    i.add_argument("--role", required=True, choices=["village", "township"])
    i.add_argument("--code", required=True, help="12-digit village code or 9-digit township code")
    i.add_argument("--name", required=True, help="village or township name")
    i.add_argument("--township-name", help="(village) the township's name")
    i.add_argument("--institution", help="name printed as 建档单位 (default: <name>卫生室/卫生院)")
    i.add_argument("--phone", help="clinic phone")
    i.add_argument("--admin", default="admin", help="first user's login name (password: --password-file)")
    i.add_argument("--admin-name", help="first user's display name")

    d = sub.add_parser("demo", help="add realistic synthetic residents")
    d.add_argument("--residents", type=int, default=3000)
    d.add_argument("--seed", type=int, default=1)
    d.add_argument("--villages", type=int, help="(township) how many villages")

    r = sub.add_parser("residents", help="resident records").add_subparsers(dest="action", required=True)
    ri = r.add_parser("import", help="import a roster (.xlsx or .csv)")
    ri.add_argument("file")
    ri.add_argument("--dry-run", action="store_true")
    ri.add_argument("--skip-invalid", action="store_true")
    ri.add_argument("--village", default="", help="(township) 12-digit code of the residents' village")
    ri.add_argument("--json", action="store_true")
    rt = r.add_parser("template", help="write an empty roster template")
    rt.add_argument("-o", "--output", required=True)
    rs = r.add_parser("search", help="search residents as the app does")
    rs.add_argument("query")
    rs.add_argument("--limit", type=int, default=20)
    rs.add_argument("--json", action="store_true")
    ru = r.add_parser("update", help="correct fields of a resident's record (same checks as the form)")
    ru.add_argument("resident", help="17-digit archive number, its last 8 digits, or record id")
    ru.add_argument(
        "--set",
        dest="assignments",
        action="append",
        required=True,
        metavar="FIELD=VALUE",
        help="a text field of the personal form, e.g. phone=13800138000 or current_address=…",
    )
    re_ = r.add_parser("export", help="export all residents (.xlsx or .csv)")
    re_.add_argument("file")
    pr = sub.add_parser("print", help="print documents as PDF").add_subparsers(dest="document", required=True)
    resident_help = "17-digit archive number, its last 8 digits (with or without the dash), or record id"

    def print_parser(name: str, help_text: str) -> argparse.ArgumentParser:
        sp = pr.add_parser(name, help=help_text)
        sp.add_argument("-o", "--output", required=True, metavar="FILE.pdf")
        sp.add_argument("--lang", choices=["zh", "en"], default="zh", help="language of the labels")
        return sp

    pp = print_parser("referral", "双向转诊单 (转出, or 回转 with --return)")
    pp.add_argument("id", help="the referral's id")
    pp.add_argument("--return", dest="returning", action="store_true", help="print the 回转 (return) slip")
    pp = print_parser("card", "one follow-up card, front and back, card size")
    pp.add_argument("resident", help=resident_help)
    for name, help_text in (("cards", "A4 sheets of follow-up cards"), ("worklist", "home-visit worklist")):
        pp = print_parser(name, help_text)
        pp.add_argument(
            "--due-within",
            type=int,
            default=7,
            metavar="DAYS",
            help="overdue and due within DAYS (default 7)",
        )
        pp.add_argument("--group", default="", help="only this village group (村民小组), by name")
        pp.add_argument("--village", default="", help="(township) only this 12-digit village code")
        if name == "cards":
            pp.add_argument("--per-sheet", type=int, choices=[8, 10], default=10)
        else:
            pp.add_argument("--program", choices=["htn", "t2dm"])
    pp = print_parser("cover", "居民健康档案封面 with the full 17-digit number")
    pp.add_argument("resident", help=resident_help)
    pp = print_parser("blank", "blank follow-up form for days without power")
    pp.add_argument("program", choices=["htn", "t2dm"])

    f = sub.add_parser("followup", help="chronic-disease follow-ups").add_subparsers(
        dest="action", required=True
    )
    fa = f.add_parser("add", help="record a hypertension or diabetes follow-up (same rules as the form)")
    fa.add_argument("resident", help="17-digit archive number, its last 8 digits, or record id")
    fa.add_argument("--program", required=True, choices=["htn", "t2dm"])
    fa.add_argument("--date", required=True, help="visit date YYYY-MM-DD")
    fa.add_argument("--method", default="1", choices=["1", "2", "3"], help="1 clinic, 2 home, 3 phone")
    for name, help_ in (
        ("sbp", "systolic mmHg"),
        ("dbp", "diastolic mmHg"),
        ("hr", "heart rate /min"),
        ("weight", "kg"),
        ("height", "cm"),
        ("glucose", "fasting glucose mmol/L"),
        ("hba1c", "HbA1c %"),
    ):
        fa.add_argument(f"--{name}", help=help_)
    fa.add_argument("--symptoms", default="", help="symptom codes of the form, e.g. 1 or 2,6")
    fa.add_argument("--signs", default="", help="emergency signs, e.g. consciousness,headache")
    fa.add_argument("--adverse", action="store_true", help="adverse drug reaction")
    fa.add_argument("--complication", action="store_true", help="new or worse complication")
    fa.add_argument("--adherence", choices=["1", "2", "3"])
    fa.add_argument("--next", dest="next_due", default="", help="next visit date (default: the suggestion)")
    fa.add_argument("--doctor", default="")
    fa.add_argument("--correction", action="store_true", help="replace the visit already recorded that day")
    fa.add_argument("--confirm", action="store_true", help="save unusual (but possible) values")
    fa.add_argument("--enrol", action="store_true", help="start management on the visit date if not enrolled")
    fa.add_argument("--json", action="store_true")

    dv = sub.add_parser("device", help="this device's card, and the devices it trusts").add_subparsers(
        dest="action", required=True
    )
    dc = dv.add_parser("card", help="write this device's public card (JSON, and a QR code PNG beside it)")
    dc.add_argument("-o", "--output", required=True, metavar="FILE.json")
    dt_ = dv.add_parser("trust", help="trust a peer's card (compare its fingerprint by phone first)")
    dt_.add_argument("file")
    dt_.add_argument("--json", action="store_true")
    dl = dv.add_parser("list", help="trusted devices")
    dl.add_argument("--json", action="store_true")
    dp = dv.add_parser(
        "protect", help="(admin) wrap the device keys with a passphrase (from --password-file)"
    )
    dp.add_argument("--remove", action="store_true", help="remove the passphrase instead")
    dr = dv.add_parser("revoke", help="stop trusting a device: its later bundles are refused")
    dr.add_argument("id", help="device id (or a prefix of it) or its village/township code")

    sy = sub.add_parser("sync", help="change bundles to and from other devices").add_subparsers(
        dest="action", required=True
    )
    se = sy.add_parser("export", help="write one bundle per trusted device into a folder (USB stick)")
    se.add_argument("--to", required=True, metavar="DIR")
    se.add_argument("--peer", help="only this device (id prefix or code)")
    se.add_argument("--always", action="store_true", help="write a bundle even when there is nothing new")
    se.add_argument("--json", action="store_true")
    si = sy.add_parser("import", help="import the bundles addressed to this device (a file or a folder)")
    si.add_argument("path")
    si.add_argument("--json", action="store_true")
    ss = sy.add_parser("status", help="per device: last export/import, changes not yet acknowledged, marks")
    ss.add_argument("--json", action="store_true")
    sc = sy.add_parser("conflicts", help="open conflicts and possible duplicates")
    sc.add_argument("--json", action="store_true")
    sk = sy.add_parser("escrow", help="the county's age public key: every bundle is also encrypted to it")
    sk.add_argument("key", nargs="?", help="an age recipient (age1…); omit to show the current one")
    sk.add_argument("--clear", action="store_true", help="stop encrypting to an escrow key")
    sr = sy.add_parser("resolve", help="(township) resolve a conflict: keep the current value or the other")
    sr.add_argument("id", help="conflict id (or a prefix)")
    sr.add_argument("choice", choices=["kept", "lost", "reviewed"])

    us = sub.add_parser("user", help="accounts (admin)").add_subparsers(dest="action", required=True)
    ua = us.add_parser("add", help="add a user (password from --password-file)")
    ua.add_argument("username")
    ua.add_argument("--role", required=True, choices=["village_doctor", "township_staff", "admin"])
    ua.add_argument("--name", help="display name (as on the forms)")
    ua.add_argument("--village", help="a village doctor's 12-digit village code (default: this village)")
    ul = us.add_parser("list", help="users")
    ul.add_argument("--json", action="store_true")
    up = us.add_parser("passwd", help="set a user's password (from --password-file)")
    up.add_argument("username")
    ud = us.add_parser("deactivate", help="deactivate a user (users are never deleted)")
    ud.add_argument("username")

    au = sub.add_parser("audit", help="the audit trail (admin, township staff)")
    au.add_argument("--since", help="YYYY-MM-DD")
    au.add_argument("--until", help="YYYY-MM-DD")
    au.add_argument("--who", default="", help="only this user")
    au.add_argument(
        "--action", default="", help="create, update, void, print, export, import, login, denied …"
    )
    au.add_argument("--text", default="", help="in the record, its id or the summary")
    au.add_argument("--json", action="store_true")
    au.add_argument("-o", "--output", help="write CSV instead")

    bk = sub.add_parser("backup", help="write a consistent copy of the store")
    bk.add_argument("-o", "--output", required=True, metavar="FILE|DIR")
    rs_ = sub.add_parser("restore", help="replace the store by a backup (checked first; the old one is kept)")
    rs_.add_argument("file")
    sub.add_parser("check", help="integrity, foreign keys, orphans and clock sanity, in plain words")

    b = sub.add_parser("bench", help="measure the performance budgets against raw baselines")
    b.add_argument("--scale", choices=["village", "township", "county"], default="township")
    b.add_argument("--json", action="store_true")
    b.add_argument("--only", help="comma-separated metric names or prefixes (search,gui.rss)")
    b.add_argument("--seed", type=int, default=1)
    return p


def _open(args, *, need_profile: bool = True):
    from app.db import SchemaError, Store
    from app.services import profile

    paths = Paths(resolve_data_dir(args.data_dir)).ensure()
    setup_logging(paths)
    try:
        store = Store(resolve_db_url(paths, args.db), backups_dir=paths.sub("backups"))
    except SchemaError as e:
        raise CliError(str(e)) from None
    if need_profile:
        with store.session() as s:
            profile.get_profile(s)  # raises: not initialised yet
        if getattr(args, "user", None):
            from app.services.access import accounts

            password = (
                accounts.read_password_file(args.password_file)
                if args.password_file
                else __import__("getpass").getpass(f"{args.user} 的密码：")
            )
            accounts.login(store, args.user, password)
    return paths, store


def _print_json(data) -> None:
    json.dump(data, sys.stdout, ensure_ascii=False, indent=2, default=str)
    sys.stdout.write("\n")


def cmd_init(args) -> int:
    from app.services import profile

    paths, store = _open(args, need_profile=False)
    with store.transaction() as s:
        p = profile.init_profile(
            s,
            role=args.role,
            code=args.code,
            name=args.name,
            township_name=args.township_name,
            institution=args.institution,
            phone=args.phone,
            admin=args.admin,
            admin_name=args.admin_name,
            admin_password=_password(args) if args.password_file else None,
        )
        print(
            f"已初始化：{p.name}（{p.code}，{'村卫生室' if p.role == 'village' else '乡镇卫生院'}），设备 {p.device_id}"
        )
    from app.services.sync import keys

    keys.create_keys(paths.sub("keys"))
    return 0


def cmd_demo(args) -> int:
    from app.tools import demo

    _, store = _open(args)
    last = [0.0]

    def progress(done: int, total: int) -> None:
        if sys.stderr.isatty() and (time.perf_counter() - last[0] > 1 or done == total):
            last[0] = time.perf_counter()
            print(f"\r{done}/{total}", end="", file=sys.stderr, flush=True)

    with store.transaction() as s:
        result = demo.generate_demo(s, args.residents, args.seed, villages=args.villages, progress=progress)
    print(file=sys.stderr)
    print(
        f"已生成演示数据：{result.villages} 个村，{result.households} 户，{result.residents} 人，"
        f"用时 {result.seconds:.1f} 秒"
    )
    return 0


def cmd_residents(args) -> int:
    from app.services.records import roster, search

    _, store = _open(args)
    if args.action == "template":
        roster.write_template(Path(args.output))
        print(f"已写入模板：{args.output}")
        return 0
    if args.action == "update":
        import dataclasses

        from app.services.records import residents as records

        text_fields = {f.name for f in dataclasses.fields(records.ResidentInput) if f.type == "str"}
        with store.transaction() as s:
            resident = find_resident(s, args.resident)
            inp = records.resident_input_from(resident)
            for item in args.assignments:
                key, sep, value = item.partition("=")
                if not sep or key not in text_fields:
                    raise CliError(f"不能这样修改：{item}（可改的字段：{', '.join(sorted(text_fields))}）")
                setattr(inp, key, value)
            saved = records.save_resident(s, inp, resident_id=resident.id)
            print(f"已更新 {saved.name}（{saved.archive_no}）")
        return 0
    if args.action == "export":
        with store.session() as s:
            n = roster.export_residents(s, Path(args.file))
        print(f"已导出 {n} 人：{args.file}")
        return 0
    if args.action == "search":
        with store.session() as s:
            rows = search.search_residents(s, args.query, limit=args.limit)
        if args.json:
            _print_json([r.as_json() for r in rows])
        else:
            for r in rows:
                sex = {"1": "男", "2": "女"}.get(r.sex, "")
                print(
                    f"{r.archive_no}  {r.name}\t{sex} {r.age:>3}岁  {r.id_masked}  {r.group_name}  {r.phone}"
                )
            if not rows:
                print("没有找到匹配的居民", file=sys.stderr)
        return 0
    # import
    with store.transaction() as s:
        report = roster.import_roster(
            s,
            Path(args.file),
            dry_run=args.dry_run,
            skip_invalid=args.skip_invalid,
            village_code=args.village,
        )
        if report.errors and not args.skip_invalid:
            s.rollback()
    if args.json:
        _print_json(report.as_json())
    else:
        for e in report.errors:
            print(f"第{e.row}行 [{e.column}] “{e.value}”：{e.reason}", file=sys.stderr)
        if report.ignored_columns:
            print(f"已忽略未知列：{'、'.join(report.ignored_columns)}", file=sys.stderr)
        if report.errors and not args.skip_invalid:
            print(
                f"共 {report.total_rows} 行，{len(report.rejected_rows)} 行有错误，未导入任何记录。"
                "改正后重新导入，或用 --skip-invalid 只导入正确的行。",
                file=sys.stderr,
            )
        else:
            verb = "可导入" if args.dry_run else "已导入"
            print(
                f"{verb} {report.imported} 人（新建 {report.households} 户），"
                f"跳过 {len(report.rejected_rows)} 行"
            )
            if report.rejected_file:
                print(f"被拒绝的行已写入：{report.rejected_file}")
    return 1 if report.errors and not args.skip_invalid else 0


def cmd_gui(args) -> int:
    from app.views.startup import run_gui

    paths, store = _open(args)
    return run_gui(
        store,
        paths,
        smoke=args.smoke,
        screenshots=args.screenshots,
        lang=args.lang,
        t0=PROCESS_T0,
        scroll_residents=args.scroll_residents,
    )


def cmd_followup(args) -> int:
    from app.services.programmes import followup

    _, store = _open(args)
    measurements = {
        key: value
        for key, value in (
            ("sbp", args.sbp),
            ("dbp", args.dbp),
            ("heart_rate", args.hr),
            ("weight", args.weight),
            ("height", args.height),
            ("glucose", args.glucose),
            ("hba1c", args.hba1c),
        )
        if value is not None
    }
    split = lambda text: [x.strip() for x in text.split(",") if x.strip()]  # noqa: E731
    inp = followup.VisitInput(
        program=args.program,
        visit_date=args.date,
        method=args.method,
        measurements=measurements,
        symptoms=split(args.symptoms),
        signs=split(args.signs),
        adverse_reaction=args.adverse,
        complication=args.complication,
        adherence=args.adherence or "",
        next_due=args.next_due,
        doctor=args.doctor,
        correction=args.correction,
        confirmed=args.confirm,
    )
    try:
        with store.transaction() as s:
            resident = find_resident(s, args.resident)
            saved = followup.save_visit(s, resident, inp, enrol_if_needed=args.enrol)
    except followup.NeedsConfirmation as e:
        print(f"需要确认：{e.render()}。核实无误请加 --confirm", file=sys.stderr)
        return 1
    if args.json:
        _print_json(saved.as_json())
    else:
        label = {1: "控制满意", 2: "控制不满意", 3: "不良反应", 4: "并发症"}.get(saved.classification, "—")
        print(f"已保存：{saved.visit_date} {label}，下次随访 {saved.next_due}")
        for reason in saved.emergency_reasons:
            print(f"紧急转诊：{reason}")
        if saved.referral_suggested:
            print("建议转诊")
    return 0


def print_labels(lang: str):
    """Labels for printed documents: Chinese as written, English from the .qm the GUI uses."""
    from app.services.printing import Labels

    if lang != "en":
        return Labels()
    from PySide6.QtCore import QTranslator  # QtCore only: the CLI needs no display

    from app.codes import english_label
    from app.config import resource_path

    translator = QTranslator()
    if not translator.load(str(resource_path("translations", "cunyi_en.qm"))):
        raise CliError("找不到英文翻译文件")

    def translate(context: str, text: str) -> str:
        out = translator.translate(context, text)
        return out or english_label(text) or text

    return Labels(translate, "en")


def cmd_print(args) -> int:
    import uuid

    from app.services import printing, profile
    from app.services.programmes import worklist

    _, store = _open(args)
    labels = print_labels(args.lang)
    started = time.perf_counter()
    with store.session() as s:
        if args.document == "referral":
            try:
                referral_id = uuid.UUID(args.id)
            except ValueError:
                raise CliError(f"转诊单编号格式不对：{args.id}") from None
            data = printing.referral_pdf(s, referral_id, labels, returning=args.returning)
        elif args.document == "card":
            data = printing.card_pdf(s, args.resident, labels)
        elif args.document == "cover":
            data = printing.cover_pdf(s, args.resident, labels)
        elif args.document == "blank":
            data = printing.blank_form_pdf(args.program, labels)
        else:
            is_village = profile.get_profile(s).role == profile.VILLAGE
            village = profile.get_village(s, args.village) if args.village or is_village else None
            village_id = village.id if village else None
            group_id = worklist.find_group(s, args.group, village_id) if args.group else None
            scope = {"group_id": group_id, "village_id": village_id}
            if args.document == "cards":
                ids = printing.due_resident_ids(s, args.due_within, **scope)
                if not ids:
                    raise CliError(f"没有逾期或{args.due_within}天内到期的随访对象，未生成文件")
                data = printing.cards_pdf(s, ids, labels, per_sheet=args.per_sheet)
            else:
                data = printing.worklist_pdf(
                    s, labels, due_within=args.due_within, program=args.program, **scope
                )
    path = printing.write_pdf(args.output, data)
    print(f"已写入 {path}（{len(data) / 1024:.0f} KB，用时 {time.perf_counter() - started:.2f} 秒）")
    return 0


def cmd_device(args) -> int:
    from app.services.sync import keys

    paths, store = _open(args)
    if args.action == "card":
        device_keys = keys.load_keys(paths.sub("keys"))
        with store.session() as s:
            card = keys.my_card(s, device_keys)
        path, png = keys.write_card(card, Path(args.output))
        print(f"已写入设备卡 {path} 和二维码 {png}")
        print(f"指纹：{card.fingerprint}（请对方核对后再信任）")
    elif args.action == "trust":
        card = keys.read_card(Path(args.file))
        with store.transaction() as s:
            peer = keys.trust(s, card)
            info = {"device_id": peer.device_id.hex, "code": peer.code, "name": peer.name, "role": peer.role}
        if args.json:
            _print_json({**info, "fingerprint": card.fingerprint})
        else:
            print(f"已信任 {card.code} {card.name}（{card.role}），设备 {card.device_id}")
            print(f"指纹：{card.fingerprint}")
    elif args.action == "list":
        with store.session() as s:
            rows = [
                {
                    "device_id": p.device_id.hex,
                    "role": p.role,
                    "code": p.code,
                    "name": p.name,
                    "fingerprint": p.fingerprint,
                    "trusted_at": p.trusted_at,
                    "revoked_at": p.revoked_at,
                }
                for p in keys.peers(s)
            ]
        if args.json:
            _print_json(rows)
        else:
            for r in rows:
                state = f"已撤销 {r['revoked_at']:%Y-%m-%d}" if r["revoked_at"] else "受信任"
                print(
                    f"{r['device_id'][:8]}  {r['code']}  {r['name']}  {r['role']}  指纹 {r['fingerprint']}  {state}"
                )
            if not rows:
                print("还没有信任任何设备")
    elif args.action == "protect":
        phrase = None if args.remove else _password(args)
        with store.transaction() as s:
            keys.protect(s, paths.sub("keys"), phrase)
        print(
            "已移除设备密钥的口令"
            if args.remove
            else "设备密钥已用口令保护；同步时需要口令（或环境变量 CUNYI_KEY_PASSPHRASE）"
        )
    elif args.action == "revoke":
        with store.transaction() as s:
            peer = keys.revoke(s, args.id)
            print(f"已撤销对 {peer.code} {peer.name} 的信任：它以后的同步包将被拒绝")
    return 0


def cmd_sync(args) -> int:
    from app.services.sync import conflicts, exchange

    paths, store = _open(args)
    if args.action == "export":
        result = exchange.export_bundles(store, paths, args.to, peer=args.peer, always=args.always)
        rows = [
            {
                "peer": b.peer,
                "file": str(b.path) if b.path else None,
                "ops": b.ops,
                "bytes": b.bytes,
                "note": b.note.render() if b.note else None,
            }
            for b in result.bundles
        ]
        if args.json:
            _print_json({"bundles": rows, "seconds": round(result.seconds, 3)})
        else:
            for r in rows:
                if r["file"]:
                    print(f"{r['peer']}：{r['ops']} 条变更，{r['bytes'] / 1024:.0f} KB → {r['file']}")
                else:
                    print(f"{r['peer']}：{r['note']}")
    elif args.action == "import":
        outcomes = exchange.import_path(store, paths, args.path)
        if args.json:
            _print_json([o.as_json() for o in outcomes])
        else:
            for o in outcomes:
                if o.status == "applied":
                    print(
                        f"{o.file}：已导入 {o.ops} 条（来自 {o.sender}），冲突 {o.conflicts}，疑似重复档案 {o.duplicates}"
                    )
                else:
                    print(f"{o.file}：{o.reason.render()}")
                if o.clock_warning:
                    print(f"  注意：{o.clock_warning.render()}")
            if not outcomes:
                print("没有找到同步包（*.cyb）")
        return 1 if any(o.status == "rejected" for o in outcomes) else 0
    elif args.action == "status":
        with store.session() as s:
            st = exchange.status(s)
        data = {
            **st,
            "peers": [p.__dict__ for p in st["peers"]],
            "clock_warnings": [m.render() for m in st["clock_warnings"]],
        }
        if args.json:
            _print_json(data)
        else:
            print(
                f"本机 {st['code']}（{st['role']}），设备 {st['device_id'][:8]}，已记录变更 {st['sequence']} 条"
            )
            for p in st["peers"]:
                last_out = f"{p.last_export_at:%Y-%m-%d %H:%M}" if p.last_export_at else "从未"
                last_in = f"{p.last_import_at:%Y-%m-%d %H:%M}" if p.last_import_at else "从未"
                revoked = "（已撤销）" if p.revoked else ""
                print(
                    f"  {p.code} {p.name}{revoked}：待对方确认 {p.unacknowledged} 条；"
                    f"上次导出 {last_out}，上次导入 {last_in}"
                )
            print(
                f"未处理冲突 {st['conflicts_open']}，疑似重复档案 {st['duplicates_open']}，待补齐 {st['pending']}"
            )
            for w in data["clock_warnings"]:
                print(f"注意：{w}")
    elif args.action == "conflicts":
        with store.session() as s:
            rows = conflicts.open_conflicts(s)
        if args.json:
            _print_json([r.__dict__ for r in rows])
        else:
            for r in rows:
                if r.kind == "duplicate":
                    print(f"{str(r.id)[:8]}  疑似重复：{r.record} 与 {r.other}")
                else:
                    print(
                        f"{str(r.id)[:8]}  {r.record} {r.field}：现值 {r.kept!r}（{r.kept_by}）/ 另一值 {r.lost!r}（{r.lost_by}）"
                    )
            if not rows:
                print("没有未处理的冲突")
    elif args.action == "escrow":
        from app.services import settings
        from app.services.sync import keys

        with store.transaction() as s:
            if args.clear:
                settings.put(s, settings.ESCROW_KEY, "")
                print("已取消托管密钥")
            elif args.key:
                settings.put(s, settings.ESCROW_KEY, keys.escrow_recipient(args.key))
                print(f"今后的同步包也将加密给托管密钥 {args.key}")
            else:
                current = settings.get(s, settings.ESCROW_KEY)
                print(current or "未设置托管密钥")
    elif args.action == "resolve":
        import uuid as _uuid

        with store.transaction() as s:
            ids = [
                r.id
                for r in conflicts.open_conflicts(s)
                if r.id.hex.startswith(args.id.replace("-", "").lower())
            ]
            if len(ids) != 1:
                raise CliError(f"没有找到唯一的冲突 {args.id}")
            if args.choice == "reviewed":
                conflicts.review_duplicate(s, ids[0])
            else:
                conflicts.resolve(s, ids[0], args.choice)
            print(f"已处理冲突 {_uuid.UUID(str(ids[0])).hex[:8]}")
    return 0


def _password(args) -> str:
    from app.services.access import accounts

    if args.password_file:
        return accounts.read_password_file(args.password_file)
    import getpass

    first = getpass.getpass("密码：")
    if first != getpass.getpass("再输一次："):
        raise CliError("两次输入的密码不一致")
    return first


def cmd_user(args) -> int:
    from app.services.access import accounts

    _, store = _open(args)
    if args.action == "list":
        with store.session() as s:
            from app.services.access import authz

            authz.require(s, "manage_users")
            rows = [
                {
                    "username": u.username,
                    "name": u.display_name,
                    "role": u.role,
                    "village": u.village_code,
                    "active": u.active,
                    "last_login_at": u.last_login_at,
                }
                for u in accounts.users(s)
            ]
        if args.json:
            _print_json(rows)
        else:
            for r in rows:
                print(
                    f"{r['username']}  {r['name']}  {r['role']}  {r['village'] or ''}  {'启用' if r['active'] else '已停用'}"
                )
        return 0
    with store.transaction() as s:
        if args.action == "add":
            u = accounts.create_user(
                s,
                args.username,
                _password(args),
                args.role,
                display_name=args.name,
                village_code=args.village,
            )
            print(f"已添加用户 {u.username}（{u.role}）")
        elif args.action == "passwd":
            accounts.set_password(s, args.username, _password(args))
            print(f"已设置 {args.username} 的密码")
        elif args.action == "deactivate":
            accounts.deactivate(s, args.username)
            print(f"已停用 {args.username}")
    return 0


def cmd_audit(args) -> int:
    from app.services.access import audit_review
    from app.services.records.validators import Invalid, parse_date

    _, store = _open(args)
    try:
        since = parse_date(args.since, "since") if args.since else None
        until = parse_date(args.until, "until") if args.until else None
    except Invalid as e:
        raise CliError(e.message.render()) from None
    f = audit_review.AuditFilter(
        since=since, until=until, username=args.who, action=args.action, text=args.text
    )
    with store.session() as s:
        if args.output:
            n = audit_review.export_csv(s, args.output, f)
            print(f"已导出 {n} 条审计记录：{args.output}")
            return 0
        rows = audit_review.query(s, f)
        data = [
            {
                "at": e.at,
                "user": e.username,
                "action": e.action,
                "entity": e.entity,
                "entity_id": e.entity_id,
                "summary": e.summary,
                "scope": e.scope_code,
            }
            for e in rows
        ]
    if args.json:
        _print_json(data)
    else:
        for d in data:
            print(
                f"{d['at']:%Y-%m-%d %H:%M:%S}  {d['user']}  {d['action']}  {d['entity'] or ''}  {d['summary'] or ''}"
            )
    return 0


def cmd_backup(args) -> int:
    from app.services import backup

    _, store = _open(args)
    path = backup.backup_to(store, args.output)
    print(f"已备份到 {path}（{path.stat().st_size / 1024:.0f} KB）")
    return 0


def cmd_restore(args) -> int:
    from app.services import backup

    paths, store = _open(args)
    info, aside = backup.restore(store, paths, args.file)
    print(
        f"已从 {info.path.name} 恢复：{info.name}（{info.code}），居民 {info.residents} 人，随访 {info.visits} 次"
    )
    print(f"原数据库已另存为 {aside}")
    return 0


def cmd_check(args) -> int:
    from app.services import backup

    _, store = _open(args)
    report = backup.check(store)
    for r in report.results:
        print(f"{'✓' if r.ok else '✗'} {r.name}{'：' + r.detail if r.detail else ''}")
    print("检查通过" if report.ok else "发现问题，请联系维护人员")
    return 0 if report.ok else 1


def cmd_bench(args) -> int:
    from app.tools.bench import format_table, run_bench

    only = [o.strip() for o in args.only.split(",")] if args.only else None
    result = run_bench(args.scale, only=only, seed=args.seed, log=lambda m: print(m, file=sys.stderr))
    if args.json:
        _print_json(result)
    else:
        print(format_table(result))
    return 0


COMMANDS = {
    "init": cmd_init,
    "demo": cmd_demo,
    "residents": cmd_residents,
    "followup": cmd_followup,
    "gui": cmd_gui,
    "bench": cmd_bench,
    "print": cmd_print,
    "device": cmd_device,
    "sync": cmd_sync,
    "user": cmd_user,
    "audit": cmd_audit,
    "backup": cmd_backup,
    "restore": cmd_restore,
    "check": cmd_check,
}


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    if args.command is None:
        args = _parser().parse_args([*(argv if argv is not None else sys.argv[1:]), "gui"])
    try:
        return COMMANDS[args.command](args)
    except UserError as e:
        print(f"错误：{e.render()}", file=sys.stderr)
        return 1
    except CliError as e:
        print(f"错误：{e}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("已中断", file=sys.stderr)
        return 130

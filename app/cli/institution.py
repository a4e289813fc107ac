"""``cunyi institution``: the institution profile every print carries (设置 → 本机构信息)."""

from __future__ import annotations

import dataclasses

from app.cli.core import add_json, open_store, print_json
from app.i18n import QT_TRANSLATE_NOOP


def register(sub) -> None:
    ins = sub.add_parser(
        "institution", help=QT_TRANSLATE_NOOP("Cli", "本机构的名称、电话、地址和医生（打印在表单上）")
    )
    actions = ins.add_subparsers(dest="action", required=True)
    show = actions.add_parser("show", help=QT_TRANSLATE_NOOP("Cli", "本机构信息"))
    add_json(show)
    show.set_defaults(func=show_institution)
    put = actions.add_parser("set", help=QT_TRANSLATE_NOOP("Cli", "修改本机构信息中指定的项（其余不变）"))
    put.add_argument("--name", help=QT_TRANSLATE_NOOP("Cli", "机构名称，如 幸福村卫生室"))
    put.add_argument("--phone", help=QT_TRANSLATE_NOOP("Cli", "本机构电话：手机11位，或区号-号码"))
    put.add_argument("--address", help=QT_TRANSLATE_NOOP("Cli", "本机构地址"))
    put.add_argument("--doctors", help=QT_TRANSLATE_NOOP("Cli", "医生姓名，以逗号或 、 分隔"))
    add_json(put)
    put.set_defaults(func=set_institution)


def _as_dict(profile) -> dict:
    out = dataclasses.asdict(profile)
    out["doctors"] = list(profile.doctors)
    return out


def _show(profile, as_json: bool) -> None:
    if as_json:
        print_json(_as_dict(profile))
        return
    print(f"机构名称：{profile.institution}")
    print(f"联系电话：{profile.phone}")
    print(f"地址：{profile.address}")
    print(f"医生：{'、'.join(profile.doctors)}")


def show_institution(args) -> int:
    from app.services import institution

    _, store = open_store(args)
    with store.session() as s:
        _show(institution.institution_profile(s), args.json)
    return 0


def set_institution(args) -> int:
    from app.services import institution

    _, store = open_store(args)
    with store.transaction() as s:
        typed = institution.institution_profile(s).as_input()
        for option, key in (
            ("name", "institution"),
            ("phone", "phone"),
            ("address", "address"),
            ("doctors", "doctors"),
        ):
            value = getattr(args, option)
            if value is not None:
                setattr(typed, key, value)
        saved = institution.save_institution(s, typed)
    _show(saved, args.json)
    return 0

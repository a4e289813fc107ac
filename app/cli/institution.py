"""``cunyi institution``: the institution profile every print carries (设置 → 本机构信息)."""

from __future__ import annotations

import dataclasses

from app.cli.core import open_store, print_json


def register(sub) -> None:
    ins = sub.add_parser("institution", help="the institution's name, phone, address and doctors (printed)")
    actions = ins.add_subparsers(dest="action", required=True)
    show = actions.add_parser("show", help="the institution profile")
    show.add_argument("--json", action="store_true")
    show.set_defaults(func=show_institution)
    put = actions.add_parser("set", help="change the named parts of the profile (the rest stays)")
    put.add_argument("--name", help="institution name, e.g. 幸福村卫生室")
    put.add_argument("--phone", help="the institution's phone: 11-digit mobile or area code-number")
    put.add_argument("--address", help="the institution's address")
    put.add_argument("--doctors", help="doctors' names, separated by commas or 、")
    put.add_argument("--json", action="store_true")
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

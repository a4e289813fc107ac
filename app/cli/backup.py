"""``cunyi backup``, ``restore`` and ``check``: a consistent copy of the store, putting one back,
and the integrity check in plain words."""

from __future__ import annotations

import sys

from app.cli.core import open_store


def register(sub) -> None:
    bk = sub.add_parser("backup", help="write a consistent copy of the store")
    bk.add_argument("-o", "--output", required=True, metavar="FILE|DIR")
    bk.set_defaults(func=back_up)
    rs = sub.add_parser("restore", help="replace the store by a backup (checked first; the old one is kept)")
    rs.add_argument("file")
    rs.add_argument(
        "--force-other-device",
        action="store_true",
        help="restore another PC's backup of this institution here; this PC takes a new device identity and keys",
    )
    rs.add_argument(
        "--key-file",
        metavar="FILE",
        help="the store key of an encrypted backup from another PC (64 hex digits, e.g. its .key.age "
        "decrypted with the county's escrow key)",
    )
    rs.set_defaults(func=restore)
    ck = sub.add_parser("check", help="integrity, foreign keys, orphans and clock sanity, in plain words")
    ck.set_defaults(func=check)


def back_up(args) -> int:
    from app.services import backup, encryption

    _, store = open_store(args)
    path = backup.backup_to(store, args.output)
    print(f"已备份到 {path}（{path.stat().st_size / 1024:.0f} KB）")
    if store.key is not None:
        print(f"备份已加密；密钥（由本机设备密钥和托管密钥加密）在 {encryption.backup_key_file(path)}")
    return 0


def restore(args) -> int:
    from app.services import backup, encryption

    key = encryption.read_key_file(args.key_file) if args.key_file else None
    paths, store = open_store(args, need_profile=False)
    force = args.force_other_device
    if _set_up(store):
        store.dispose()
        paths, store = open_store(args)  # (as every command: --user logs in)
        info, aside = backup.restore(store, paths, args.file, force_other_device=force, key=key)
    else:  # a new PC for an institution whose PC died: the backup sets it up, as a new device
        force = True
        keys_before = set(paths.sub("keys").iterdir())
        try:
            _set_up_from_backup(args, paths, store, key)
            info, aside = backup.restore(store, paths, args.file, force_other_device=True, key=key)
        except Exception:  # refused (or failed) before anything was restored: the PC as it was, not set up
            store.dispose()
            _not_set_up(paths, keys_before)
            raise
    print(
        f"已从 {info.path.name} 恢复：{info.name}（{info.code}），居民 {info.residents} 人，随访 {info.visits} 次"
    )
    if force and not args.force_other_device:
        print("本机原来没有数据：已按备份设置为同一机构的新设备")
    else:
        print(f"原数据库已另存为 {aside}")
    if info.dropped_changes:
        print(
            f"注意：本机在这份备份之后又做过 {info.dropped_changes} 处修改，恢复后它们只在 {aside.name} 里；"
            "若恢复错了，可以再用 cunyi restore 恢复它",
            file=sys.stderr,
        )
    if info.new_device_id:
        print(
            f"本机已换用新的设备身份 {info.new_device_id.hex}："
            "请导出设备卡（cunyi device card），让乡镇卫生院重新信任本机"
        )
    return 0


def _set_up(store) -> bool:
    from app.models import Profile

    with store.session() as s:
        return s.get(Profile, 1) is not None


def _not_set_up(paths, keys_before: set) -> None:
    """Undo what a refused first restore made: the empty store (``init --encrypt`` refuses to start
    over an existing file) and the keys made for it, so the PC is as it was, not set up."""
    for suffix in ("", "-wal", "-shm", "-journal"):
        paths.db_file.with_name(paths.db_file.name + suffix).unlink(missing_ok=True)
    for made in set(paths.sub("keys").iterdir()) - keys_before:
        if made.is_file():
            made.unlink()


def _set_up_from_backup(args, paths, store, key) -> None:
    """``init`` with what the backup says it is (role, code, name), checked first: restoring onto a
    PC not set up yet is the replacement PC's first step, and needs no second command."""
    from pathlib import Path

    from app.cli.core import CliError
    from app.services import backup, encryption, profile
    from app.services.sync import keys

    file = Path(args.file)
    encrypted = (
        file.is_file()
        and encryption.is_encrypted_file(file)
        and encryption.whole_pages(file)
        and not encryption.looks_like_text(file)
    )
    if key is not None or encrypted:
        raise CliError(
            "这份备份已加密：请先用 cunyi init --encrypt（机构代码和名称同备份）初始化本机，"
            "再用 cunyi restore --force-other-device --key-file … 恢复"
        )
    info = backup.verify(args.file)
    if info.role not in (profile.VILLAGE, profile.TOWNSHIP, profile.COUNTY):
        raise CliError(f"{info.path.name} 是旧版本的备份：请先用 cunyi init 初始化本机，再恢复")
    with store.transaction() as s:
        profile.init_profile(s, role=info.role, code=info.code, name=info.name)
    keys.create_keys(paths.sub("keys"))
    keys.keys_for_store(store, paths.sub("keys"))


def check(args) -> int:
    from app.services import backup

    _, store = open_store(args)
    report = backup.check(store)
    for r in report.results:
        print(f"{'✓' if r.ok else '✗'} {r.name}{'：' + r.detail if r.detail else ''}")
    print("检查通过" if report.ok else "发现问题，请联系维护人员")
    return 0 if report.ok else 1

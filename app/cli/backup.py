"""``cunyi backup``, ``restore`` and ``check``: a consistent copy of the store, putting one back,
and the integrity check in plain words."""

from __future__ import annotations

import sys

from app.cli.core import open_store
from app.i18n import QT_TRANSLATE_NOOP


def register(sub) -> None:
    bk = sub.add_parser("backup", help=QT_TRANSLATE_NOOP("Cli", "生成数据库的一致性副本"))
    bk.add_argument(
        "-o",
        "--output",
        required=True,
        metavar="FILE|DIR",
        help=QT_TRANSLATE_NOOP("Cli", "备份文件，或存放备份的文件夹"),
    )
    bk.set_defaults(func=back_up)
    rs = sub.add_parser("restore", help=QT_TRANSLATE_NOOP("Cli", "用备份替换数据库（先校验；原数据库保留）"))
    rs.add_argument("file", help=QT_TRANSLATE_NOOP("Cli", "要恢复的备份文件"))
    rs.add_argument(
        "--force-other-device",
        action="store_true",
        help=QT_TRANSLATE_NOOP("Cli", "在本机恢复本机构另一台电脑的备份；本机将换用新的设备身份和密钥"),
    )
    rs.add_argument(
        "--key-file",
        metavar="FILE",
        help=QT_TRANSLATE_NOOP(
            "Cli", "另一台电脑加密备份的存储密钥（64 位十六进制，如用县级托管密钥解密其 .key.age 所得）"
        ),
    )
    rs.set_defaults(func=restore)
    ck = sub.add_parser(
        "check", help=QT_TRANSLATE_NOOP("Cli", "检查完整性、外键、孤立记录和时钟是否正常，用通俗的话说明")
    )
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
    fresh = not backup.is_set_up(store)
    if fresh:  # a new PC for an institution whose PC died: the backup sets it up (encrypted: init first)
        info, aside = backup.restore_onto_new_pc(store, paths, args.file)
    else:
        store.dispose()
        paths, store = open_store(args)  # (as every command: --user logs in)
        info, aside = backup.restore(
            store, paths, args.file, force_other_device=args.force_other_device, key=key
        )
    print(
        f"已从 {info.path.name} 恢复：{info.name}（{info.code}），居民 {info.residents} 人，随访 {info.visits} 次"
    )
    if fresh:
        print("本机原来没有数据：已按备份设置为同一机构的新设备")
    else:
        print(f"原数据库已另存为 {aside}")
    if info.dropped_changes:
        # a village gets back from its township those it had sent (snapshot.lacks_own)
        from app.services.profile import VILLAGE

        back = "（其中已同步到乡镇卫生院的，下次与乡镇同步时会回到本机）" if info.role == VILLAGE else ""
        print(
            f"注意：本机在这份备份之后又做过 {info.dropped_changes} 处修改，恢复后它们只在 {aside.name} 里"
            f"{back}；若恢复错了，可以再用 cunyi restore 恢复它",
            file=sys.stderr,
        )
    if info.new_device_id:
        print(
            f"本机已换用新的设备身份 {info.new_device_id.hex}："
            "请导出设备卡（cunyi device card），让乡镇卫生院重新信任本机"
        )
    return 0


def check(args) -> int:
    from app.services import backup

    _, store = open_store(args)
    report = backup.check(store)
    for r in report.results:
        print(f"{'✓' if r.ok else '✗'} {r.name}{'：' + r.detail if r.detail else ''}")
    if report.ok:
        print("检查通过")
    else:
        print("发现问题，请联系维护人员" if report.for_maintainer else "发现问题：请按上面的说明处理")
    return 0 if report.ok else 1

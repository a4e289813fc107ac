"""``cunyi serve`` (the township's mailbox) and ``cunyi sync run`` (the village's sync service)."""

from __future__ import annotations

import contextlib
import datetime as dt
import signal
import sys

from app.cli import core
from app.cli.core import CliError, add_json, open_store, print_json
from app.cli.numbers import WholeNumber
from app.i18n import QT_TRANSLATE_NOOP


def register(sub) -> None:
    sv = sub.add_parser(
        "serve", help=QT_TRANSLATE_NOOP("Cli", "（乡镇或县）网络同步服务器，供各村（乡镇）同步")
    )
    sv.add_argument("--host", default="0.0.0.0", help=QT_TRANSLATE_NOOP("Cli", "监听地址（默认：所有地址）"))
    sv.add_argument(
        "--port",
        type=WholeNumber(QT_TRANSLATE_NOOP("Field", "端口")),
        default=8765,
        help=QT_TRANSLATE_NOOP("Cli", "端口（默认 8765；0：任一空闲端口）"),
    )
    sv.add_argument(
        "--tls-cert",
        metavar="FILE",
        help=QT_TRANSLATE_NOOP("Cli", "PEM 证书：以 https 提供服务（其指纹写入设备卡）"),
    )
    sv.add_argument("--tls-key", metavar="FILE", help=QT_TRANSLATE_NOOP("Cli", "--tls-cert 对应的 PEM 私钥"))
    sv.add_argument(
        "--rate-limit",
        type=WholeNumber(QT_TRANSLATE_NOOP("Field", "速率")),
        default=0,
        metavar="KBIT",
        help=QT_TRANSLATE_NOOP("Cli", "（试验用）每次传输上下行各限速为此 kbit/s，模拟慢速线路"),
    )
    sv.set_defaults(func=serve)


def register_run(sync_actions) -> None:
    """``sync run``: added to the ``sync`` group by app/cli/sync.py."""
    sr = sync_actions.add_parser(
        "run", help=QT_TRANSLATE_NOOP("Cli", "（村或乡镇）通过网络与乡镇（县级）的同步服务器同步")
    )
    sr.add_argument(
        "--once", action="store_true", help=QT_TRANSLATE_NOOP("Cli", "只同步一次后退出（失败时退出状态为 1）")
    )
    sr.add_argument(
        "--server",
        metavar="URL",
        help=QT_TRANSLATE_NOOP("Cli", "同步服务器地址，如 http://192.168.1.10:8765（会记住）"),
    )
    add_json(sr)
    sr.set_defaults(func=run)


def serve(args) -> int:
    from app.services.sync import mailbox, transport

    if bool(args.tls_cert) != bool(args.tls_key):
        raise CliError(QT_TRANSLATE_NOOP("Cli", "--tls-cert 和 --tls-key 要一起给出"))
    if not 0 <= args.port < 65536:
        raise CliError(QT_TRANSLATE_NOOP("Cli", "端口 {port} 无效（0–65535）"), port=args.port)
    paths, store = open_store(args)
    pin = ""
    if args.tls_cert:
        try:
            pin = transport.certificate_pin_of_file(args.tls_cert)
        except (OSError, ValueError):
            raise CliError(
                QT_TRANSLATE_NOOP("Cli", "读不出证书 {file}（应为 PEM 格式）"), file=args.tls_cert
            ) from None
        _check_key(args.tls_cert, args.tls_key)  # before the server says it is open
    config = mailbox.MailboxConfig(rate_bytes_per_s=args.rate_limit * 1000 // 8)
    server = mailbox.Server(
        store,
        paths,
        host=args.host,
        port=args.port,
        tls_cert=args.tls_cert,
        tls_key=args.tls_key,
        config=config,
    )
    print(f"同步服务器已开启：{server.url}（按 Ctrl+C 停止）", flush=True)
    if pin:
        print(f"证书指纹：{pin}", flush=True)
    # uvicorn stops gracefully on SIGTERM (the worker finishes its job) and then raises the signal
    # again: that second time it is a normal end, status 0.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    server.run()
    return 0


def _check_key(cert: str, key: str) -> None:
    """The private key of ``cert`` can be read and is the certificate's own (else said plainly,
    naming the file: uvicorn would fail after the server said it was open)."""
    import ssl

    try:
        # (a key with a pass phrase: refused, never prompted for on the terminal)
        ssl.create_default_context(ssl.Purpose.CLIENT_AUTH).load_cert_chain(cert, key, password=lambda: b"")
    except FileNotFoundError:
        raise CliError(QT_TRANSLATE_NOOP("Cli", "找不到私钥文件 {file}"), file=key) from None
    except (OSError, ssl.SSLError, ValueError):
        raise CliError(
            QT_TRANSLATE_NOOP("Cli", "私钥 {key} 读不出，或不是证书 {cert} 的私钥（应为未加密的 PEM 私钥）"),
            key=key,
            cert=cert,
        ) from None


def run(args) -> int:
    import threading

    from app.services.sync import service

    paths, store = open_store(args)

    def show(report) -> None:
        if args.json:
            print_json(report.as_json(core.speak))
        elif report.ok:
            print(
                f"同步完成：上传 {report.uploaded} 个同步包（{report.ops_sent} 条变更），"
                f"下载 {report.downloaded} 个（{report.ops_received} 条），"
                f"{report.bytes_up / 1024:.0f} KB ↑ {report.bytes_down / 1024:.0f} KB ↓",
                flush=True,
            )
        elif args.once:  # nothing here tries again: a scheduled task's next run does
            said = core.speak("Cli", QT_TRANSLATE_NOOP("Cli", "同步未完成：{reason}"))
            print(said.replace("{reason}", report.error.render(core.speak)), file=sys.stderr, flush=True)
        else:
            said = core.speak("Cli", QT_TRANSLATE_NOOP("Cli", "同步未完成：{reason}；{when} 再试"))
            when = (  # (stored in UTC: said in this PC's time)
                f"{report.next_try_at.replace(tzinfo=dt.UTC).astimezone():%H:%M:%S}"
                if report.next_try_at
                else core.speak("Cli", QT_TRANSLATE_NOOP("Cli", "稍后"))
            )
            said = said.replace("{reason}", report.error.render(core.speak)).replace("{when}", when)
            print(said, file=sys.stderr, flush=True)
        for o in report.outcomes:
            if o.status == "rejected":
                print(core.file_said(o.file, o.reason.render(core.speak)), file=sys.stderr)
            for note in (o.clock_warning, o.notice):
                if note:
                    print(core.noted(note), file=sys.stderr)

    if args.once:
        report = service.sync_once(store, paths, server=args.server)
        show(report)
        return 0 if report.ok else 1
    if args.server:
        with store.transaction() as s:
            service.set_server(s, args.server)
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    with contextlib.suppress(KeyboardInterrupt):
        service.run_service(store, paths, stop, on_report=show)
    return 0

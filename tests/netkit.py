"""Network sync on loopback: a township's mailbox served in this process (uvicorn in a thread on a
free port of 127.0.0.1), and villages running sync against it."""

from __future__ import annotations

from pathlib import Path

from app.services.sync import mailbox, service
from tests import synckit
from tests.synckit import Device


def serve(town: Device, port: int = 0, **config) -> mailbox.Server:
    cfg = mailbox.MailboxConfig(**config) if config else None
    return mailbox.Server(town.store, town.paths, host="127.0.0.1", port=port, config=cfg).start()


def sync(village: Device, server: mailbox.Server | str, **kw) -> service.RunReport:
    url = server if isinstance(server, str) else server.url
    return service.sync_once(village.store, village.paths, server=url, **kw)


def fresh_county(root: Path, villages: int = 2, residents=(12, 8)) -> tuple[Device, list[Device]]:
    """A township and villages that trust each other, the villages with demo residents never sent."""
    from app.tools import demo

    town, vs = synckit.county(root, villages)
    for i, v in enumerate(vs):
        with v.store.transaction() as s:
            demo.generate_demo(s, residents[i % len(residents)], seed=20 + i, today=synckit.TODAY)
    return town, vs


def village_rows(device: Device, village: Device) -> dict:
    code = village_code(village)
    return synckit.dump(device.store, code)


def village_code(device: Device) -> str:
    with device.store.session() as s:
        from app.services.profile import get_profile

        return get_profile(s).code

"""What the 同步 page shows, in one read: this device and its card, the trusted devices, clock
warnings, open conflicts and the history of bundles, as small frozen data classes."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.orm import Session

from app.services.errors import Message
from app.services.profile import TOWNSHIP, get_profile
from app.services.sync import conflicts, exchange
from app.services.sync import keys as device_keys


@dataclass(frozen=True)
class BundleRow:
    """One line of the history: a bundle written, read, refused or skipped."""

    at: dt.datetime
    direction: str  # out | in | rejected | skipped
    device: str  # "code name" of the peer, or the end of its id when it is not known
    ops: int
    file_name: str
    reason: str


@dataclass(frozen=True)
class SyncOverview:
    township: bool
    card: device_keys.DeviceCard | None  # None when the keys are locked or missing
    keys_locked: bool
    keys_problem: Message | None  # why there is no card
    peers: tuple[exchange.PeerStatus, ...]
    clock_warnings: tuple[Message, ...]
    conflicts: tuple[conflicts.ConflictView, ...]
    history: tuple[BundleRow, ...]


def sync_overview(session: Session, keys_dir: Path) -> SyncOverview:
    card, locked, problem = None, False, None
    try:
        card = device_keys.my_card(session, device_keys.checked_keys(session, keys_dir))
    except device_keys.KeysLocked as e:
        locked, problem = True, e.message
    except (device_keys.KeysMissing, device_keys.KeysMismatch) as e:
        problem = e.message
    status = exchange.status(session)
    names = {p.device_id: f"{p.code} {p.name}" for p in device_keys.peers(session)}
    history = tuple(
        BundleRow(
            h.at,
            h.direction,
            names.get(h.peer, h.peer.hex[-8:] if h.peer else ""),
            h.ops,
            h.file_name,
            h.reason or "",
        )
        for h in exchange.history(session)
    )
    return SyncOverview(
        township=get_profile(session).role == TOWNSHIP,
        card=card,
        keys_locked=locked,
        keys_problem=problem,
        peers=tuple(status["peers"]),
        clock_warnings=tuple(status["clock_warnings"]),
        conflicts=tuple(conflicts.open_conflicts(session)),
        history=history,
    )


def write_my_card(session: Session, keys_dir: Path, path: Path) -> tuple[device_keys.DeviceCard, Path, Path]:
    """This device's public card as JSON and a QR code PNG beside it: (card, json, png)."""
    card = device_keys.my_card(session, device_keys.checked_keys(session, keys_dir))
    json_path, png = device_keys.write_card(card, Path(path))
    return card, json_path, png

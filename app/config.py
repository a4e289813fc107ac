"""Where things live: the data directory, bundled resources, logging.

On POSIX the data directory and its folders are owner-only (0700) and what CunYi writes there
(store, backups, logs, quarantined bundles) is 0600: the records are health data, and a village
PC is often shared.  On Windows the user profile's own permissions apply.
"""

from __future__ import annotations

import logging
import logging.handlers
import os
import sys
from dataclasses import dataclass
from pathlib import Path

import platformdirs

APP_NAME = "CunYi"
SUBDIRS = ("keys", "outbox", "inbox", "quarantine", "backups", "logs")
# the data folder's own folders: those above, and those made when first needed (a township's
# network mailbox, a village's bundles waiting for the township's word): never a user's output
OWN_DIRS = (*SUBDIRS, "mailbox", "sync-awaited")
# What a large write of the program (a download, a backup unpacked) leaves free on its disk: room for
# the work that follows and the records the doctor types after it
DISK_RESERVE = 100 << 20
PRIVATE_DIR, PRIVATE_FILE = 0o700, 0o600


def make_private(path: Path) -> None:
    """Owner-only permissions for a file (0600) or folder (0700) CunYi wrote (POSIX only)."""
    if os.name != "posix":
        return
    mode = PRIVATE_DIR if path.is_dir() else PRIVATE_FILE
    try:
        if path.stat().st_mode & 0o777 != mode:
            path.chmod(mode)
    except OSError:
        logging.getLogger(__name__).warning("could not make %s owner-only", path, exc_info=True)


def write_private_text(path: Path, text: str) -> None:
    """Write a small text file (a quarantine reason) created owner-only."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, PRIVATE_FILE)
    with open(fd, "w", encoding="utf-8") as f:
        f.write(text)
    make_private(path)  # an older file of that name keeps its mode through O_TRUNC


def bundle_root() -> Path:
    """The folder holding ``resources/`` and ``migrations/``: the checkout, or the frozen bundle."""
    frozen = getattr(sys, "_MEIPASS", None)
    return Path(frozen) if frozen else Path(__file__).resolve().parent.parent


def resource_path(*parts: str) -> Path:
    return bundle_root().joinpath("resources", *parts)


CJK_FONT = ("fonts", "wqy-microhei.ttc")


@dataclass(frozen=True)
class Paths:
    data_dir: Path

    @property
    def db_file(self) -> Path:
        return self.data_dir / "cunyi.db"

    def sub(self, name: str) -> Path:
        return self.data_dir / name

    def ensure(self) -> Paths:
        """Make the data directory and its folders, owner-only (also tightening older ones).  A
        folder that was there before, holds folders of its own and no store of CunYi's keeps its
        permissions: ``init --data-dir`` given a folder of the user's (or, mistyped, a system
        folder: /etc went owner-only) must not lock it."""
        ours = (
            not self.data_dir.exists()
            or self.db_file.exists()
            or (self.data_dir / "keys").is_dir()
            or not _holds_other_folders(self.data_dir)
        )
        self.data_dir.mkdir(parents=True, exist_ok=True, mode=PRIVATE_DIR)
        if ours:
            make_private(self.data_dir)
        for name in SUBDIRS:
            folder = self.data_dir / name
            folder.mkdir(exist_ok=True, mode=PRIVATE_DIR)
            make_private(folder)
        return self


def _holds_other_folders(folder: Path) -> bool:
    """Whether ``folder`` holds folders that are not CunYi's (a folder of the user's, or the system's)."""
    try:
        return any(p.is_dir() and p.name not in OWN_DIRS for p in folder.iterdir())
    except OSError:
        return True


def resolve_data_dir(explicit: str | os.PathLike | None = None) -> Path:
    if explicit:
        return Path(explicit).expanduser().resolve()
    env = os.environ.get("CUNYI_DATA_DIR")
    if env:
        return Path(env).expanduser().resolve()
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


# A data folder whose store is on a database server (a township's PostgreSQL) names it in this file,
# written by `cunyi init --db URL` or `cunyi migrate-store --to URL`, owner-only (the URL may hold a
# password).  Without it the store is the SQLite file in the folder.
DB_URL_FILE = "db-url"


def stored_db_url(paths: Paths) -> str | None:
    try:
        return (paths.data_dir / DB_URL_FILE).read_text(encoding="utf-8").strip() or None
    except OSError:
        return None


def remember_db_url(paths: Paths, url: str) -> None:
    write_private_text(paths.data_dir / DB_URL_FILE, url + "\n")


def resolve_db_url(paths: Paths, explicit: str | None = None) -> str:
    url = explicit or os.environ.get("CUNYI_DB_URL") or stored_db_url(paths)
    return url or f"sqlite:///{paths.db_file}"


class PrivateRotatingFileHandler(logging.handlers.RotatingFileHandler):
    """A rotating log whose files are created owner-only (logs name residents and users)."""

    def _open(self):
        fd = os.open(self.baseFilename, os.O_WRONLY | os.O_CREAT | os.O_APPEND, PRIVATE_FILE)
        make_private(Path(self.baseFilename))  # a log from an older version
        return open(fd, self.mode, encoding=self.encoding, errors=self.errors)

    def handleError(self, record):  # noqa: N802 (logging's name)
        """A line that cannot be written (the disk full, the folder gone) is dropped: never a
        traceback on the user's screen in its place (logging's default prints one to stderr)."""


def setup_logging(paths: Paths, verbose: bool = False) -> None:
    root = logging.getLogger()
    if any(getattr(h, "_cunyi", False) for h in root.handlers):
        return
    handler = PrivateRotatingFileHandler(
        paths.sub("logs") / "cunyi.log", maxBytes=2_000_000, backupCount=5, encoding="utf-8"
    )
    handler._cunyi = True  # type: ignore[attr-defined]
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root.addHandler(handler)
    root.setLevel(logging.DEBUG if verbose else logging.INFO)

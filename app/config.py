"""Where things live: the data directory, bundled resources, logging."""

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
        self.data_dir.mkdir(parents=True, exist_ok=True)
        for name in SUBDIRS:
            (self.data_dir / name).mkdir(exist_ok=True)
        keys = self.data_dir / "keys"
        if os.name == "posix":
            keys.chmod(0o700)
        return self


def resolve_data_dir(explicit: str | os.PathLike | None = None) -> Path:
    if explicit:
        return Path(explicit).expanduser().resolve()
    env = os.environ.get("CUNYI_DATA_DIR")
    if env:
        return Path(env).expanduser().resolve()
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def resolve_db_url(paths: Paths, explicit: str | None = None) -> str:
    url = explicit or os.environ.get("CUNYI_DB_URL")
    return url or f"sqlite:///{paths.db_file}"


def setup_logging(paths: Paths, verbose: bool = False) -> None:
    root = logging.getLogger()
    if any(getattr(h, "_cunyi", False) for h in root.handlers):
        return
    handler = logging.handlers.RotatingFileHandler(
        paths.sub("logs") / "cunyi.log", maxBytes=2_000_000, backupCount=5, encoding="utf-8"
    )
    handler._cunyi = True  # type: ignore[attr-defined]
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root.addHandler(handler)
    root.setLevel(logging.DEBUG if verbose else logging.INFO)

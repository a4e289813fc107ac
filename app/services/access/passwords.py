"""Password hashing (argon2id through argon2-cffi): the one place a password is hashed or checked."""

from __future__ import annotations

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

from app.i18n import QT_TRANSLATE_NOOP
from app.services.errors import Message, UserError

CTX = "Accounts"
MAX_PASSWORD = 256  # characters; longer input is refused before it is hashed
MIN_PASSWORD = 6
_hasher = PasswordHasher()  # argon2id, the library's current defaults


_decoy: dict[int, str] = {}


def use_hasher(hasher: PasswordHasher) -> PasswordHasher:
    """Swap the hasher (tests use cheap parameters); returns the previous one."""
    global _hasher
    previous, _hasher = _hasher, hasher
    return previous


def verify_nobody(password: str) -> bool:
    """Spend what checking a real user's password spends, and fail: a login for a name that does
    not exist must take as long as one with a wrong password, or timing tells which names exist."""
    decoy = _decoy.get(id(_hasher))
    if decoy is None:
        decoy = _decoy[id(_hasher)] = _hasher.hash("not a password anyone has")
    verify(decoy, password)
    return False


def _err(template: str, **params) -> UserError:
    return UserError(Message(CTX, template, params))


def check_text(password: str) -> str:
    if not isinstance(password, str) or not password:
        raise _err(QT_TRANSLATE_NOOP("Accounts", "请输入密码"))
    if len(password) > MAX_PASSWORD:
        raise _err(QT_TRANSLATE_NOOP("Accounts", "密码太长（最多 {n} 个字符）"), n=MAX_PASSWORD)
    return password


def hash_password(password: str) -> str:
    password = check_text(password)
    if len(password) < MIN_PASSWORD:
        raise _err(QT_TRANSLATE_NOOP("Accounts", "密码至少 {n} 个字符"), n=MIN_PASSWORD)
    return _hasher.hash(password)


def verify(password_hash: str | None, password: str) -> bool:
    if not password_hash:
        return False
    try:
        return _hasher.verify(password_hash, password)
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False


def rehashed(password_hash: str, password: str) -> str | None:
    """A fresh hash when ``password_hash`` was made with weaker parameters than today's."""
    return _hasher.hash(password) if _hasher.check_needs_rehash(password_hash) else None

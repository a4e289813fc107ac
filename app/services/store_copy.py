"""Moving a township's store from its SQLite file to a PostgreSQL server (``cunyi migrate-store``).

Every table of the schema is copied — records, the change log, sync clocks and peers (the device
keys' references), bundle history, the audit trail — through SQLAlchemy Core with the models'
column types, so ids, times, flags and JSON arrive as the target dialect stores them (nothing here
knows how an id is stored).  The source is read in one transaction (a consistent copy while the app
is open elsewhere); the target must be empty, is brought to the same schema by the same migrations,
and the copy, streamed with PostgreSQL's ``COPY … FROM STDIN`` (values bound by the same column
types), commits as one transaction.  Then both sides are read back: the row count and a
checksum of each table's rows (SHA-256 of each row's dialect-neutral text, summed) must agree.  The SQLite file is kept.
"""

from __future__ import annotations

import datetime as dt
import decimal
import hashlib
import json
import logging
import re
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from app.db import MOVED, Store, foreign_tables, is_sqlite, mark_moved, refresh_statistics
from app.i18n import QT_TRANSLATE_NOOP
from app.models import Base
from app.models.base import is_json, json_text
from app.services.access import authz
from app.services.errors import Message, UserError

CHUNK = 2000
SKIP = {"alembic_version"}  # each store's own migrations write it


CTX = "StoreCopy"


log = logging.getLogger(__name__)


def _err(template: str, **params) -> UserError:
    return UserError(Message(CTX, template, params))


@dataclass
class TableCheck:
    table: str
    rows: int
    checksum: str


@dataclass
class Migrated:
    target: str
    tables: list[TableCheck] = field(default_factory=list)

    @property
    def rows(self) -> int:
        return sum(t.rows for t in self.tables)


def _userinfo(url: str) -> tuple[str, str, str, str] | None:
    """(scheme, user, password, what follows the password's @) of an address that gives a
    password after its user name, else None.  The password ends at the address's last @ (a
    password may hold @ / ? # too; an @ in a parameter after it at worst takes the host with it)."""
    scheme, sep, rest = url.partition("://")
    at = rest.rfind("@")
    user, colon, password = rest[: max(at, 0)].partition(":")
    if not sep or at < 0 or not colon:
        return None
    return scheme, user, password, rest[at + 1 :]


_ENCODED = re.compile(r"%[0-9A-Fa-f]{2}")


def _not_written_as_an_address(url: str) -> UserError:
    return _err(
        QT_TRANSLATE_NOOP(
            "StoreCopy",
            "数据库地址 {url} 读不通：用户名或密码里的 @ : / # ? % & 等字符要按网址的规则写"
            "（如 @ 写作 %40，: 写作 %3A，/ 写作 %2F，# 写作 %23，? 写作 %3F，% 写作 %25，& 写作 %26）",
        ),
        url=shown_url(url),
    )


def _unencoded(url: str) -> bool:
    """Whether the user name or password of ``url`` holds a character an address gives a meaning
    (@ : / # ? & or a % not starting an encoded one): the address then reads as another one."""
    given = _userinfo(url)
    if given is None:
        return False
    _scheme, user, password, _rest = given
    bare = _ENCODED.sub("", user + password)
    return any(c in bare for c in "@/#?&%") or ":" in password


def shown_url(url: str) -> str:
    """A database address as it may be printed or logged: its password masked, wherever it is
    given — after the user name (:func:`_userinfo`), as a parameter (``?password=…``,
    ``sslpassword``), or in a libpq keyword string (``host=… password=…``)."""
    given = _userinfo(url)
    masked = url if given is None else f"{given[0]}://{given[1]}:***@{given[3]}"
    return _PASSWORD_PARAM.sub(r"\1***", masked)


def scrubbed(text: str, url: str) -> str:
    """``text`` (a driver's error) without any piece of ``url``'s password: a password typed with an
    unencoded @ is cut by the parser, and the driver names the "host" it made of its end."""
    given = _userinfo(url)
    if given is not None and (password := given[2]):
        for piece in sorted(set(re.split(r"[@/?#:&=]", password) + [password]), key=len, reverse=True):
            if len(piece) >= 3:
                text = text.replace(piece, "***")
    return _PASSWORD_PARAM.sub(r"\1***", text)


# ?password=…, &sslpassword=…, password = '…' (libpq's keywords, quoted or not)
_PASSWORD_PARAM = re.compile(r"(?i)\b((?:ssl)?password\s*=\s*)('(?:[^'\\]|\\.)*'|[^\s&]*)")


INSUFFICIENT_PRIVILEGE = "42501"  # PostgreSQL's SQLSTATE for "permission denied"


def denied(error: BaseException | None) -> bool:
    """Whether the server refused ``error``'s statement for the account's rights (not its address)."""
    return getattr(getattr(error, "orig", None), "sqlstate", None) == INSUFFICIENT_PRIVILEGE


def _no_rights(url: str, what: str) -> UserError:
    return _err(
        QT_TRANSLATE_NOOP(
            "StoreCopy",
            "数据库账户 {user} 在 {url} 没有{what}的权限：请数据库管理员授予它这个数据库的权限，"
            "或换用有权限的账户",
        ),
        user=sa.engine.make_url(url).username or "?",
        url=shown_url(url),
        what=Message(CTX, what, {}),
    )


def unreachable(url: str, error: BaseException | None = None) -> UserError:
    """A database server that did not answer ``url``: in words (what the server said, which may
    be in English, goes to the log).  One that answered but refused the account what it asked is
    said as such."""
    if error is not None:
        detail = str(getattr(error, "orig", None) or error).strip().splitlines()
        said = scrubbed(detail[0], url) if detail else ""  # (a driver may quote the address)
        log.warning("the database %s did not open: %s", shown_url(url), said)
        if denied(error):
            return _no_rights(url, QT_TRANSLATE_NOOP("StoreCopy", "读写数据"))
    return _err(
        QT_TRANSLATE_NOOP(
            "StoreCopy",
            "连不上数据库 {url}：数据库服务器没有开、地址或端口不对，或用户名、密码、数据库名不对（详见日志）",
        ),
        url=shown_url(url),
    )


def unopened_file(url: str, error: BaseException) -> UserError:
    """A SQLite store file that did not open (a server's address is :func:`unreachable`): in
    words by what SQLite said, which goes to the log."""
    said = str(getattr(error, "orig", None) or error).strip()
    path = sa.engine.make_url(url).database or url
    log.warning("the store file %s did not open: %s", path, said.splitlines()[0] if said else "")
    if "malformed" in said or "not a database" in said:
        template = QT_TRANSLATE_NOOP(
            "StoreCopy",
            "数据库文件 {path} 已损坏，打不开。请把它移到别处（留作检查），用 cunyi init 以原来的代码重新设置本机，"
            "再用 cunyi restore 备份文件 --force-other-device 恢复最近的备份：本机将换用新的设备身份，"
            "请让乡镇卫生院重新信任本机的设备卡",
        )
    elif "disk is full" in said:
        template = QT_TRANSLATE_NOOP(
            "StoreCopy",
            "数据库文件 {path} 所在的磁盘已满，打不开：请腾出磁盘空间（删除不用的文件）后再试，已保存的数据没有丢失",
        )
    elif "unable to open" in said:
        template = QT_TRANSLATE_NOOP(
            "StoreCopy",
            "打不开数据库文件 {path}：那里不是一个可读写的文件（是文件夹、没有权限，或所在的磁盘不可写），详见日志",
        )
    else:
        template = QT_TRANSLATE_NOOP(
            "StoreCopy",
            "读写数据库文件 {path} 时出错（磁盘或文件系统的故障，详见日志）：请检查磁盘，必要时从备份恢复",
        )
    return _err(template, path=path)


def tables() -> list[sa.Table]:
    """The schema's tables, parents before children."""
    return [t for t in Base.metadata.sorted_tables if t.name not in SKIP]


def _canonical(value) -> str:
    """One text per value, the same whichever database it was read from."""
    if value is None:
        return "∅"
    if isinstance(value, uuid.UUID):
        return value.hex
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, dt.datetime):
        return value.replace(tzinfo=None).isoformat(timespec="microseconds")
    if isinstance(value, dt.date | dt.time):
        return value.isoformat()
    if isinstance(value, float | decimal.Decimal):
        return repr(float(value))
    if isinstance(value, dict | list):
        return json.dumps(value, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    if isinstance(value, bytes | memoryview):
        return bytes(value).hex()
    return str(value)


def table_check(conn: Connection, table: sa.Table) -> TableCheck:
    """The table's row count and a checksum of its rows: the sum (mod 2^256) of each row's SHA-256
    over its canonical text, so the rows' order does not matter (the two databases need not return
    them alike) and nothing is held or sorted in memory (a township's change log is gigabytes)."""
    cols = sorted(table.c, key=lambda c: c.name)
    total = rows = 0
    sha = hashlib.sha256
    for row in conn.execute(sa.select(*cols)).yield_per(CHUNK):
        line = "\x1f".join(_canonical(v) for v in row)
        total += int.from_bytes(sha(line.encode("utf-8")).digest(), "big")
        rows += 1
    return TableCheck(table.name, rows, f"{total % (1 << 256):064x}")


def bind_processors(columns: list[sa.Column], dialect) -> list:
    """Each column's bind processor for ``dialect`` (its type's, TypeDecorators included; None: the
    value goes as it is): how the models' types turn Python values into the driver's."""
    return [c.type.dialect_impl(dialect).bind_processor(dialect) for c in columns]


def copy_rows(cursor, table: sa.Table, columns: list[sa.Column], rows, dialect, *, as_text=()) -> int:
    """Stream ``rows`` (Python values, in ``columns``' order) into ``table`` with PostgreSQL's
    ``COPY … FROM STDIN`` on the psycopg ``cursor``, each value through its column's type.  The
    columns named in ``as_text`` (ids) take their values as the server reads them, hex text: the
    server checks it, and a sync bundle's 100k rows make no UUID object each.  JSON goes as the
    text the engine writes (``json_text``), not through a wrapper object per value and the
    driver's dumper (a third of a million values in a 100k-change import)."""
    binds = [
        None if c.name in as_text else json_text if is_json(c.type) else b
        for c, b in zip(columns, bind_processors(columns, dialect), strict=True)
    ]
    # only the columns with a conversion are visited (a visit's row: a few of its 66)
    converted = [(i, b) for i, b in enumerate(binds) if b is not None]
    names = ", ".join(f'"{c.name}"' for c in columns)
    statement = f'COPY "{table.name}" ({names}) FROM STDIN'
    n = 0
    try:
        with cursor.copy(statement) as copy:
            for row in rows:
                if converted:
                    row = list(row)
                    for i, b in converted:
                        v = row[i]
                        if v is not None:
                            row[i] = b(v)
                copy.write_row(row)
                n += 1
    except dialect.loaded_dbapi.Error as e:  # as SQLAlchemy raises it (IntegrityError, …) for its callers
        raise sa.exc.DBAPIError.instance(statement, None, e, dialect.loaded_dbapi.Error) from e
    return n


def _is_empty(conn: Connection) -> bool:
    return all(conn.execute(sa.select(sa.func.count()).select_from(t)).scalar() == 0 for t in tables())


def _reset_sequences(conn: Connection) -> None:
    """PostgreSQL: integer keys with a sequence continue after the copied rows."""
    if conn.dialect.name != "postgresql":
        return
    for t in tables():
        pk = list(t.primary_key.columns)
        if len(pk) == 1 and isinstance(pk[0].type, sa.Integer) and pk[0].autoincrement is not False:
            seq = conn.exec_driver_sql("SELECT pg_get_serial_sequence(%s, %s)", (t.name, pk[0].name)).scalar()
            if seq:
                top = conn.execute(sa.select(sa.func.max(pk[0]))).scalar()
                if top is not None:
                    conn.exec_driver_sql("SELECT setval(%s, %s)", (seq, top))


def migrate_store(source: Store, target_url: str, moved: Callable[[], None] | None = None) -> Migrated:
    """Copy ``source`` into the empty database at ``target_url`` and verify it table by table;
    then ``moved()`` (the data folder remembers the server), and the file is marked moved
    (:func:`app.db.mark_moved`), both before its write lock is let go."""
    if not is_sqlite(source.url):
        raise _err(
            QT_TRANSLATE_NOOP("StoreCopy", "只能从本机的 SQLite 数据库迁出（当前数据库：{url}）"),
            url=shown_url(source.url),
        )
    from app.services import profile

    with source.session() as s:
        authz.require(s, "move_store")  # the whole store, to another place: as a restore, the admin's
        if profile.get_profile(s).role == profile.VILLAGE:
            raise _err(
                QT_TRANSLATE_NOOP(
                    "StoreCopy", "村卫生室的数据只存在本机的 SQLite 数据库中：只有乡镇的数据库可以迁到服务器"
                )
            )
    with source.engine.connect() as conn:
        if conn.exec_driver_sql("PRAGMA user_version").scalar() == MOVED:
            # its store went to a server before, and changed there since: a second copy would put
            # the old records in place of the new ones, under the same device's sequence numbers
            raise _err(
                QT_TRANSLATE_NOOP(
                    "StoreCopy",
                    "这个 SQLite 文件的数据已经迁到 PostgreSQL 服务器，此后的修改都在服务器上：不能再从它迁出"
                    "（那会用旧数据顶替新数据）。服务器上的数据库要换服务器，请用 PostgreSQL 的 pg_dump 和 pg_restore",
                )
            )
    if is_sqlite(target_url) or not target_url.startswith("postgresql"):
        raise _err(
            QT_TRANSLATE_NOOP(
                "StoreCopy", "目标必须是 PostgreSQL 数据库（postgresql+psycopg://用户@主机/库名），不是 {url}"
            ),
            url=shown_url(target_url),
        )
    full = _err(
        QT_TRANSLATE_NOOP("StoreCopy", "目标数据库 {url} 已有数据：请用一个新建的空数据库"),
        url=shown_url(target_url),
    )
    # (another copy into the same database at the same moment: its tables or rows met ours)
    raced = (sa.exc.IntegrityError, sa.exc.ProgrammingError)
    try:
        probe = sa.create_engine(target_url)
        try:
            if foreign_tables(probe):  # refused before anything is made there
                raise full
        finally:
            probe.dispose()
        target = Store(target_url)
    except raced as e:
        if denied(e):  # (an account that may not create tables there: not a database with data)
            raise _no_rights(target_url, QT_TRANSLATE_NOOP("StoreCopy", "建表")) from None
        raise full from None
    except (sa.exc.OperationalError, sa.exc.InterfaceError) as e:
        if _unencoded(target_url):  # (read as another address: "p@ss@host" as the host "ss@host")
            raise _not_written_as_an_address(target_url) from None
        raise unreachable(target_url, e) from None
    except (ValueError, ImportError, sa.exc.ArgumentError):  # not a URL, or another driver than psycopg
        if _unencoded(target_url):
            raise _not_written_as_an_address(target_url) from None
        raise _err(
            QT_TRANSLATE_NOOP(
                "StoreCopy", "目标必须是 PostgreSQL 数据库（postgresql+psycopg://用户@主机/库名），不是 {url}"
            ),
            url=shown_url(target_url),
        ) from None
    try:
        with target.engine.connect() as conn:
            if not _is_empty(conn):
                raise full
        result = Migrated(target_url)
        # One transaction on each side: the source's holds the store's write lock (no other window
        # or server writes to the file while it is copied and checked), the target's commits only
        # once every table checked (a copy killed at any moment leaves the target empty).
        with source.transaction() as src_session:  # (a file moved meanwhile: refused)
            src = src_session.connection()
            with target.engine.begin() as dst:
                _copy_and_check(src, dst, result)
            # the target committed; the file's write lock still held: whoever opens the data folder
            # next is sent to the server, and a window still open on the file can no longer write there
            if moved is not None:
                moved()
            mark_moved(src)
        # Its statistics, as after any restore: the server would plan the first reports and imports
        # on the moved rows as over empty tables until autovacuum came by
        refresh_statistics(target.engine, (t.name for t in tables()), every=True)
        return result
    except raced as e:
        if denied(e):
            raise _no_rights(target_url, QT_TRANSLATE_NOOP("StoreCopy", "写入数据")) from None
        raise full from None
    finally:
        target.dispose()


def _copy_and_check(src: Connection, dst: Connection, result: Migrated) -> None:
    """Every table copied into ``dst`` and read back: rows and checksums as ``src`` holds them."""
    cursor = dst.connection.driver_connection.cursor()
    for t in tables():
        try:
            copy_rows(cursor, t, list(t.c), src.execute(sa.select(t)).yield_per(CHUNK), dst.dialect)
        except sa.exc.DataError as e:
            raise _unstorable(src, t, e) from None
    _reset_sequences(dst)
    for t in tables():
        want, got = table_check(src, t), table_check(dst, t)
        if want != got:
            raise _err(
                QT_TRANSLATE_NOOP(
                    "StoreCopy",
                    "核对失败：表 {table} 原有 {want} 行，迁移后 {got} 行，或内容不一致；目标数据库未作改动",
                ),
                table=t.name,
                want=want.rows,
                got=got.rows,
            )
        result.tables.append(got)


def _holds_nul(value) -> bool:
    if isinstance(value, str):
        return "\x00" in value
    if isinstance(value, dict):
        return any(_holds_nul(k) or _holds_nul(v) for k, v in value.items())
    if isinstance(value, list):
        return any(map(_holds_nul, value))
    return False


def _unstorable(src: Connection, table: sa.Table, error: sa.exc.DataError) -> UserError:
    """What the server refused in ``table``, in one sentence: the row and column holding a NUL
    (text PostgreSQL cannot store, written into the file before the forms refused control
    characters), or the server's reason."""
    columns = list(table.c)
    keys = list(table.primary_key.columns)
    for row in src.execute(sa.select(*columns)).yield_per(CHUNK):
        for column, value in zip(columns, row, strict=True):
            if _holds_nul(value):
                key = ", ".join(_canonical(row[columns.index(k)]) for k in keys)
                return _err(
                    QT_TRANSLATE_NOOP(
                        "StoreCopy",
                        "表 {table} 中记录 {row} 的 {column} 含有 PostgreSQL 无法保存的字符（U+0000）："
                        "请先在原数据库中更正这条记录；目标数据库未作改动",
                    ),
                    table=table.name,
                    row=key,
                    column=column.name,
                )
    return _err(
        QT_TRANSLATE_NOOP("StoreCopy", "表 {table} 的数据无法存入 PostgreSQL：{reason}；目标数据库未作改动"),
        table=table.name,
        reason=str(error.orig).strip().splitlines()[0],
    )

"""Device identity and trust (DESIGN.md, "Bundles": device trust).

Each device has an Ed25519 key (signs bundles, with ``cryptography``) and an X25519 key (bundles
are encrypted to it, as an age identity with ``pyrage``), made at ``init`` and kept owner-only
under ``keys/``.  The public card carries both public keys and a fingerprint of them as four
groups of five digits, short enough to read aloud over the phone before trusting.
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
import uuid
from dataclasses import asdict, dataclass
from pathlib import Path

import pyrage
from cryptography.exceptions import InvalidSignature, UnsupportedAlgorithm
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from app.i18n import QT_TRANSLATE_NOOP
from app.models import Peer, Township, Village, org_id, utcnow
from app.services import safe_output, settings
from app.services.access import audit, authz
from app.services.errors import Message, NotFound, UserError
from app.services.profile import (
    CODE_LENGTH,
    COUNTY,
    TOWNSHIP,
    VILLAGE,
    checked_name,
    get_profile,
    is_upstream_of,
    normalise_code,
)

CTX = "Sync"
CARD_FORMAT = "cunyi-device-card/1"
SIGN_FILE, AGE_FILE = "device_sign.pem", "device_age.txt"
SEAL_FILE = "backup-seal.key"  # the secret this device seals its backups with (backup.seal)
MAX_CARD_BYTES = 16_384


def _err(template: str, **params) -> UserError:
    return UserError(Message(CTX, template, params))


@dataclass(frozen=True)
class DeviceKeys:
    sign: Ed25519PrivateKey
    age: pyrage.x25519.Identity

    @property
    def sign_public(self) -> str:
        raw = self.sign.public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
        return base64.b64encode(raw).decode()

    @property
    def age_recipient(self) -> str:
        return str(self.age.to_public())


def _write_private(path: Path, data: bytes) -> None:
    tmp = path.with_suffix(".part")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "wb") as f:
        f.write(data)
        f.flush()
        os.fsync(f.fileno())
    tmp.replace(path)


PASSPHRASE_ENV = "CUNYI_KEY_PASSPHRASE"
_unlocked: dict[str, str] = {}  # keys folder -> passphrase given this session (memory only)


class KeysMissing(NotFound):
    """This device's keys are not in its data folder (made at ``init``; restored with a backup)."""


class KeysLocked(UserError):
    """The device keys are protected by a passphrase and none (or a wrong one) was given."""


class KeysDamaged(UserError):
    """A key file of this device is there but is not a key of its kind (cut short, overwritten)."""


def _damaged(path: Path) -> KeysDamaged:
    return KeysDamaged(
        Message(
            CTX,
            QT_TRANSLATE_NOOP(
                "Sync",
                "本机设备密钥文件已损坏，无法读取：{path}。请把 keys 文件夹的副本复制回数据文件夹；"
                "没有副本时，请联系乡镇卫生院，把本机作为新设备重新设置",
            ),
            {"path": str(path)},
        )
    )


def unlock(keys_dir: Path, passphrase: str) -> DeviceKeys:
    """Remember the passphrase for this process (after checking it opens the keys)."""
    keys = _load(Path(keys_dir), passphrase)
    _unlocked[str(Path(keys_dir).resolve())] = passphrase
    return keys


def is_protected(keys_dir: Path) -> bool:
    path = Path(keys_dir) / SIGN_FILE
    return path.exists() and b"ENCRYPTED" in path.read_bytes()


def _load(keys_dir: Path, passphrase: str | None) -> DeviceKeys:
    sign_pem, age_raw = (keys_dir / SIGN_FILE).read_bytes(), (keys_dir / AGE_FILE).read_bytes()
    if b"ENCRYPTED" in sign_pem:
        if not passphrase:
            raise KeysLocked(
                Message(
                    CTX,
                    QT_TRANSLATE_NOOP(
                        "Sync", "设备密钥已用口令保护：请输入口令（或设置环境变量 CUNYI_KEY_PASSPHRASE）"
                    ),
                )
            )
        try:
            sign = serialization.load_pem_private_key(sign_pem, password=passphrase.encode())
            age = pyrage.x25519.Identity.from_str(
                pyrage.passphrase.decrypt(age_raw, passphrase).decode().strip()
            )
        except (ValueError, TypeError, pyrage.DecryptError):
            raise KeysLocked(Message(CTX, QT_TRANSLATE_NOOP("Sync", "设备密钥口令不正确"))) from None
        return DeviceKeys(sign, age)
    try:
        sign = serialization.load_pem_private_key(sign_pem, password=None)
    except (ValueError, TypeError, UnsupportedAlgorithm):
        raise _damaged(keys_dir / SIGN_FILE) from None
    if not isinstance(sign, Ed25519PrivateKey):  # (a key of another kind put in its place)
        raise _damaged(keys_dir / SIGN_FILE)
    try:
        age = pyrage.x25519.Identity.from_str(age_raw.decode().strip())
    except (UnicodeDecodeError, pyrage.IdentityError):
        raise _damaged(keys_dir / AGE_FILE) from None
    return DeviceKeys(sign, age)


def protect(session: Session, keys_dir: Path, passphrase: str | None) -> None:
    """(admin) Wrap the device keys with a passphrase, change it, or (None) remove it."""
    authz.require(session, "manage_devices")
    if passphrase is not None and len(passphrase) < 8:
        raise _err(QT_TRANSLATE_NOOP("Sync", "口令至少8个字符"))
    keys = load_keys(keys_dir)
    if passphrase:
        pem = keys.sign.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.BestAvailableEncryption(passphrase.encode()),
        )
        age = pyrage.passphrase.encrypt((str(keys.age) + "\n").encode(), passphrase)
    else:
        pem = keys.sign.private_bytes(
            serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
        )
        age = (str(keys.age) + "\n").encode()
    _write_private(keys_dir / AGE_FILE, age)
    _write_private(keys_dir / SIGN_FILE, pem)
    key = str(Path(keys_dir).resolve())
    _unlocked.pop(key, None)
    if passphrase:
        _unlocked[key] = passphrase
    audit.record(
        session, "device_trust", "device_keys", None, "passphrase set" if passphrase else "passphrase removed"
    )


def create_keys(keys_dir: Path) -> None:
    """Make this device's signing and encryption keys (``init`` does, once); keys already there
    are kept.  The folder is owner-only, the files too."""
    keys_dir.mkdir(parents=True, exist_ok=True)
    if os.name == "posix":
        keys_dir.chmod(0o700)
    sign_path, age_path = keys_dir / SIGN_FILE, keys_dir / AGE_FILE
    if not sign_path.exists():
        pem = Ed25519PrivateKey.generate().private_bytes(
            serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
        )
        _write_private(sign_path, pem)
    if not age_path.exists():
        _write_private(age_path, (str(pyrage.x25519.Identity.generate()) + "\n").encode())
    if not (keys_dir / SEAL_FILE).exists():
        _write_private(keys_dir / SEAL_FILE, os.urandom(32))


def load_keys(keys_dir: Path) -> DeviceKeys:
    """This device's keys, read; never made here: a missing key is an error the user can read
    (made at ``init``).  Protected keys open with the passphrase given this session, or
    ``$CUNYI_KEY_PASSPHRASE``."""
    if not (keys_dir / SIGN_FILE).exists() or not (keys_dir / AGE_FILE).exists():
        raise KeysMissing(
            Message(
                CTX,
                QT_TRANSLATE_NOOP("Sync", "本机设备密钥不存在：{path}（请从备份恢复，或重新初始化）"),
                {"path": str(keys_dir)},
            )
        )
    passphrase = _unlocked.get(str(keys_dir.resolve())) or os.environ.get(PASSPHRASE_ENV)
    return _load(keys_dir, passphrase)


class KeysMismatch(UserError):
    """The data folder's keys are not those the store's device has signed with (another PC's
    folder, or a second workstation of a shared store that made its own)."""


def keys_for_store(store, keys_dir: Path, *, record: bool = True) -> DeviceKeys:
    """This device's keys, checked against the store they sign for (:func:`check_keys`).  The
    first use that signs something for a device records them; an import (``record=False``) only
    checks, so a bundle it refuses leaves the store as it was."""
    with store.transaction() if record else store.session() as s:
        return checked_keys(s, keys_dir, record=record)


def checked_keys(session: Session, keys_dir: Path, *, record: bool = False) -> DeviceKeys:
    """The keys in ``keys_dir``, checked against ``session``'s store (:func:`check_keys`).  Missing
    beside a store on a server that has its keys (a workstation whose folder was not given the
    first one's keys): said so, not "restore from a backup or initialise again", which a server
    store refuses."""
    try:
        keys = load_keys(keys_dir)
    except KeysMissing:
        if session.get_bind().dialect.name == "sqlite" or not settings.get(session, settings.DEVICE_KEYS):
            raise
        raise KeysMissing(
            Message(
                CTX,
                QT_TRANSLATE_NOOP(
                    "Sync",
                    "本数据文件夹没有设备密钥（{path}）：这个数据库在服务器上，由第一台工作站初始化，"
                    "各工作站共用它的设备密钥。请把第一台工作站数据文件夹里的 keys 文件夹复制到本机的数据文件夹",
                ),
                {"path": str(keys_dir)},
            )
        ) from None
    check_keys(session, keys, keys_dir, record=record)
    return keys


def check_keys(session: Session, keys: DeviceKeys, keys_dir: Path, *, record: bool = False) -> None:
    """Refuse keys other than those recorded for the store's device (``settings.DEVICE_KEYS``):
    its peers trust only the first, and would refuse whatever the others sign.  ``record``: when
    none are recorded for this device yet, these are."""
    device = get_profile(session).device_id.hex
    have = fingerprint(keys.sign_public, keys.age_recipient)
    recorded_device, _, want = settings.get(session, settings.DEVICE_KEYS).partition(" ")
    if recorded_device == device and want:
        if want != have:
            raise KeysMismatch(
                Message(
                    CTX,
                    QT_TRANSLATE_NOOP(
                        "Sync",
                        "本数据目录的设备密钥（指纹 {have}）不是这个数据库的设备密钥（指纹 {want}），"
                        "用它们签发的同步包会被对方拒收：请把最初初始化这个数据库的电脑上的 keys 文件夹"
                        "复制到 {path}",
                    ),
                    {"have": have, "want": want, "path": str(keys_dir)},
                )
            )
    elif record:
        settings.put(session, settings.DEVICE_KEYS, f"{device} {have}")


def fingerprint(sign_key: str, enc_key: str) -> str:
    """Four groups of five digits from SHA-256 of both public keys: ``12345 67890 12345 67890``."""
    digest = hashlib.sha256(f"{sign_key}\n{enc_key}".encode()).digest()
    digits = str(int.from_bytes(digest[:16], "big")).zfill(20)[-20:]
    return " ".join(digits[i : i + 5] for i in range(0, 20, 5))


@dataclass(frozen=True)
class DeviceCard:
    format: str
    device_id: str
    role: str
    code: str
    name: str
    institution: str
    sign_key: str
    enc_key: str
    fingerprint: str
    # A township's mailbox (``cunyi serve``): its address and its TLS certificate's SHA-256, signed
    # by sign_key (which the fingerprint covers), so a village pins what the card says.
    server: str = ""
    tls_pin: str = ""
    server_sig: str = ""
    # Who the card says the device is (device_id, role, code, name, institution), signed by
    # sign_key: the fingerprint read over the phone covers the keys only, so a card edited in
    # transit to another village's code would otherwise be trusted as that village.
    card_sig: str = ""

    def to_json(self) -> str:
        return json.dumps(asdict(self), ensure_ascii=False, indent=2)


SERVER_FIELDS = ("server", "tls_pin", "server_sig")
OPTIONAL_FIELDS = (*SERVER_FIELDS, "card_sig")  # (read as "" when a card lacks them)


def _server_text(server: str, tls_pin: str) -> bytes:
    return f"cunyi-card-server-v1\n{server}\n{tls_pin}".encode()


def _identity_text(device_id: str, role: str, code: str, name: str, institution: str) -> bytes:
    return "\n".join(("cunyi-card-identity-v1", device_id, role, code, name, institution)).encode()


def my_card(session: Session, keys: DeviceKeys, *, server: str = "", tls_pin: str = "") -> DeviceCard:
    """This device's card; a township's may name its mailbox (and the pin of its certificate)."""
    p = get_profile(session)
    identity = _identity_text(p.device_id.hex, p.role, p.code, p.name, p.institution)
    signed = {"card_sig": base64.b64encode(sign(keys, identity)).decode()}
    if server or tls_pin:
        sig = base64.b64encode(sign(keys, _server_text(server, tls_pin))).decode()
        signed |= {"server": server, "tls_pin": tls_pin, "server_sig": sig}
    return DeviceCard(
        CARD_FORMAT,
        p.device_id.hex,
        p.role,
        p.code,
        p.name,
        p.institution,
        keys.sign_public,
        keys.age_recipient,
        fingerprint(keys.sign_public, keys.age_recipient),
        **signed,
    )


def write_card(card: DeviceCard, path: Path) -> tuple[Path, Path]:
    """The card as JSON, and beside it a PNG QR code of the same JSON."""
    import segno

    text = card.to_json()
    # a .json (the QR code beside it is the .png of the same name: "-o card.png" wrote the image
    # over the card), and both places checked before either is written
    path = safe_output.file_target(safe_output.named_as(path, ".json"))
    qr = safe_output.file_target(path.with_suffix(".png"))
    path = safe_output.write_file(path, lambda f: f.write(text.encode("utf-8")))
    png = safe_output.write_file(
        qr, lambda f: segno.make(text, error="m").save(f, kind="png", scale=4, border=4)
    )
    return path, png


NOT_A_CARD = QT_TRANSLATE_NOOP("Sync", "{path} 不是村医设备卡，或文件已损坏")


def read_card(path: Path) -> DeviceCard:
    path = Path(path)
    if path.exists() and not path.is_file():  # a pipe or /dev/zero: reading it would never end
        raise _err(NOT_A_CARD, path=str(path))
    try:
        with open(path, "rb") as f:  # (no more than a card can be: a 3 GB file was read whole first)
            raw = f.read(MAX_CARD_BYTES + 1)
        if len(raw) > MAX_CARD_BYTES:
            raise ValueError("too large")
        data = json.loads(raw.decode("utf-8"))
        card = DeviceCard(
            **{k: str(data[k]) for k in DeviceCard.__dataclass_fields__ if k not in OPTIONAL_FIELDS},
            **{k: str(data.get(k) or "") for k in OPTIONAL_FIELDS},
        )
        uuid.UUID(card.device_id)
        base64.b64decode(card.sign_key, validate=True)
        pyrage.x25519.Recipient.from_str(card.enc_key)
    except FileNotFoundError:
        raise _err(QT_TRANSLATE_NOOP("Sync", "找不到设备卡文件：{path}"), path=str(path)) from None
    except Exception:
        raise _err(NOT_A_CARD, path=path.name) from None
    if card.format != CARD_FORMAT:
        raise _err(NOT_A_CARD, path=path.name)
    if fingerprint(card.sign_key, card.enc_key) != card.fingerprint:
        raise _err(QT_TRANSLATE_NOOP("Sync", "设备卡的指纹与其中的密钥不符：文件被改动过，不能信任"))
    if not card.card_sig:
        raise _err(
            QT_TRANSLATE_NOOP(
                "Sync", "这张设备卡没有签名（较早版本导出的）：请让对方用现在的版本重新导出设备卡"
            )
        )
    if not verify(
        card.sign_key,
        _b64(card.card_sig),
        _identity_text(card.device_id, card.role, card.code, card.name, card.institution),
    ):
        raise _err(
            QT_TRANSLATE_NOOP(
                "Sync",
                "设备卡上写的设备、单位或地点（{code} {name}）与卡的签名不符：卡被改动过，未信任。"
                "请让对方重新导出设备卡，并打电话核对指纹",
            ),
            code=card.code,
            name=card.name,
        )
    if (card.server or card.tls_pin) and not verify(
        card.sign_key, _b64(card.server_sig), _server_text(card.server, card.tls_pin)
    ):
        raise _err(QT_TRANSLATE_NOOP("Sync", "设备卡上的服务器地址或证书指纹被改动过，不能信任"))
    return card


def _b64(text: str) -> bytes:
    try:
        return base64.b64decode(text, validate=True)
    except ValueError:
        return b""


def trust(session: Session, card: DeviceCard) -> Peer:
    """Trust a peer's card.  A village trusts its own township; a township its own villages."""
    authz.require(session, "manage_devices")
    me = get_profile(session)
    device = uuid.UUID(card.device_id)
    if device == me.device_id:
        raise _err(QT_TRANSLATE_NOOP("Sync", "这是本机自己的设备卡"))
    # what the card says of its place, as ``init`` takes it there (a card is made with the sender's
    # own keys: its signature says who wrote it, not that what it says is sane): a code of its
    # role's length, of a real county, never this store's own; names a form would take
    if card.role not in CODE_LENGTH:
        raise _err(NOT_A_CARD, path=card.device_id[:8])
    if normalise_code(card.code, card.role) != card.code or card.code == me.code:  # (says why, or:)
        raise _err(QT_TRANSLATE_NOOP("Sync", "设备卡上的单位代码“{code}”无效，未信任"), code=card.code[:20])
    checked_name(card.name, QT_TRANSLATE_NOOP("Field", "名称"))
    checked_name(card.institution or card.name, QT_TRANSLATE_NOOP("Field", "机构名称"))
    upstream = is_upstream_of(card.role, card.code, me.role, me.code)
    downstream = is_upstream_of(me.role, me.code, card.role, card.code)
    if me.role == VILLAGE and not upstream:
        raise _err(
            QT_TRANSLATE_NOOP("Sync", "本村只与所属乡镇卫生院（{town}）同步，这张卡是 {code} {name}"),
            town=me.code[:9],
            code=card.code,
            name=card.name,
        )
    if me.role == TOWNSHIP and not (upstream or downstream):
        raise _err(
            QT_TRANSLATE_NOOP(
                "Sync", "本乡镇只与所辖村卫生室和所属县（{county}）同步，这张卡是 {code} {name}"
            ),
            county=me.code[:6],
            code=card.code,
            name=card.name,
        )
    if me.role == COUNTY and not downstream:
        within = card.code.startswith(me.code)  # (a village of the county: it syncs with its township)
        raise _err(
            QT_TRANSLATE_NOOP(
                "Sync",
                "本县只与所辖乡镇卫生院同步，这张卡是村卫生室 {code} {name}：村卫生室与所属乡镇卫生院同步",
            )
            if within
            else QT_TRANSLATE_NOOP(
                "Sync", "本县只与所辖乡镇卫生院同步，这张卡是 {code} {name}（不属于本县 {county}）"
            ),
            county=me.code,
            code=card.code,
            name=card.name,
        )
    peer = session.get(Peer, device)
    if peer is not None and peer.revoked_at is not None:
        # A revocation is for a PC lost, stolen or no longer safe: its old card (on sticks, in
        # folders, as a QR code) must not bring its keys, or the bundles they signed, back.
        raise _err(
            QT_TRANSLATE_NOOP(
                "Sync",
                "设备 {code} {name} 已于 {date} 被撤销信任，不能凭原来的设备卡再次信任：它的密钥可能已不安全。"
                "那台电脑需以新的设备身份重新设置（如在一个新的数据文件夹中用 cunyi restore 恢复它的备份），"
                "再核对并导入它的新设备卡",
            ),
            code=peer.code,
            name=peer.name,
            date=f"{peer.revoked_at:%Y-%m-%d}",
        )
    if peer is not None and peer.sign_key != card.sign_key:
        # (a PC replaced or set up again comes back as a new device, with a card of its own)
        raise _err(
            QT_TRANSLATE_NOOP(
                "Sync",
                "设备 {code} {name} 已以另一组密钥登记，这张卡的密钥与之不符，未信任：请先打电话核对指纹。"
                "换了电脑或重装的，会以新的设备身份出现，它的新卡可以直接信任",
            ),
            code=peer.code,
            name=peer.name,
        )
    if peer is not None and (peer.role, peer.code) != (card.role, card.code):
        # What a card says of its place is not in its fingerprint: read over the phone, a card
        # edited to another village's code would pass as the device trusted before.
        raise _err(
            QT_TRANSLATE_NOOP(
                "Sync",
                "设备 {device} 已作为 {old_code} {old_name} 受信任，这张卡却写着 {code} {name}，未信任："
                "一台电脑只属于一个单位。换了单位的电脑需以新的设备身份重新设置，再核对并导入它的新设备卡",
            ),
            device=card.device_id[:8],
            old_code=peer.code,
            old_name=peer.name,
            code=card.code,
            name=card.name,
        )
    twin = session.scalar(
        select(Peer).where(
            Peer.device_id != device, or_(Peer.sign_key == card.sign_key, Peer.enc_key == card.enc_key)
        )
    )
    if twin is not None:  # a device's keys are its own: the same keys under another device id pose as it
        raise _err(
            QT_TRANSLATE_NOOP(
                "Sync",
                "这张卡的密钥已属于设备 {device}（{code} {name}），未信任：每台电脑有自己的密钥，"
                "请打电话核对指纹，并向对方要它本机导出的设备卡",
            ),
            device=twin.device_id.hex[:8],
            code=twin.code,
            name=twin.name,
        )
    if me.role == TOWNSHIP and downstream and session.get(Village, org_id("village", card.code)) is None:
        # The village is listed at once; its own row (same derived id) replaces this
        # placeholder, which carries the lowest clock and is not logged, with its first bundle.
        session.add(
            Village(
                id=org_id("village", card.code),
                code=card.code,
                name=card.name,
                township_id=org_id("township", me.code),
                sync_clocks={"_": ["", ""]},
            )
        )
    if me.role == COUNTY and session.get(Township, org_id("township", card.code)) is None:
        # Listed at once, as a township lists a village: its own row replaces this placeholder.
        session.add(
            Township(
                id=org_id("township", card.code), code=card.code, name=card.name, sync_clocks={"_": ["", ""]}
            )
        )
    if peer is None:
        peer = Peer(device_id=device, acked={}, seen_acks={})
        session.add(peer)
    peer.role, peer.code, peer.name = card.role, card.code, card.name
    peer.sign_key, peer.enc_key, peer.fingerprint = card.sign_key, card.enc_key, card.fingerprint
    peer.trusted_at = utcnow()
    session.flush()
    if upstream and card.server:
        from app.services.sync import service  # the network sync's address comes with the card

        service.set_server(session, card.server, card.tls_pin)
    audit.record(session, "device_trust", "sync_peer", device, f"{card.code} {card.name} {card.fingerprint}")
    return peer


def peers(session: Session) -> list[Peer]:
    return list(session.scalars(select(Peer).order_by(Peer.code)))


def find_peer(session: Session, ref: str) -> Peer:
    """A peer by device id (or a unique prefix of it) or by its village/township code."""
    ref = (ref or "").strip().lower().replace("-", "")
    found = [p for p in peers(session) if p.device_id.hex.startswith(ref) or p.code == ref] if ref else []
    if len(found) > 1:  # (devices set up in the same minute share their first digits: UUIDv7; a
        # replaced PC shares its code with the one it replaced): each named by the id that tells it
        from app.services.sync.conflicts import short_ids

        width = short_ids([p.device_id for p in found])
        raise NotFound(
            Message(
                CTX,
                QT_TRANSLATE_NOOP("Sync", "“{ref}”对应多台设备（{devices}），请用设备编号指明其中一台"),
                {
                    "ref": ref,
                    "devices": "、".join(f"{p.device_id.hex[:width]} {p.code} {p.name}" for p in found),
                },
            )
        )
    if not found:
        raise NotFound(Message(CTX, QT_TRANSLATE_NOOP("Sync", "没有找到设备“{ref}”"), {"ref": ref}))
    return found[0]


def revoke(session: Session, ref: str) -> Peer:
    authz.require(session, "manage_devices")
    peer = find_peer(session, ref)
    peer.revoked_at = utcnow()
    session.flush()
    audit.record(session, "device_revoke", "sync_peer", peer.device_id, f"{peer.code} {peer.name}")
    return peer


def escrow_recipient(text: str) -> str:
    """A county escrow key as typed: an age X25519 recipient (``age1…``), checked."""
    text = (text or "").strip()
    try:
        pyrage.x25519.Recipient.from_str(text)
    except Exception:
        raise _err(
            QT_TRANSLATE_NOOP("Sync", "“{key}”不是有效的 age 公钥（应以 age1 开头）"), key=text[:80]
        ) from None
    return text


def set_escrow(session: Session, key: str | None) -> str:
    """(admin) Every later bundle is also encrypted to this age key (the county's, for disaster
    recovery), or to none (``None``/empty).  Whoever holds it can read every bundle: only an admin
    may set it, and it is audited."""
    authz.require(session, "manage_devices", what=Message("Authz", QT_TRANSLATE_NOOP("Authz", "托管密钥")))
    value = escrow_recipient(key) if key else ""
    settings.put(session, settings.ESCROW_KEY, value)
    audit.record(
        session, "device_trust", "escrow_key", None, f"escrow {value[:16]}…" if value else "escrow cleared"
    )
    return value


def sign(keys: DeviceKeys, data: bytes) -> bytes:
    return keys.sign.sign(data)


def verify(sign_key: str, signature: bytes, data: bytes) -> bool:
    try:
        Ed25519PublicKey.from_public_bytes(base64.b64decode(sign_key)).verify(signature, data)
        return True
    except (InvalidSignature, ValueError):
        return False

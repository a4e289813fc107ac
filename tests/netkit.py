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


def free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


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


def self_signed(folder: Path, host: str = "127.0.0.1") -> tuple[Path, Path]:
    """A township's own certificate and key (PEM), as an admin would make with openssl."""
    import datetime as dt
    import ipaddress

    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "cunyi-township")])
    now = dt.datetime.now(dt.UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(days=1))
        .not_valid_after(now + dt.timedelta(days=3650))
        .add_extension(x509.SubjectAlternativeName([x509.IPAddress(ipaddress.ip_address(host))]), False)
        .sign(key, hashes.SHA256())
    )
    cert_path, key_path = folder / "town.crt", folder / "town.key"
    cert_path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_path.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
        )
    )
    return cert_path, key_path

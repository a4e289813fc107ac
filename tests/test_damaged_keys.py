"""A key file of this device damaged (cut short, overwritten, another kind of key in its place) is
said as such, naming the file, everywhere the keys are read: found by the attacker, who got
"程序内部出错（ValueError）" from every command that signs, and the 同步 page failed to open."""

from __future__ import annotations

import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec

from app.cli import main
from app.services.sync import keys as device_keys
from app.services.sync import overview
from tests import synckit

pytestmark = pytest.mark.sqlite_only  # (the keys are files of the data folder, whatever the store)


def another_kind() -> bytes:
    return ec.generate_private_key(ec.SECP256R1()).private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )


DAMAGES = {
    "sign cut short": (device_keys.SIGN_FILE, lambda pem: pem[: len(pem) // 2]),
    "sign garbage": (device_keys.SIGN_FILE, lambda pem: b"garbage"),
    "sign another kind": (device_keys.SIGN_FILE, lambda pem: another_kind()),
    "age garbage": (device_keys.AGE_FILE, lambda raw: b"AGE-SECRET-KEY-1XYZ\n"),
    "age not text": (device_keys.AGE_FILE, lambda raw: b"\xff\xfe\x00"),
}


@pytest.mark.parametrize("damage", DAMAGES, ids=list(DAMAGES))
def test_a_damaged_key_file_is_named(tmp_path, capsys, damage):
    village = synckit.make_device(tmp_path, "v", "village", synckit.VILLAGES[0])
    name, spoil = DAMAGES[damage]
    path = village.paths.sub("keys") / name
    path.write_bytes(spoil(path.read_bytes()))
    with pytest.raises(device_keys.KeysDamaged) as raised:
        device_keys.load_keys(village.paths.sub("keys"))
    assert str(path) in raised.value.message.render()
    with village.store.session() as s:  # the 同步 page: opens, saying what is wrong
        seen = overview.sync_overview(s, village.paths.sub("keys"))
    assert "已损坏" in seen.keys_problem.render() and str(path) in seen.keys_problem.render()
    village.store.dispose()
    code = main(["--data-dir", str(village.paths.data_dir), "device", "card", "-o", str(tmp_path / "c.json")])
    err = capsys.readouterr().err
    assert code != 0 and "本机设备密钥文件已损坏" in err and name in err, err
    assert "内部出错" not in err

"""What a device card says of its place is checked as ``init`` checks it there: a card is signed
with its sender's own keys, so its signature says who wrote it, not that a code or a name is sane.
Found by the attacker: a card coded as the township itself, or as ``110105001abc``, made villages
that gave 14-digit archive numbers; a name holding ESC broke every workbook of the township."""

from __future__ import annotations

import base64
import uuid

import pytest

from app.cli import main
from app.services.errors import UserError
from app.services.sync import keys as device_keys
from tests import storekit, synckit

pytestmark = pytest.mark.both_databases  # SQLite and PostgreSQL (conftest)


def forged(tmp_path, role: str, code: str, name: str, institution: str) -> device_keys.DeviceCard:
    """A card as anyone can make one with keys of their own, saying what they like."""
    folder = tmp_path / uuid.uuid4().hex
    device_keys.create_keys(folder)
    keys = device_keys.load_keys(folder)
    device = uuid.uuid4().hex
    said = device_keys._identity_text(device, role, code, name, institution)
    return device_keys.DeviceCard(
        device_keys.CARD_FORMAT,
        device,
        role,
        code,
        name,
        institution,
        keys.sign_public,
        keys.age_recipient,
        device_keys.fingerprint(keys.sign_public, keys.age_recipient),
        card_sig=base64.b64encode(device_keys.sign(keys, said)).decode(),
    )


@pytest.mark.parametrize(
    ("role", "code", "name", "said"),
    [
        ("village", synckit.TOWN, "假村", "村代码应为12位数字"),
        ("township", synckit.TOWN, "假乡", "无效"),  # the township's own code, on another PC
        ("village", synckit.TOWN + "abc", "假村", "村代码应为12位数字"),
        ("village", synckit.TOWN + "9999999999", "假村", "村代码应为12位数字"),
        ("village", synckit.TOWN + "１０３", "假村", "无效"),  # (full-width: not as a card is written)
        ("village", synckit.TOWN + "103", "新\x1b[0m村", "无法识别"),
        ("village", synckit.TOWN + "103", "村" * 101, "过长"),
    ],
)
def test_a_card_whose_place_init_would_refuse_is_not_trusted(tmp_path, role, code, name, said):
    town = synckit.make_device(tmp_path, "东风乡", "township", synckit.TOWN)
    try:
        card = forged(tmp_path, role, code, name, "假村卫生室")
        with pytest.raises(UserError) as refused, town.store.transaction() as s:
            device_keys.trust(s, card)
        assert said in refused.value.render(), refused.value.render()
        with town.store.session() as s:
            assert device_keys.peers(s) == []
        good = forged(tmp_path, "village", synckit.TOWN + "103", "新村", "新村卫生室")
        with town.store.transaction() as s:  # (the same, sane: trusted)
            device_keys.trust(s, good)
    finally:
        storekit.discard(town.store)


@pytest.mark.sqlite_only  # a village's store
@pytest.mark.parametrize("name", ["新\x1b[0m村", "村" * 101])
def test_init_takes_a_name_as_the_institution_form_does(tmp_path, capsys, name):
    data = storekit.data_dir_for_init(tmp_path / "v")
    code = main(
        ["--data-dir", str(data), "init", "--role", "village", "--code", "110105001101", "--name", name]
    )
    err = capsys.readouterr().err
    assert code == 1 and ("无法识别" in err or "过长" in err), err

"""A refusal's parts are said in the reader's language (found by attack: roles on the command line).

``authz.require`` passed the action's label ("修改档案", context "Authz") and some ``what``s (加密数据库,
健康教育活动) as plain strings; a string parameter is translated in the "Field" context only, so under
``CUNYI_LANG=en`` the refusal read "vdoc may not 管理用户".  The same for an indicator's name in the
drill-down refusals of ``report indicators --list``.  Chinese stays the default, word for word."""

from __future__ import annotations

import re

import pytest

from app.cli import main
from tests import storekit

pytestmark = [pytest.mark.both_databases, pytest.mark.sqlite_only]

CHINESE = re.compile(r"[\u4e00-\u9fff]")


@pytest.fixture
def village_with_doctor(tmp_path, capsys):
    d = ["--data-dir", str(storekit.data_dir_for_init(tmp_path / "D"))]
    pw = tmp_path / "pw.txt"
    pw.write_text("pass12345\n", encoding="utf-8")
    assert main([*d, "init", "--role", "village", "--code", "110105001101", "--name", "测试村"]) == 0
    assert main([*d, "demo", "--residents", "20", "--seed", "2"]) == 0
    assert (
        main(
            [
                *d,
                "user",
                "add",
                "vdoc",
                "--role",
                "village_doctor",
                "--name",
                "Doc V",
                "--new-password-file",
                str(pw),
            ]
        )  # fmt: skip
        == 0
    )
    capsys.readouterr()
    return [*d, "--user", "vdoc", "--password-file", str(pw)]


REFUSED = [
    (["user", "list"], "Doc V may not manage users"),
    (["backup", "-o", "{tmp}/b.db"], "Doc V may not "),
    (["store", "encrypt"], "Doc V may not "),
    (["report", "indicators", "--year", "2025", "--indicator", "smi_standard", "--list", "numerator"],
     "counts only severe mental disorder patients"),
    (["report", "indicators", "--year", "2025", "--indicator", "records", "--list", "denominator"],
     "The denominator of"),
]  # fmt: skip


@pytest.mark.parametrize(("argv", "said"), REFUSED)
def test_a_refusal_is_said_wholly_in_english_when_asked(
    village_with_doctor, tmp_path, capsys, monkeypatch, argv, said
):
    monkeypatch.setenv("CUNYI_LANG", "en")
    argv = [a.replace("{tmp}", str(tmp_path)) for a in argv]
    assert main([*village_with_doctor, *argv]) == 1
    err = capsys.readouterr().err
    assert said in err, err
    assert not CHINESE.search(err) and "：" not in err, err


def test_a_refusal_stays_chinese_by_default(village_with_doctor, tmp_path, capsys):
    assert main([*village_with_doctor, "user", "list"]) == 1
    assert "Doc V 没有权限管理用户" in capsys.readouterr().err
    assert main([*village_with_doctor, "store", "encrypt"]) == 1
    assert "Doc V 没有权限恢复备份：加密数据库" in capsys.readouterr().err
    argv = ["report", "indicators", "--year", "2025", "--indicator", "smi_standard", "--list", "numerator"]
    assert main([*village_with_doctor, *argv]) == 1
    assert "“严重精神障碍患者规范管理率”只统计严重精神障碍患者" in capsys.readouterr().err

"""Shared fixtures: a fresh store per test (village or township), the Qt app with the bundled font;
cheap password hashing and the Hypothesis profiles for the whole session."""

from __future__ import annotations

import datetime as dt
import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

# A broken Qt must fail the suite, never skip it: import it unconditionally here.
import PySide6.QtWidgets  # noqa: E402,F401
import pytest  # noqa: E402
from argon2 import PasswordHasher  # noqa: E402
from hypothesis import settings  # noqa: E402

from app.db import Store  # noqa: E402
from app.services import profile  # noqa: E402
from app.services.access import passwords  # noqa: E402
from app.services.records.residents import ResidentInput  # noqa: E402
from app.services.sync import keys  # noqa: E402
from tests import storekit  # noqa: E402

VILLAGE_CODE = "110105001101"
TOWNSHIP_CODE = "110105001"
TODAY = dt.date(2026, 11, 23)
# A 专项随访 visit's insight and social function as recorded when the patient is well (稳定 asks for both)
SMI_ASSESSED = {
    "insight": "1",
    **{f"social_{k}": "1" for k in ("personal", "housework", "work", "study", "social")},
}

# Property tests take their number of examples from the profile: "ci" runs the full count (CI sets
# CI=true), "dev" a few for a quick run.  HYPOTHESIS_PROFILE picks one explicitly.
settings.register_profile("ci", max_examples=200)
settings.register_profile("dev", max_examples=20)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE") or ("ci" if os.environ.get("CI") else "dev"))


@pytest.fixture(scope="session", autouse=True)
def cheap_password_hashing():
    """argon2id at its smallest for the session (the library defaults cost ~0.1 s per hash, and so
    per login); yields the app's own hasher.  See `real_password_hashing`."""
    app_hasher = passwords.use_hasher(PasswordHasher(time_cost=1, memory_cost=8, parallelism=1))
    yield app_hasher
    passwords.use_hasher(app_hasher)


@pytest.fixture
def real_password_hashing(cheap_password_hashing):
    """The app's own password hasher for one test; yields it."""
    cheap = passwords.use_hasher(cheap_password_hashing)
    yield cheap_password_hashing
    passwords.use_hasher(cheap)


@pytest.fixture(scope="session", autouse=True)
def store_template(tmp_path_factory):
    """New stores in this session start as a copy of one migrated database (tests/storekit.py)."""
    storekit.use_folder(tmp_path_factory.mktemp("templates"))
    yield
    storekit.use_folder(None)


# A module marked `both_databases` runs on SQLite and again on PostgreSQL (tests/pg.py): its stores are
# then databases on a throwaway cluster started once for the session (storekit.use_backend).
BACKENDS = ("sqlite", "postgresql")


def pytest_configure(config):
    _answer_message_boxes()
    config.addinivalue_line("markers", "both_databases: run the module on SQLite and on PostgreSQL")
    config.addinivalue_line(
        "markers",
        "sqlite_only: in a both_databases module, a test with nothing to run on PostgreSQL: SQLite's own "
        "machinery, a village's store (SQLite by design) or no store at all (its reason in one line)",
    )


# A message box nobody expected (an error dialog, a question) waits offscreen for a click that never
# comes: one hung a whole CI run, another aborted a worker as it opened after its test had ended.  For
# the whole session each one is answered as a dismissed box would be and fails the test it opened in
# (its setup, call or teardown).  A test expecting one patches QMessageBox itself; its patch stands.
_running: list[str] = [""]
_boxes: dict[str, list[str]] = {}


def _answer_message_boxes() -> None:
    from PySide6.QtWidgets import QMessageBox

    def box(kind, answer):
        def show(_parent, title, text, *_a, **_k):
            _boxes.setdefault(_running[0], []).append(f"{kind}: {title}: {text}")
            return answer

        return show

    for kind, answer in (
        ("warning", QMessageBox.Ok),
        ("critical", QMessageBox.Ok),
        ("information", QMessageBox.Ok),
        ("question", QMessageBox.No),
    ):
        setattr(QMessageBox, kind, box(kind, answer))


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_setup(item):
    _running[0] = item.nodeid


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    report = yield
    if call.when == "teardown" and (shown := _boxes.pop(item.nodeid, None)):
        report.outcome = "failed"
        report.longrepr = f"message boxes the test did not expect: {shown}"
    return report


# The quick tier (-m quick), to run after every edit in under a minute: these modules' tests that are
# not slow, on SQLite: the rules (validators, follow-up and 严重精神障碍 rules), the resident's form,
# search and enrolment, bad input on the command line, what the app writes for people, the
# programmes' services, the indicators' services, the actor, and a few sync pieces that need no second
# device.  Everything else is in the fast tier (-m "not slow") and the whole suite.
QUICK_MODULES = {
    f"test_{name}"
    for name in [
        "validators",
        "smi_rules",
        "followup_rules",
        "safe_output",
        "resident_fields",
        "enrolment",
        "search",
        "cli_input_hygiene",
        "cli_messages",
        "education",
        "services_indicators",
        "population",
        "worklist",
        "worklist_households",
        "charts",
        "actor",
        "contracts",
        "poverty",
        "translations",
        "group_order",
        "sync_history",
        "sync_bulk",
        "collector",
        "cli_pipe",
        "storekit",
        "setup_script",
        "store_file_locks",
        "qt_runtime",
        "county_search",
        "indicator_sharing",
    ]
}


def pytest_collection_modifyitems(config, items):
    for item in items:
        if (
            item.module.__name__.rpartition(".")[2] in QUICK_MODULES
            and not item.get_closest_marker("slow")
            and getattr(getattr(item, "callspec", None), "params", {}).get("db_backend") != "postgresql"
        ):
            item.add_marker(pytest.mark.quick)


# The fast tier (-m "not slow") runs these modules on PostgreSQL too; every other module's second run
# is in the whole suite only (its SQLite run stays fast).
FAST_ON_POSTGRESQL = {"test_sync", "test_indicators", "test_search", "test_followup"}


def pytest_generate_tests(metafunc):
    if metafunc.definition.get_closest_marker("both_databases") and "db_backend" in metafunc.fixturenames:
        if metafunc.definition.get_closest_marker("sqlite_only"):
            backends = [BACKENDS[0]]
        elif metafunc.module.__name__.rpartition(".")[2] in FAST_ON_POSTGRESQL:
            backends = list(BACKENDS)
        else:
            backends = [BACKENDS[0], pytest.param(BACKENDS[1], marks=pytest.mark.slow)]
        metafunc.parametrize("db_backend", backends, indirect=True, scope="module")


# A test's PostgreSQL run that never takes a connection to the server only repeats its SQLite run:
# such tests are listed at the end of the session (mark them `sqlite_only`).
_pg_checkouts = 0
_pg_idle: list[str] = []


def _count_pg_checkout(dbapi_conn, record, proxy):
    global _pg_checkouts
    if type(dbapi_conn).__module__.startswith("psycopg"):
        _pg_checkouts += 1


@pytest.fixture(autouse=True)
def _touches_postgresql(request, db_backend):
    if db_backend != "postgresql":
        yield
        return
    before = _pg_checkouts
    yield
    # (a module run on PostgreSQL alone, test_postgresql's, has no SQLite run to fall back to)
    if _pg_checkouts == before and request.node.get_closest_marker("both_databases"):
        _pg_idle.append(request.node.nodeid)


def pytest_sessionfinish(session):
    workeroutput = getattr(session.config, "workeroutput", None)  # an xdist worker: tell the controller
    if workeroutput is not None:
        workeroutput["pg_idle"] = list(_pg_idle)


@pytest.hookimpl(optionalhook=True)
def pytest_testnodedown(node, error):  # xdist's controller, as each worker finishes
    _pg_idle.extend(getattr(node, "workeroutput", {}).get("pg_idle", []))


def pytest_terminal_summary(terminalreporter):
    if _pg_idle:
        terminalreporter.section("PostgreSQL runs that never used the server (mark them sqlite_only)")
        for nodeid in _pg_idle:
            terminalreporter.line(nodeid)


@pytest.fixture(scope="session")
def pg_cluster(tmp_path_factory):
    """A PostgreSQL server of the session's own, started on first use.  Not installed: an error."""
    from sqlalchemy import event
    from sqlalchemy.pool import Pool

    from tests.pg import Cluster

    event.listen(Pool, "checkout", _count_pg_checkout)
    cluster = Cluster().start()
    yield cluster
    cluster.stop()


@pytest.fixture(scope="module", autouse=True)
def db_backend(request):
    """The database of this module's run: sqlite, or postgresql for a `both_databases` module's second."""
    name = getattr(request, "param", "sqlite")
    storekit.use_backend(name, request.getfixturevalue("pg_cluster") if name == "postgresql" else None)
    yield name
    if name == "postgresql":
        storekit.drop_databases()  # this module's; the cluster lives for the session
    storekit.use_backend("sqlite")


def make_store(tmp_path, role: str = "village", code: str = VILLAGE_CODE, name: str = "测试村") -> Store:
    """A store as `cunyi init` leaves it: its own device id, database id and keys.  On the PostgreSQL
    backend a village's store is there too: the services are tested on both databases."""
    data = tmp_path / f"data-{role}"
    store = storekit.new_store(data / "cunyi.db", shared=True, backups_dir=data / "backups")
    with store.transaction() as s:
        profile.init_profile(s, role=role, code=code, name=name, admin="doctor", admin_name="李医生")
    keys.create_keys(data / "keys")  # as `cunyi init` does
    return store


@pytest.fixture
def store(tmp_path):
    s = make_store(tmp_path)
    yield s
    storekit.discard(s)


@pytest.fixture
def township_store(tmp_path):
    s = make_store(tmp_path, "township", TOWNSHIP_CODE, "朝阳乡")
    yield s
    storekit.discard(s)


@pytest.fixture
def person():
    """A valid resident input: 女, born 1949-12-31."""

    def make(**kw) -> ResidentInput:
        base = dict(name="张三", id_number="11010519491231002X", phone="13812345678", group_name="一组")
        base.update(kw)
        return ResidentInput(**base)

    return make


@pytest.fixture(scope="session")
def qapp_args():
    return ["cunyi-tests"]


@pytest.fixture(scope="session")
def qapp_cls():
    from PySide6.QtWidgets import QApplication

    return QApplication


@pytest.fixture
def gui_app(qapp):
    from app.views.startup import install_translator, register_cjk_font

    register_cjk_font(qapp)
    install_translator(qapp, "zh")
    return qapp


@pytest.fixture(scope="module")
def template(tmp_path_factory, db_backend):  # built once per module and database
    """A township and two villages after a round trip (synckit.synced_county), built once a module."""
    from tests.synckit import synced_county

    return synced_county(tmp_path_factory.mktemp("county"))


@pytest.fixture
def world(template, tmp_path):
    """Each test's own copy of the module's county: (township, village A, village B, folder).
    (tests/test_sync.py keeps a world of its own, with demo residents.)"""
    from tests.synckit import copy_devices

    town, a, b = copy_devices(template, tmp_path)
    yield town, a, b, tmp_path
    for d in (town, a, b):
        storekit.discard(d.store)


@pytest.fixture(scope="session", autouse=True)
def _previews_closed_before_exit():
    """Print previews a test left open have their PDF closed as the session ends, as the app
    closes them when it quits (print_preview.close_all): pdfium's own clean-up at interpreter exit
    could crash a worker after its tests had passed."""
    yield
    import sys

    preview = sys.modules.get("app.views.print_preview")
    if preview is not None:
        preview.close_all()

"""What every command shares: the global options, opening the store (and logging in with
``--user``), JSON output, passwords from a file or a prompt, and errors as one plain sentence.

Nothing here imports Qt, reportlab, SQLAlchemy or a service (but its error type) at module level:
``cunyi --help`` stays fast.
"""

from __future__ import annotations

import argparse
import errno
import json
import logging
import os
import re
import sys
import time
import unicodedata
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import NoReturn

from app import __version__
from app.config import Paths, resolve_data_dir, resolve_db_url, setup_logging
from app.i18n import QT_TRANSLATE_NOOP
from app.services.errors import Message, UserError

PROCESS_T0 = time.perf_counter()  # `gui --smoke` reports first paint from here

Handler = Callable[[argparse.Namespace], int]


class CliError(Exception):
    """A problem of the command line itself (bad argument, missing file), said in one sentence: a
    ``QT_TRANSLATE_NOOP("Cli", …)`` template and its ``{name}`` values, said in the language of
    the command line (:data:`speak`)."""

    def __init__(self, text: str, /, **params):  # (a param may be called "text")
        super().__init__(text)
        self.text, self.params = text, params

    def render(self) -> str:
        # in one pass: a value (a file name, a roster's cell) that holds "{name}" is left as it is
        return re.sub(
            r"\{(\w+)\}",
            lambda m: str(self.params[m[1]]) if m[1] in self.params else m[0],
            speak("Cli", self.text),
        )


def cli_language() -> str:
    """The language of the command line's help and errors: ``CUNYI_LANG`` (as the window's), else
    Chinese.  (What a command reports of its work is in Chinese; a document's, by its ``--lang``.)"""
    return "en" if os.environ.get("CUNYI_LANG", "").strip().lower().startswith("en") else "zh"


def english_translator() -> Callable[[str, str], str]:
    """Translate (context, text) into English from the .qm the window uses (QtCore only: no display)."""
    from PySide6.QtCore import QTranslator

    from app.config import resource_path
    from app.i18n import finish_translation

    translator = QTranslator()
    if not translator.load(str(resource_path("translations", "cunyi_en.qm"))):
        # (said in Chinese, untranslated: what would translate it is what is missing)
        raise CliError("找不到英文翻译文件")

    def translate(context: str, text: str) -> str:
        return finish_translation(translator.translate(context, text), text, "en")

    return translate


def _as_written(_context: str, text: str) -> str:
    return text


# what the command line's own words go through (help, errors): set by ``use_language``
speak: Callable[[str, str], str] = _as_written


def file_said(name: str, text: str) -> str:
    """ "FILE：what of it", in the language :data:`speak` speaks."""
    return (
        speak("Cli", QT_TRANSLATE_NOOP("Cli", "{file}：{text}"))
        .replace("{file}", name)
        .replace("{text}", text)
    )


def noted(message) -> str:
    """ "注意：what" of a message (a clock warning, a notice), in the language :data:`speak` speaks."""
    return speak("Cli", QT_TRANSLATE_NOOP("Cli", "注意：{text}")).replace("{text}", message.render(speak))


def use_language(lang: str) -> None:
    global speak
    speak = english_translator() if lang == "en" else _as_written


def translated(parser: argparse.ArgumentParser) -> argparse.ArgumentParser:
    """``parser`` and its commands' parsers with their help in the language :data:`speak` speaks:
    every help, description and section title is a Chinese source text of the "Cli" context."""
    if speak is _as_written:
        return parser
    seen: set[int] = set()

    def walk(p: argparse.ArgumentParser) -> None:
        if id(p) in seen:
            return
        seen.add(id(p))
        if isinstance(p.description, str):
            p.description = speak("Cli", p.description)
        for group in p._action_groups:
            if isinstance(group.title, str):
                group.title = speak("Cli", group.title)
        for action in p._actions:
            if isinstance(action.help, str) and action.help is not argparse.SUPPRESS:
                action.help = speak("Cli", action.help)
            if isinstance(action, argparse._SubParsersAction):
                for choice in action._choices_actions:
                    if isinstance(choice.help, str):
                        choice.help = speak("Cli", choice.help)
                for sub in action.choices.values():
                    walk(sub)

    walk(parser)
    return parser


def display_width(text: str) -> int:
    """Columns ``text`` takes in a terminal: a Chinese character (or full-width sign) takes two."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


# Signs a line does not begin with (they close what is before them), as Chinese typesetting has it,
_NO_LINE_START = frozenset("，。、；：？！）》」』”’,.;:?!)]%")
_NO_LINE_END = frozenset("（《「『“‘([")  # nor ends with one that opens


def wrap_columns(text: str, width: int) -> list[str]:
    """``text`` (its white space as single spaces) in lines of at most ``width`` terminal columns:
    broken between words of Latin letters or digits (never inside one that fits a line) and
    between any two Chinese characters, never before a closing sign (the character before it
    goes down with it)."""
    tokens = re.findall(r"[^\s\u2e80-\uffef]+|\S", " ".join(text.split()))
    spaced = re.findall(r" ?(?:[^\s\u2e80-\uffef]+|\S)", " ".join(text.split()))  # each with its space
    lines: list[list[str]] = [[]]
    for token, with_space in zip(tokens, spaced, strict=True):
        line = lines[-1]
        if line and display_width("".join(line) + with_space) > width:
            carried: list[str] = []
            while len(line) > 1 and (
                (carried[0] if carried else token).lstrip()[0] in _NO_LINE_START
                or line[-1][-1] in _NO_LINE_END
            ):
                carried.insert(0, line.pop())
            lines.append([piece.lstrip() for piece in carried])
            line = lines[-1]
            with_space = with_space if line else token
        while display_width(with_space) > width:  # a word longer than a line (a URL): cut
            cut = max(i for i in range(1, len(with_space) + 1) if display_width(with_space[:i]) <= width)
            lines[-1].append(with_space[:cut])
            lines.append([])
            with_space = with_space[cut:]
        lines[-1].append(with_space if lines[-1] else with_space.lstrip())
    return ["".join(line).rstrip() for line in lines if "".join(line).strip()]


class HelpFormatter(argparse.HelpFormatter):
    """``--help`` in Chinese, wrapped by terminal columns (a Chinese character takes two)."""

    def add_usage(self, usage, actions, groups, prefix=None) -> None:
        super().add_usage(
            usage,
            actions,
            groups,
            speak("Cli", QT_TRANSLATE_NOOP("Cli", "用法：")) if prefix is None else prefix,
        )

    def _format_usage(self, usage, actions, groups, prefix) -> str:
        extra = display_width(prefix) - len(prefix)  # argparse measures the prefix by characters
        self._width -= extra
        try:
            return super()._format_usage(usage, actions, groups, prefix)
        finally:
            self._width += extra

    def _metavar_formatter(self, action, default_metavar):
        if isinstance(action, argparse._SubParsersAction) and action.metavar is None:
            # the commands are listed under it one by one: not all of them again on one line (an
            # error still names the command's own argument, as argparse does)
            name = speak("Cli", QT_TRANSLATE_NOOP("Cli", "命令"))
            return lambda size: (name,) * size
        return super()._metavar_formatter(action, default_metavar)

    def add_argument(self, action) -> None:
        super().add_argument(action)
        if action.help is not argparse.SUPPRESS:  # a sub-command is listed indented: measured so
            for sub in self._iter_indented_subactions(action):
                width = len(self._format_action_invocation(sub)) + self._current_indent
                self._action_max_length = max(self._action_max_length, width)

    def format_help(self) -> str:
        # argparse ends a section's title with an ASCII colon: a Chinese title takes a full-width one
        return re.sub(r"^(\S*[\u4e00-\u9fff]):$", r"\1：", super().format_help(), flags=re.M)

    def _split_lines(self, text: str, width: int) -> list[str]:
        return wrap_columns(text, width)

    def _fill_text(self, text: str, width: int, indent: str) -> str:
        return "\n".join(indent + line for line in wrap_columns(text, width - len(indent)))


class _Commands(argparse._SubParsersAction):
    """Sub-commands whose own ``--help`` starts by saying what they do (their line in the list)."""

    def add_parser(self, name, **kwargs):
        if "help" in kwargs:
            kwargs.setdefault("description", kwargs["help"])
        return super().add_parser(name, **kwargs)


class CliParser(argparse.ArgumentParser):
    """An argument parser whose errors are one line on stderr (exit status 2), like every other
    error of the CLI: no usage block, no traceback.  Its ``--help`` is in Chinese, argparse's own
    words included (:class:`HelpFormatter`)."""

    def __init__(self, *args, **kwargs) -> None:
        kwargs.setdefault("formatter_class", HelpFormatter)
        super().__init__(*args, **kwargs)
        self.register("action", "parsers", _Commands)
        self._positionals.title = QT_TRANSLATE_NOOP("Cli", "位置参数")
        self._optionals.title = QT_TRANSLATE_NOOP("Cli", "选项")
        for action in self._actions:
            if isinstance(action, argparse._HelpAction):
                action.help = QT_TRANSLATE_NOOP("Cli", "显示本帮助并退出")

    def error(self, message: str) -> NoReturn:
        one_line = " ".join(message.split())
        if speak is _as_written:
            self.exit(2, f"错误：{self.prog}：{in_chinese(one_line)}（用 {self.prog} --help 查看用法）\n")
        self.exit(2, f"error: {self.prog}: {one_line} (see {self.prog} --help)\n")


# argparse's own messages (its English templates, as Python 3.11 words them) as the CLI says the
# rest of its errors: in Chinese.  A message of the CLI's own, or one a later Python words
# differently, is left as it is.
ARGPARSE_MESSAGES = {
    "the following arguments are required: %s": "缺少必需的参数：%s",
    "unrecognized arguments: %s": "不认识的参数：%s",
    "argument %(argument_name)s: %(message)s": "参数 %(argument_name)s：%(message)s",
    "invalid choice: %(value)r (choose from %(choices)s)": "无效的取值 %(value)r（可选：%(choices)s）",
    "invalid %(type)s value: %(value)r": "无效的值 %(value)r（应为 %(type)s）",
    "expected one argument": "缺少参数值",
    "expected at least one argument": "至少需要一个参数值",
    "expected at most one argument": "最多只能有一个参数值",
    "expected %s arguments": "需要 %s 个参数值",
    "ambiguous option: %(option)s could match %(matches)s": "选项 %(option)s 不明确，可能是：%(matches)s",
    "not allowed with argument %s": "不能与参数 %s 同时使用",
    "one of the arguments %s is required": "参数 %s 必须给出其中一个",
    "can't open '%(filename)s': %(error)s": "无法打开“%(filename)s”：%(error)s",
    "ignored explicit argument %r": "多余的参数值 %r",
}


def _pattern(template: str) -> re.Pattern:
    parts = re.split(r"(%\((\w+)\)[sr]|%[sr])", template)
    out, names = [], iter(range(1000))
    i = 0
    while i < len(parts):
        out.append(re.escape(parts[i]))
        if i + 1 < len(parts):
            name = parts[i + 2] or f"_{next(names)}"
            # the value typed, as repr() shows it, may hold the template's words: the last split
            out.append(f"(?P<{name}>.+)" if name == "value" else f"(?P<{name}>.+?)")
        i += 3
    return re.compile("".join(out) + r"\Z", re.S)


_ARGPARSE = [(_pattern(en), en, zh) for en, zh in ARGPARSE_MESSAGES.items()]


def in_chinese(message: str) -> str:
    """An argparse message in Chinese (:data:`ARGPARSE_MESSAGES`); any other as it is."""
    for pattern, en, zh in _ARGPARSE:
        found = pattern.match(message)
        if found is None:
            continue
        # argparse's own message inside one is said too; what the user typed is left as typed
        values = [in_chinese(v) if k == "message" else v for k, v in found.groupdict().items()]
        names = re.findall(r"%\((\w+)\)[sr]|%[sr]", en)
        text = zh
        for name, value in zip(names, values, strict=True):
            text = re.sub(rf"%\({name}\)[sr]" if name else r"%[sr]", lambda _m, v=value: v, text, count=1)
        return text
    return message


# What the CLI reads from its environment as text (a folder, a database address).
TEXT_VARIABLES = ("CUNYI_DATA_DIR", "CUNYI_DB_URL")


def refuse_unreadable(parser: argparse.ArgumentParser, argv: list[str]) -> None:
    """Refuse (exit status 2, as any argument error) the first argument, or variable of
    :data:`TEXT_VARIABLES`, that is not text: bytes that are not UTF-8, which Python hands over as
    lone surrogates.  Once, here, before anything is parsed, opened or created: such a string
    cannot be written to a log, an SQL parameter, a database address or a message."""
    said = _unreadable(parser, argv)
    if said is not None:
        text = speak("Cli", QT_TRANSLATE_NOOP("Cli", "错误：{text}")).replace("{text}", said.render(speak))
        parser.exit(2, text + "\n")


def _unreadable(parser: argparse.ArgumentParser, argv: list[str]) -> Message | None:
    for i, arg in enumerate(argv):
        if not _is_text(arg):
            return _unreadable_argument(parser, argv[i - 1] if i else "", arg)
    for name in TEXT_VARIABLES:
        value = os.environ.get(name)
        if value is not None and not _is_text(value):
            return Message(
                "Cli",
                QT_TRANSLATE_NOOP(
                    "Cli",
                    "环境变量 {name} 的值“{value}”不是可读的文字（其中有不是 UTF-8 编码的字节），"
                    "请改用可读的文字或文件名",
                ),
                {"name": name, "value": _shown(value)},
            )
    return None


def _unreadable_argument(parser: argparse.ArgumentParser, before: str, arg: str) -> Message:
    """The refusal of ``arg`` (``before``: the argument before it), naming its option when it is
    an option's value: ``--output X``, ``--output=X`` or ``-oX``."""
    takes_value = _options_taking_a_value(parser)
    option, value = "", arg
    if arg.startswith("--") and "=" in arg:
        option, _, value = arg.partition("=")
    elif arg[:2] in takes_value and not arg.startswith("--"):
        option, value = arg[:2], arg[2:]
    elif before in takes_value:
        option = before
    if option in takes_value:
        return Message(
            "Cli",
            QT_TRANSLATE_NOOP(
                "Cli",
                "参数 {option} 的值“{value}”不是可读的文字（其中有不是 UTF-8 编码的字节），"
                "请改用可读的文字或文件名",
            ),
            {"option": option, "value": _shown(value)},
        )
    return Message(
        "Cli",
        QT_TRANSLATE_NOOP(
            "Cli", "参数“{value}”不是可读的文字（其中有不是 UTF-8 编码的字节），请改用可读的文字或文件名"
        ),
        {"value": _shown(arg)},
    )


def _is_text(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:  # (a lone surrogate: a byte that was not UTF-8, or half a pair)
        return False
    return True


def _shown(text: str) -> str:
    """``text`` as it may be printed: a byte that was not UTF-8 as ``\\xff``."""
    try:
        raw = text.encode("utf-8", "surrogateescape")  # the bytes as typed (POSIX)
    except UnicodeEncodeError:  # half a surrogate pair (Windows): as its code point
        return text.encode("utf-8", "backslashreplace").decode("utf-8")
    return raw.decode("utf-8", "backslashreplace")


def _options_taking_a_value(parser: argparse.ArgumentParser) -> set[str]:
    """The option strings (``--output``, ``-o`` …) that take a value, in any command."""
    found: set[str] = set()
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for child in action.choices.values():
                found |= _options_taking_a_value(child)
        elif action.option_strings and action.nargs != 0:
            found.update(action.option_strings)
    return found


def add_global_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--data-dir", help=QT_TRANSLATE_NOOP("Cli", "数据目录（默认：用户数据目录，或 $CUNYI_DATA_DIR）")
    )
    parser.add_argument(
        "--db",
        help=QT_TRANSLATE_NOOP(
            "Cli",
            "数据库 URL：乡镇卫生院或县级的 PostgreSQL 数据库，postgresql+psycopg://user@host/db（默认：`init --db` 指定的数据库、$CUNYI_DB_URL，或数据目录中的 SQLite）",
        ),
    )
    parser.add_argument(
        "--version",
        action="version",
        version=f"cunyi {__version__}",
        help=QT_TRANSLATE_NOOP("Cli", "显示版本号并退出"),
    )
    parser.add_argument(
        "--user",
        help=QT_TRANSLATE_NOOP(
            "Cli", "以此用户身份操作（密码取自 --password-file 或提示输入）；默认：系统账户"
        ),
    )
    parser.add_argument(
        "--password-file",
        help=QT_TRANSLATE_NOOP("Cli", "密码文件，第一行为密码（用于 --user、init --admin、user add）"),
    )


GLOBAL_OPTIONS = ("--data-dir", "--db", "--user", "--password-file")  # (each takes a value)


def globals_first(argv: list[str]) -> list[str]:
    """``argv`` with the global options written after the command (``cunyi init --password-file F
    …``, refused as "不认识的参数") moved before it, where the parser reads them; no command takes
    an option of the same name.  Nothing after ``--`` is moved."""
    moved: list[str] = []
    rest: list[str] = []
    command_at = None  # where the command stands in ``rest``
    i = 0
    while i < len(argv):
        token = argv[i]
        if token == "--":
            rest += argv[i:]
            break
        if token.split("=", 1)[0] in GLOBAL_OPTIONS:
            taken = argv[i : i + 1] if "=" in token else argv[i : i + 2]
            (rest if command_at is None else moved).extend(taken)
            i += len(taken)
            continue
        if command_at is None and not token.startswith("-"):
            command_at = len(rest)
        rest.append(token)
        i += 1
    if not moved:
        return argv
    return rest[:command_at] + moved + rest[command_at:]


LANGUAGES = ("zh", "zh_CN", "en")  # zh_CN is zh: every command takes both spellings


def add_lang(parser: argparse.ArgumentParser, help: str, *, default: str | None = "zh") -> None:
    """The one ``--lang`` option; ``args.lang`` is ``"zh"`` or ``"en"`` (or None without a default)."""
    parser.add_argument(
        "--lang",
        type=lambda v: "zh" if v == "zh_CN" else v,
        choices=LANGUAGES,  # checked after the conversion: zh_CN has become zh
        default=default,
        help=help,
    )


RESIDENT_HELP = QT_TRANSLATE_NOOP("Cli", "17位档案编号、后8位（带或不带连字符）或记录 ID")
PDF_HELP = QT_TRANSLATE_NOOP("Cli", "写出的 PDF 文件")
JSON_HELP = QT_TRANSLATE_NOOP("Cli", "输出 JSON 而非文本")
PROGRAM_HELP = QT_TRANSLATE_NOOP("Cli", "htn 高血压，t2dm 2型糖尿病")


def add_json(parser: argparse.ArgumentParser, help: str = JSON_HELP) -> None:
    """The one ``--json`` option: what the command prints, as JSON."""
    parser.add_argument("--json", action="store_true", help=help)


def open_store(args: argparse.Namespace, *, need_profile: bool = True):
    """The data directory and its store.  With ``need_profile`` (every command but ``init``) the
    installation must be set up, and ``--user`` logs in: the store's sessions then act as that
    user.  Without ``--user`` the store's actor stays the system account; the CLI never picks one."""
    from app.db import SchemaError, Store, StoreSwapping, hold_open, sqlite_file
    from app.services import profile

    data_dir = resolve_data_dir(args.data_dir)
    if need_profile and not args.user and not owns(data_dir):
        raise CliError(
            QT_TRANSLATE_NOOP(
                "Cli",
                "数据目录 {folder} 不属于当前系统用户：不带 --user 时以系统账号操作，"
                "只允许数据目录的所有者；请用 --user 登录",
            ),
            folder=data_dir,
        )
    if need_profile and (missing := _no_store(data_dir, args.db)) is not None:
        raise missing  # before anything is made: a mistyped folder is left as it was
    paths = Paths(data_dir).ensure()
    setup_logging(paths)
    from app.services import backup, safe_output

    # no file a user asks for replaces the database or goes among the keys, backups …
    safe_output.keep_out_of(paths.data_dir, paths.db_file.name)

    for what in backup.recover_interrupted_restore(paths):  # a restore killed half-way
        logging.getLogger(__name__).warning("start: %s", what)
    url = resolve_db_url(paths, args.db)
    try:
        if (db_file := sqlite_file(url)) is not None and db_file.parent.is_dir():
            hold_open(db_file)  # for as long as this process runs: a restore elsewhere waits for it
        store = Store(url, backups_dir=paths.sub("backups"), create=not need_profile)
    except StoreSwapping:
        raise CliError(
            QT_TRANSLATE_NOOP(
                "Cli", "另一个程序正在从备份恢复这个数据库，等了两分钟仍未结束：请等它完成后再试"
            )
        ) from None
    except SchemaError as e:
        if e.revision is not None:  # (an alembic_version of another program's reads the same)
            raise CliError(
                QT_TRANSLATE_NOOP(
                    "Cli",
                    "数据库的结构版本 {revision} 不是本版村医认识的：它可能由更新版本的村医建立（请升级村医），"
                    "也可能不是村医的数据库（请核对数据文件夹或数据库地址）",
                ),
                revision=e.revision[:40],
            ) from None
        raise CliError(str(e)) from None
    except Exception as e:  # the server, or the address itself: one sentence, never a traceback
        said = _unreachable_store(url, e)
        if said is None:
            raise
        raise said from None
    if need_profile:
        with store.session() as s:
            profile.get_profile(s)  # raises: not initialised yet
        if args.user:
            from app.services.access import accounts

            accounts.login(store, args.user, login_password(args))
    return paths, store


def _unreachable_store(url: str, error: Exception) -> Exception | None:
    """Why a store named by ``url`` did not open, in words (the details go to the log); None: an
    error that is not the server's nor the address's."""
    import sqlalchemy.exc as sa_exc

    from app.db import is_sqlite
    from app.services.store_copy import shown_url, unopened_file, unreachable

    shown = shown_url(url)
    if isinstance(error, sa_exc.DBAPIError):
        return unopened_file(url, error) if is_sqlite(url) else unreachable(url, error)
    if isinstance(error, (ValueError, ImportError, sa_exc.ArgumentError)):
        logging.getLogger(__name__).warning("the store %s did not open: %s", shown, type(error).__name__)
        return CliError(
            QT_TRANSLATE_NOOP(
                "Cli", "数据库地址无效：{url}；应是 postgresql+psycopg://用户@主机:端口/数据库"
            ),
            url=shown,
        )
    return None


def _no_store(data_dir: Path, db: str | None) -> CliError | None:
    """Why ``data_dir`` (or ``--db``) holds no store to work on, or None.  Every command but
    ``init`` and ``restore`` works on a set-up installation: one run on a mistyped folder or file
    name made a whole empty store there (folders, keys' folder, a migrated database)."""
    from sqlalchemy.exc import ArgumentError

    from app.db import is_sqlite, sqlite_file

    url = resolve_db_url(Paths(data_dir), db)
    if not is_sqlite(url):
        return None  # a server's (it says whether the store is there), or no address: said on opening
    try:
        store = sqlite_file(url)
    except (ValueError, ArgumentError):
        return None  # (an address that is no address: said when the store is opened)
    if store is None:
        return CliError(
            QT_TRANSLATE_NOOP(
                "Cli",
                "数据库地址没有给出数据库文件：应是 sqlite:///文件路径，或 postgresql+psycopg://用户@主机:端口/数据库",
            )
        )
    if store.exists() and not (store.is_file() and store.stat().st_size == 0):
        return None  # (something there that is no store, a folder: said when it is opened)
    if data_dir.exists() and not data_dir.is_dir():
        return CliError(
            QT_TRANSLATE_NOOP("Cli", "数据目录 {folder} 是一个文件，不是文件夹：请检查 --data-dir 是否写错"),
            folder=data_dir,
        )
    if not data_dir.is_dir():
        return CliError(
            QT_TRANSLATE_NOOP(
                "Cli", "数据目录 {folder} 不存在：请检查 --data-dir 是否写错，新装的电脑请先运行 cunyi init"
            ),
            folder=data_dir,
        )
    return CliError(
        QT_TRANSLATE_NOOP(
            "Cli",
            "没有村医的数据库 {file}：请检查 --data-dir 或 --db 是否写错，新装的电脑请先运行 cunyi init",
        ),
        file=store,
    )


def owns(data_dir) -> bool:
    """Whether the OS user running the CLI owns the data folder (POSIX; Windows keeps a user's
    AppData private by its ACLs).  The system account, which acts without a login, is theirs only:
    shell access to the CLI is not enough to act as it on someone else's records."""
    folder = Path(data_dir)
    if os.name != "posix" or not folder.exists():
        return True
    return folder.stat().st_uid == os.geteuid()


def login_password(args: argparse.Namespace) -> str:
    from app.services.access import accounts

    if args.password_file:
        return accounts.read_password_file(args.password_file)
    import getpass

    if not sys.stdin.isatty():  # (a script, a pipe: getpass would echo, then fail at the input's end)
        raise CliError(
            QT_TRANSLATE_NOOP("Cli", "请用 --password-file 给出 {user} 的密码（没有可输入密码的终端）"),
            user=args.user,
        )
    try:
        return getpass.getpass(f"{args.user} 的密码：")
    except EOFError:
        raise CliError(QT_TRANSLATE_NOOP("Cli", "没有输入 {user} 的密码"), user=args.user) from None


def new_password(args: argparse.Namespace) -> str:
    """A password being set (init --admin, user add/passwd, device protect): from
    --new-password-file, or (only when nobody logged in with it) --password-file, or typed twice at
    a prompt.  The secret of the user who logged in with --user is never reused as a new one."""
    from app.services.access import accounts

    if getattr(args, "new_password_file", None):
        return accounts.read_password_file(args.new_password_file)
    if args.password_file and not getattr(args, "user", None):
        return accounts.read_password_file(args.password_file)
    import getpass

    if not sys.stdin.isatty():
        raise CliError(
            QT_TRANSLATE_NOOP(
                "Cli", "请用 --new-password-file 给出新密码（--password-file 是登录用户自己的密码）"
            )
        )
    first = getpass.getpass("新密码：")
    if first != getpass.getpass("再输一次："):
        raise CliError(QT_TRANSLATE_NOOP("Cli", "两次输入的密码不一致"))
    return first


def ask_to_confirm(error: UserError) -> int:
    """A save refused only for unusual values (``NeedsConfirmation``): what to check, and that
    ``--confirm`` saves it, on stderr in the language of the command line; exit status 1."""
    said = CliError(
        QT_TRANSLATE_NOOP("Cli", "需要确认：{text}。核实无误请加 --confirm"), text=error.render(speak)
    )
    print(said.render(), file=sys.stderr)
    return 1


def print_json(data) -> None:
    json.dump(data, sys.stdout, ensure_ascii=False, indent=2, default=str)
    sys.stdout.write("\n")


def print_json_items(items: Iterable) -> None:
    """``items`` as :func:`print_json` prints their list, each written as it comes (a list of
    millions is never held)."""
    separator = "[\n  "
    for item in items:
        sys.stdout.write(
            separator + json.dumps(item, ensure_ascii=False, indent=2, default=str).replace("\n", "\n  ")
        )
        separator = ",\n  "
    sys.stdout.write("[]\n" if separator.startswith("[") else "\n]\n")


def run(handler: Handler, args: argparse.Namespace) -> int:
    """Run one command; what the user can fix becomes one sentence on stderr and exit status 1."""
    try:
        status = handler(args)
        sys.stdout.flush()  # here, not at exit, so a reader gone early is caught below
        return status
    except BrokenPipeError:  # `| head`, `| grep -q`: the reader stopped reading, which is no error
        logging.getLogger(__name__).debug("the reader of stdout went away", exc_info=True)
        _quiet_stdout()
        return 141  # what a shell reports for a program ended by SIGPIPE; nothing on stderr
    except KeyboardInterrupt:
        print(speak("Cli", QT_TRANSLATE_NOOP("Cli", "已中断")), file=sys.stderr)
        return 130
    except Exception as e:
        text = user_text(e)
        if text is None:  # a bug: one line here, the traceback in the log (when there is one yet)
            logged = bool(logging.getLogger().handlers)
            if logged:
                logging.getLogger(__name__).exception("cunyi %s failed", getattr(args, "command", ""))
            bug = (
                QT_TRANSLATE_NOOP(
                    "Cli", "程序内部出错（{kind}），操作未完成；详细记录已写入数据文件夹的 logs/cunyi.log"
                )
                if logged
                else QT_TRANSLATE_NOOP("Cli", "程序内部出错（{kind}），操作未完成")
            )
            # the kind of error only: its text may hold a record's values (an SQL error's parameters)
            text = speak("Cli", bug).replace("{kind}", type(e).__name__)
            print(
                speak("Cli", QT_TRANSLATE_NOOP("Cli", "错误：{text}")).replace("{text}", text),
                file=sys.stderr,
            )
            return INTERNAL_ERROR
        print(speak("Cli", QT_TRANSLATE_NOOP("Cli", "错误：{text}")).replace("{text}", text), file=sys.stderr)
        return 1
    finally:  # (a command run in a process that goes on, as tests run them, lets go of its store)
        if (db := sys.modules.get("app.db")) is not None:
            db.release_open()


INTERNAL_ERROR = 70  # sysexits.h EX_SOFTWARE: not the user's doing
# What the operating system said, in the user's words (errno name -> text).
_OS_ERRORS = {
    "ENOENT": QT_TRANSLATE_NOOP("Cli", "文件或文件夹不存在"),
    "EISDIR": QT_TRANSLATE_NOOP("Cli", "这是一个文件夹，需要的是文件"),
    "ENOTDIR": QT_TRANSLATE_NOOP("Cli", "路径中有一段不是文件夹"),
    "EEXIST": QT_TRANSLATE_NOOP("Cli", "已有同名的文件"),
    "EACCES": QT_TRANSLATE_NOOP("Cli", "没有权限"),
    "EPERM": QT_TRANSLATE_NOOP("Cli", "没有权限"),
    "ENOSPC": QT_TRANSLATE_NOOP("Cli", "磁盘空间不足"),
    "EROFS": QT_TRANSLATE_NOOP("Cli", "磁盘是只读的"),
    "ENAMETOOLONG": QT_TRANSLATE_NOOP("Cli", "路径太长"),
    "EFBIG": QT_TRANSLATE_NOOP("Cli", "文件太大（超过系统允许的大小）"),
}
_OS_ERROR_CODES = {getattr(errno, name): text for name, text in _OS_ERRORS.items() if hasattr(errno, name)}


def _quiet_stdout() -> None:
    """Point stdout at the null device once its reader has gone: what is still buffered would fail
    again when Python flushes it at exit and print "Exception ignored … BrokenPipeError"."""
    import contextlib

    # (no real stdout when embedded or redirected in tests: nothing to quieten)
    with contextlib.suppress(OSError, ValueError, AttributeError):
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())


def user_text(error: Exception) -> str | None:
    """The one line to show for an error the user can fix; None for a bug (which is raised)."""
    from app.db import unavailable
    from app.services.records.validators import Invalid  # only when something went wrong

    error = unavailable(error) or error
    if isinstance(error, UserError):
        text = error.render(speak)
    elif isinstance(error, OSError) and error.errno in _OS_ERROR_CODES:
        # (a file written beside its target and renamed onto it: the target is what the user named)
        where = error.filename2 if error.filename2 is not None else error.filename or ""
        reason = speak("Cli", _OS_ERROR_CODES[error.errno])
        cannot = speak("Cli", QT_TRANSLATE_NOOP("Cli", "无法读写 {path}：{reason}"))
        text = cannot.replace("{path}", str(where)).replace("{reason}", reason) if where else reason
    elif isinstance(error, Invalid):
        text = error.message.render(speak)
    elif isinstance(error, CliError):
        text = error.render()
    else:
        return None
    return " ".join(line.strip() for line in text.splitlines() if line.strip())

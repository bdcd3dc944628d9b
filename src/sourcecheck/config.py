"""The configuration file: find it, read it, check every key, and return one ``Config``.

The file is ``sourcecheck.toml`` (top-level keys) or the ``[tool.sourcecheck]`` table of
a ``pyproject.toml``. It is searched for from the common folder of the documents upward
(the nearest wins; in one folder ``sourcecheck.toml`` before ``pyproject.toml``; a
``pyproject.toml`` without the table does not count), then in the working directory.
Command-line options override it (the CLI does that); environment variables override its
look-up keys (``lookup.config``). Relative ``out`` and ``cache_dir`` are relative to the
file's folder. Any problem is a ``ConfigError`` whose message names the file and the key.
"""

from __future__ import annotations

import difflib
import os
import tomllib
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import Any

from .lookup.config import (
    ENVIRONMENT_KEYS,
    PROVIDERS,
    LookupSettings,
    SettingsError,
    check_setting,
    lookup_settings,
)
from .models import Severity
from .reports import REPORT_FORMATS
from .rules import RULES, UnknownRuleError, enabled_codes, expand_selector

FILE_NAME = "sourcecheck.toml"
PYPROJECT = "pyproject.toml"
FAIL_ON = ("error", "warning", "info", "never")


class ConfigError(ValueError):
    """The configuration file cannot be read, or a key or value in it is wrong."""


@dataclass(frozen=True)
class Config:
    """The whole configuration: what to report and how, and the look-up settings.

    ``select`` None means every rule; ``severity`` maps rule codes (areas already
    expanded) to the severity their findings get instead of the rule's own.
    """

    path: Path | None = None  # the file it was read from; None: defaults only
    select: tuple[str, ...] | None = None
    ignore: tuple[str, ...] = ()
    severity: Mapping[str, Severity] = field(default_factory=lambda: MappingProxyType({}))
    fail_on: str = "error"
    out: Path = Path("reports")
    formats: tuple[str, ...] = REPORT_FORMATS
    lookup: LookupSettings = field(default_factory=LookupSettings)

    def enabled_codes(self, select: Sequence[str] | None = None,
                      ignore: Sequence[str] | None = None) -> frozenset[str]:
        """Rule codes left on; ``select``/``ignore`` from the command line, when given,
        replace the file's. Raises UnknownRuleError."""
        chosen = select if select is not None else self.select or ()
        return enabled_codes(chosen, ignore if ignore is not None else self.ignore)


def _strings(allowed: Sequence[str] | None = None, what: str = "strings",
             non_empty: bool = False, if_empty: str = "") -> Callable[[Any], tuple[str, ...]]:
    """A check for a list of ``what``, each one of ``allowed`` (when given), none twice."""
    def check(value: Any) -> tuple[str, ...]:
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            example = f' (e.g. ["{allowed[0]}"])' if allowed else ""
            raise ConfigError(f"must be a list of {what}{example}, got {_toml_type(value)}")
        for item in value:
            if allowed is not None and item not in allowed:
                raise ConfigError(f"{item!r} is not one of {', '.join(allowed)}")
        if len(set(value)) != len(value):
            raise ConfigError("names an item twice")
        if non_empty and not value:
            raise ConfigError(f"must name at least one of {', '.join(allowed or ())}"
                              + (f" ({if_empty})" if if_empty else ""))
        return tuple(value)
    return check


def _rule_selectors(value: Any) -> tuple[str, ...]:
    selectors = _strings(what="rule codes or areas")(value)
    for selector in selectors:
        try:
            expand_selector(selector)
        except UnknownRuleError as exc:
            raise ConfigError(str(exc)) from None
    return selectors


def _severity_table(value: Any) -> Mapping[str, Severity]:
    if not isinstance(value, dict):
        raise ConfigError('must be a table of rule code = "error" | "warning" | "info"')
    levels = [s.value for s in Severity]
    # an area first, then its single codes: "isbn" = "warning" with "isbn.checksum" =
    # "error" keeps the checksum an error whatever order the file lists them in
    ordered = sorted(value.items(), key=lambda item: item[0] in RULES)
    table: dict[str, Severity] = {}
    for selector, level in ordered:
        if level not in levels:
            raise ConfigError(f"{selector}: {level!r} is not one of {', '.join(levels)}")
        try:
            codes = expand_selector(selector)
        except UnknownRuleError as exc:
            raise ConfigError(str(exc)) from None
        table.update(dict.fromkeys(codes, Severity(level)))
    return MappingProxyType(table)


def _choice(allowed: Sequence[str]) -> Callable[[Any], str]:
    def check(value: Any) -> str:
        if value not in allowed:
            raise ConfigError(f"{value!r} is not one of {', '.join(allowed)}")
        return str(value)
    return check


def _of_type(kind: type | tuple[type, ...], name: str) -> Callable[[Any], Any]:
    def check(value: Any) -> Any:
        # TOML has booleans; bool is an int in Python, but "timeout = true" is a mistake
        if isinstance(value, bool) or not isinstance(value, kind):
            raise ConfigError(f"must be {name} (got {_toml_type(value)})")
        return value
    return check


def _toml_type(value: Any) -> str:
    names = {bool: "a boolean", int: "an integer", float: "a number", str: "a string",
             list: "an array", dict: "a table"}
    return next((n for t, n in names.items() if isinstance(value, t)), type(value).__name__)


_NUMBER = _of_type((int, float), "a number")
_TEXT = _of_type(str, "a string")

#: every key the file may hold, with the check that turns its value into a setting
_RULE_KEYS: dict[str, Callable[[Any], Any]] = {
    "select": _rule_selectors,
    "ignore": _rule_selectors,
    "severity": _severity_table,
    "fail_on": _choice(FAIL_ON),
    "out": _TEXT,
    # no format would write nothing yet say "Reports written to": --no-reports says it
    "formats": _strings(REPORT_FORMATS, "report formats", non_empty=True,
                        if_empty="--no-reports writes none"),
}
_LOOKUP_KEYS: dict[str, Callable[[Any], Any]] = {
    **{key: (_TEXT if kind in (str, Path) else
             _of_type(int, "an integer") if kind is int else _NUMBER)
       for key, kind in ENVIRONMENT_KEYS.items()},
    # no catalogue at all would make every ISBN "not found": --offline is the way to ask none
    "providers": _strings(PROVIDERS, "catalogues", non_empty=True),
    "cache_found_days": _NUMBER,
    "cache_not_found_days": _NUMBER,
}
KEYS = (*_RULE_KEYS, *_LOOKUP_KEYS)


def find_config(paths: Sequence[Path] = (), cwd: Path | None = None) -> Path | None:
    """The configuration file for documents at ``paths``: the nearest one from their
    common folder upward, else the working directory's, else None."""
    cwd = cwd or Path.cwd()
    if paths:
        folders = [os.path.abspath(p if p.is_dir() else p.parent) for p in paths]
        start = Path(os.path.commonpath(folders))
        for folder in (start, *start.parents):
            found = _config_in(folder)
            if found is not None:
                return found
    return _config_in(cwd)


def _config_in(folder: Path) -> Path | None:
    own = folder / FILE_NAME
    if own.is_file():
        return own
    project = folder / PYPROJECT
    if project.is_file() and _table(project) is not None:
        return project
    return None


def _table(path: Path) -> dict[str, Any] | None:
    """The settings a file holds: a sourcecheck.toml's top level, a pyproject.toml's
    [tool.sourcecheck] (None when it has none)."""
    try:
        # utf-8-sig: a byte order mark (Windows editors write one) is not a TOML error
        text = path.read_text(encoding="utf-8-sig")
        if path.name == PYPROJECT and "sourcecheck" not in text:
            return None  # another project's file: not worth parsing, nor its errors
        data = tomllib.loads(text)
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise ConfigError(f"{_shown(path)}: cannot read: {exc}") from None
    if path.name != PYPROJECT:
        return data
    tool = data.get("tool", {})
    if not isinstance(tool, dict):
        raise ConfigError(f"{_shown(path)}: [tool] must be a table")
    section = tool.get("sourcecheck")
    if section is not None and not isinstance(section, dict):
        raise ConfigError(f"{_shown(path)}: [tool.sourcecheck] must be a table")
    return section


def _shown(path: Path) -> str:
    """A file as messages name it: relative to the working directory when below it."""
    absolute = os.path.abspath(path)
    relative = os.path.relpath(absolute, Path.cwd())
    return absolute if relative.startswith("..") else relative


def load_config(paths: Sequence[Path] = (), environ: Mapping[str, str] | None = None,
                cwd: Path | None = None, config_file: Path | None = None) -> Config:
    """The configuration for documents at ``paths`` (see ``find_config``; ``config_file``
    skips the search), with the environment's look-up settings applied. Raises
    ConfigError naming the file and key, or for a bad environment variable."""
    path = config_file or find_config(paths, cwd)
    table = _table(path) if path is not None else None
    if path is None or table is None:
        return Config(lookup=_lookup({}, environ))
    where = _shown(path) + (" [tool.sourcecheck]" if path.name == PYPROJECT else "")
    rules: dict[str, Any] = {}
    looked_up: dict[str, Any] = {}
    seen: dict[str, str] = {}  # key -> the spelling the file used
    for written, value in table.items():
        # "fail-on" and "fail_on" are one key: pyproject.toml tables are often kebab-case
        key = written.replace("-", "_")
        if key in seen:
            raise ConfigError(f"{where}: {seen[key]!r} and {written!r} are one key, given twice")
        seen[key] = written
        check = _RULE_KEYS.get(key) or _LOOKUP_KEYS.get(key)
        if check is None:
            close = difflib.get_close_matches(key, KEYS, n=1)
            hint = f" (did you mean {close[0]!r}?)" if close else ""
            raise ConfigError(f"{where}: unknown key {written!r}{hint}")
        try:
            checked = check(value)
            if key in _LOOKUP_KEYS and key != "providers":
                checked = check_setting(key, checked)
        except (ConfigError, SettingsError) as exc:
            message = str(exc)
            if not message.startswith(f"{key}: "):
                message = f"{key}: {message}"
            raise ConfigError(f"{where}: {message}") from None
        (rules if key in _RULE_KEYS else looked_up)[key] = checked
    folder = path.parent.resolve()
    # "~/…" is the home folder, as a shell would read it, not a folder called "~"
    if "out" in rules:
        rules["out"] = folder / Path(rules["out"]).expanduser()
    if "cache_dir" in looked_up:
        looked_up["cache_dir"] = folder / Path(looked_up["cache_dir"]).expanduser()
    return Config(path=path, lookup=_lookup(looked_up, environ), **rules)


def _lookup(file_values: Mapping[str, Any], environ: Mapping[str, str] | None
            ) -> LookupSettings:
    try:
        return lookup_settings(file_values, environ)
    except SettingsError as exc:
        raise ConfigError(str(exc)) from None

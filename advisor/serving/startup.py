"""Start-up checks of what the pages need besides content/: the translation catalogues, the templates
and the static files the templates link.

A deployment that lost or broke one of these would otherwise start and then fail page by page (a
garbage `messages.mo` drops every /zh/ connection, a deleted `error.html` turns every error into
gunicorn's bare 500, a deleted `.mo` serves /zh/ in English). `check_installation` refuses instead,
naming the file and the problem in one line (InstallationError), before any worker starts.

The templates and files needed are read from the code itself: template names written in
advisor/**/*.py, templates those templates extend, include or import, and
`url_for('static', filename=…)` in templates. Results are kept per file state (paths, sizes and
modification times), so creating many apps in one process (the tests) checks the files once.

`load_everything` is for the gunicorn master (advisor/serving/gunicorn_conf.py), before it forks: every template
compiled into the app's Jinja environment, the pages kept for the day (advisor/web/page_cache.py) and the API's
contract made once. With the catalogues and content/ (loaded by create_app), a worker started later (after a crash,
say) then reads no file of the site's: one broken on disk after start-up changes nothing until a deliberate reload.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterable
from pathlib import Path

from babel.messages.mofile import read_mo
from babel.messages.pofile import read_po
from flask import url_for
from jinja2 import Environment, TemplateSyntaxError, meta

from advisor.i18n import LANGUAGES
from advisor.web.page_cache import PAGES

SOURCE_LANGUAGE = "en"  # the msgids are English: no catalogue needed
ADVISOR = Path(__file__).resolve().parents[1]
_TEMPLATE_NAME = re.compile(r"""["']((?:[\w-]+/)*[\w-]+\.html)["']""")
_STATIC_LINK = re.compile(r"""url_for\(\s*['"]static['"]\s*,\s*filename\s*=\s*['"]([^'"]+)['"]""")
_CSS_URL = re.compile(r"""url\(\s*['"]?([^'")]+)['"]?\s*\)""")
_checked: dict[tuple, None] = {}


class InstallationError(Exception):
    """A file the pages need is missing or broken. The message names the file and the problem."""

    def __init__(self, file: str, problem: str) -> None:
        super().__init__(f"{file}: {problem}")
        self.file, self.problem = file, problem


class SettingError(ValueError):
    """A setting (ADVISOR_… environment variable or config key) has a value the app cannot use."""

    def __init__(self, problem: str) -> None:
        super().__init__(f"setting: {problem}")


def _shown(path: Path, root: Path) -> str:
    try:
        return str(path.relative_to(root))
    except ValueError:
        return str(path)


def _signature(folders: Iterable[Path]) -> tuple:
    entries = []
    for folder in folders:
        if folder.is_dir():
            for path in sorted(folder.rglob("*")):
                try:
                    stat = path.stat()
                except OSError:
                    entries.append((str(path), None))
                    continue
                entries.append((str(path), stat.st_size, stat.st_mtime_ns))
        else:
            entries.append((str(folder), "absent"))
    return tuple(entries)


def check_app(app, cached: bool = True) -> None:
    """Refuse to start without a complete catalogue for each language, or a template or static file pages need."""
    check_installation(LANGUAGES, Path(app.config["BABEL_TRANSLATION_DIRECTORIES"]), Path(app.template_folder),
                       Path(app.static_folder), Path(app.template_folder).parent, cached=cached)


def check_installation(languages: Iterable[str], translations: Path, templates: Path, static: Path,
                       root: Path, cached: bool = True) -> None:
    """Raise InstallationError for the first missing or broken catalogue, template or static file."""
    languages = tuple(languages)
    key = (languages, _signature([translations, templates, static, ADVISOR]))
    if cached and key in _checked:
        return
    check_catalogues(languages, translations, root)
    linked = check_templates(templates, root)
    check_static(linked, static, root)
    _checked[key] = None


def _read(path: Path, root: Path) -> bytes:
    try:
        return path.read_bytes()
    except FileNotFoundError:
        raise InstallationError(_shown(path, root), "missing") from None
    except OSError as exc:
        raise InstallationError(_shown(path, root), f"cannot be read ({exc.strerror})") from None


def _text(context: str | bytes | None) -> str | None:
    return context.decode() if isinstance(context, bytes) else context


def check_catalogues(languages: Iterable[str], translations: Path, root: Path) -> None:
    """Every supported language but the source has a compiled catalogue translating every message."""
    template = translations / "messages.pot"
    try:
        with open(template, "rb") as handle:
            wanted = {(m.id, m.context) for m in read_po(handle) if m.id}
    except OSError:
        wanted = set()  # an installation without the template: the catalogue is only checked for being readable
    for language in languages:
        if language == SOURCE_LANGUAGE:
            continue
        path = translations / language / "LC_MESSAGES" / "messages.mo"
        shown = _shown(path, root)
        data = _read(path, root)
        try:
            catalogue = read_mo(io.BytesIO(data))
        except Exception:  # noqa: BLE001 — any failure to parse means a broken file
            raise InstallationError(shown, "not a readable compiled catalogue (run make translations)") from None
        # Babel's read_mo leaves a message's context as bytes (read_po gives str): compare them as text.
        translated = {(m.id, _text(m.context)) for m in catalogue if m.id and (
            all(m.string) if isinstance(m.string, (tuple, list)) else m.string)}
        missing = wanted - translated
        if missing:
            raise InstallationError(shown, f"{len(missing)} of {len(wanted)} messages untranslated or missing "
                                           "(translate them in messages.po, then run make translations)")


def _names_in_code() -> set[str]:
    names: set[str] = set()
    for source in ADVISOR.rglob("*.py"):
        names.update(_TEMPLATE_NAME.findall(source.read_text(encoding="utf-8")))
    return names


def check_templates(templates: Path, root: Path) -> set[str]:
    """Each template the code names, and each one they extend, include or import, exists and parses.

    Returns the static files the templates link (url_for('static', filename=…)).
    """
    # The tags the app's environment knows besides Jinja's own (advisor/i18n.py).
    environment = Environment(extensions=["jinja2.ext.i18n"])
    pending = sorted(_names_in_code())
    seen: set[str] = set()
    linked: set[str] = set()
    while pending:
        name = pending.pop()
        if name in seen:
            continue
        seen.add(name)
        path = templates / name
        source = _read(path, root).decode("utf-8", errors="replace")
        try:
            parsed = environment.parse(source, name=name)
        except TemplateSyntaxError as exc:
            raise InstallationError(_shown(path, root), f"line {exc.lineno}: {exc.message}") from None
        pending.extend(ref for ref in meta.find_referenced_templates(parsed) if ref and ref not in seen)
        linked.update(_STATIC_LINK.findall(source))
    return linked


def check_static(linked: Iterable[str], static: Path, root: Path) -> None:
    """Each static file the templates link exists, and so does each file a linked stylesheet points to."""
    for name in sorted(linked):
        path = static / name
        data = _read(path, root)
        if name.endswith(".css"):
            for reference in _CSS_URL.findall(data.decode("utf-8", errors="replace")):
                if reference.startswith(("data:", "http:", "https:", "#", "/")):
                    continue
                target = (path.parent / reference.split("?")[0].split("#")[0]).resolve()
                _read(target, root)


def load_everything(app) -> int:
    """Compile every template and render every kept page and the API's contract once; return the templates' count.

    Raises InstallationError naming the first template that does not compile or the first page not answered.
    Flask's Jinja environment checks no template file again once compiled (auto_reload is off outside debug)."""
    environment = app.jinja_env
    names = environment.list_templates(filter_func=lambda name: name.endswith(".html"))
    if environment.cache is None or len(names) >= environment.cache.capacity:
        raise InstallationError("templates", f"{len(names)} templates do not fit Jinja's cache")
    root = Path(app.template_folder).parent
    for name in names:
        try:
            environment.get_template(name)
        except Exception as exc:  # noqa: BLE001 — any failure to compile names the file
            raise InstallationError(_shown(Path(app.template_folder) / name, root),
                                    f"does not compile ({type(exc).__name__})") from None
    host = (app.config.get("TRUSTED_HOSTS") or ["localhost"])[0].lstrip(".")
    base = f"http://{host}"
    with app.test_request_context("/", base_url=base):
        targets = ["/api/v1/openapi.json", *(url_for(endpoint, lang_code=language)
                                              for endpoint in sorted(PAGES) for language in LANGUAGES)]
    client = app.test_client()
    for target in targets:
        status = client.get(target, base_url=base).status_code
        if status != 200:
            raise InstallationError(target, f"answered {status} at start-up")
    return len(names)

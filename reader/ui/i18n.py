"""The interface in English and Russian through Qt's translation system.

Strings are marked in the code the Qt way: `self.tr("…")` (context: the class), `QCoreApplication.
translate("context", "…")`, and `tr("…")` from reader/ui/actions.py, whose context is "commands"
(menus, command titles and descriptions, the cheat sheet, the palette, preferences). The registry's
titles, descriptions, categories and submenus are data, so they are added to "commands" from
reader/core/commands.py.

resources/i18n/transcript_reader_ru.ts holds the Russian translations (edit it with Qt Linguist or by
hand); `python -m reader.ui.catalogue --update` (reader/ui/catalogue.py) adds new strings to it from
the code, keeps vanished ones, and compiles the .qm the app loads. This module is what start-up loads.
The app follows the system locale unless Preferences ▸ Reading names a language; a change applies at
the next start (most widgets are built once).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QSettings, QTranslator

from reader.core.resources import resource_path

LANGUAGES = ("system", "en", "ru")
SETTING = "interface/language"
CATALOGUE = "transcript_reader"
COMMANDS_CONTEXT = "commands"

_installed: list[QTranslator] = []  # Qt keeps no reference: a collected translator would stop working
_locale_before: QLocale | None = None  # the default locale before a Russian interface replaced it


def chosen_language(settings: QSettings | None = None) -> str:
    """ "system", "en" or "ru", as chosen in the preferences."""
    value = str((settings or QSettings()).value(SETTING, "system"))
    return value if value in LANGUAGES else "system"


def resolve(language: str) -> str:
    """ "en" or "ru" for a choice; "system" asks the locale (Russian for ru_*, else English)."""
    if language in ("en", "ru"):
        return language
    return "ru" if QLocale.system().language() == QLocale.Language.Russian else "en"


def install_translators(app: QCoreApplication, language: str | None = None) -> str:
    """Load the interface's translation (and Qt's own, for standard buttons) for `language` or the
    preferences' choice; returns the language in effect ("en" needs no translator)."""
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    wanted = resolve(language if language is not None else chosen_language())
    global _locale_before
    if _locale_before is None:
        _locale_before = QLocale()
    if wanted == "en":
        QLocale.setDefault(_locale_before)
        return "en"
    # The calendar's month and day names and Qt's own dialogs follow the default locale.
    QLocale.setDefault(QLocale(QLocale.Language.Russian, QLocale.Country.Russia))
    ours = QTranslator(app)
    if ours.load(f"{CATALOGUE}_{wanted}", str(resource_path("i18n"))):
        app.installTranslator(ours)
        _installed.append(ours)
    qt = QTranslator(app)
    if qt.load(f"qtbase_{wanted}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt)
        _installed.append(qt)
    return wanted

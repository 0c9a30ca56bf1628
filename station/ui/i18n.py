"""Choosing the language and installing the translator.

Source strings are English. `Settings.language` is "system" (Spanish systems get es-CL, others
English), "es" (es-CL) or "en". Translations live in `station/resources/i18n/station_es_CL.qm`,
made by `scripts/update-translations`.
"""

from __future__ import annotations

import logging
from importlib import resources
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLocale, QTranslator

log = logging.getLogger(__name__)

SPANISH = "es_CL"


def qm_path(locale_name: str = SPANISH) -> Path:
    return Path(str(resources.files("station").joinpath("resources", "i18n", f"station_{locale_name}.qm")))


def choose_locale(language: str, system: QLocale | None = None) -> str | None:
    """The translation to load for a `Settings.language` value; None means English (no translator)."""
    if language == "es":
        return SPANISH
    if language == "en":
        return None
    system = system if system is not None else QLocale.system()
    return SPANISH if system.language() == QLocale.Language.Spanish else None


def install_translator(app: QCoreApplication, language: str, system: QLocale | None = None) -> QTranslator | None:
    """Install the translator for `language`; returns it (keep a reference) or None for English.

    Qt's own strings (dialog buttons) follow the same locale through `QLocale.setDefault`.
    """
    locale_name = choose_locale(language, system)
    if locale_name is None:
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
        return None
    QLocale.setDefault(QLocale(QLocale.Language.Spanish, QLocale.Country.Chile))
    translator = QTranslator(app)
    path = qm_path(locale_name)
    if not translator.load(str(path)):
        log.warning("translation %s not found; the station shows English", path)
        return None
    app.installTranslator(translator)
    return translator


def remove_translator(app: QCoreApplication, translator: QTranslator | None) -> None:
    if translator is not None:
        app.removeTranslator(translator)

"""Choosing the language and installing the translator.

Source strings are English. `Settings.language` is "system" (Spanish systems get es-CL, others
English), "es" (es-CL) or "en". Translations live in `station/resources/i18n/station_<locale>.qm`,
made by `scripts/update-translations` from the `.ts` files beside them.
"""

from __future__ import annotations

import logging
from importlib import resources
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLocale, QTranslator

log = logging.getLogger(__name__)

SPANISH = "es_CL"
ENGLISH = "en"


def qm_path(locale_name: str = SPANISH) -> Path:
    return Path(str(resources.files("station").joinpath("resources", "i18n", f"station_{locale_name}.qm")))


def choose_locale(language: str, system: QLocale | None = None) -> str:
    """The translation for a `Settings.language` value: "es_CL", or "en" (English plural forms)."""
    if language == "es":
        return SPANISH
    if language == "en":
        return ENGLISH
    system = system if system is not None else QLocale.system()
    return SPANISH if system.language() == QLocale.Language.Spanish else ENGLISH


def install_translator(app: QCoreApplication, language: str, system: QLocale | None = None) -> QTranslator | None:
    """Install the translator for `language`; returns it (remove it with `remove_translator`).

    English is the source language; its translator only holds plural forms ("1 order", "2 orders").
    Numbers and Qt's own texts follow the same locale through `QLocale.setDefault`.
    """
    locale_name = choose_locale(language, system)
    if locale_name == SPANISH:
        QLocale.setDefault(QLocale(QLocale.Language.Spanish, QLocale.Country.Chile))
    else:
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
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

"""Settings schemas: a plugin describes its configuration form; the UI renders it (no Qt in plugins)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Literal

from station.api._checks import require_choice, require_str, require_tuple, set_field

SettingKind = Literal["text", "int", "bool", "choice", "secret", "url"]
SETTING_KINDS: tuple[str, ...] = ("text", "int", "bool", "choice", "secret", "url")


@dataclass(frozen=True, slots=True, kw_only=True)
class SettingField:
    """One input of a plugin's configuration form.

    ``kind`` picks the widget and the type of the value: ``text``/``url``/``choice`` → ``str``,
    ``int`` → ``int``, ``bool`` → ``bool``. ``secret`` values (API keys, tokens) are stored in the
    OS keyring and reach the adapter through ``ctx.secrets``, never ``ctx.settings``.
    """

    key: str
    label: str
    kind: SettingKind = "text"
    required: bool = False
    default: str | int | bool | None = None
    choices: tuple[str, ...] = ()
    help: str = ""

    def __post_init__(self) -> None:
        key = require_str("SettingField", "key", self.key)
        if not key.isidentifier():
            raise ValueError(f"SettingField.key must be an identifier such as 'api_url', got {key!r}")
        require_str("SettingField", "label", self.label)
        require_choice("SettingField", "kind", self.kind, SETTING_KINDS)
        set_field(self, "choices", require_tuple("SettingField", "choices", self.choices, str))
        if self.kind == "choice" and not self.choices:
            raise ValueError(f"SettingField {key!r} is a choice but lists no choices")
        if self.kind == "secret" and self.default is not None:
            raise ValueError(f"SettingField {key!r} is a secret and cannot have a default")
        if self.default is not None:
            set_field(self, "default", self.coerce(self.default))

    def coerce(self, value: object) -> str | int | bool:
        """Turn a raw value (e.g. text from a form or a config file) into this field's type."""
        where = f"setting {self.key!r} ({self.label})"
        if self.kind == "bool":
            if isinstance(value, bool):
                return value
            text = str(value).strip().lower()
            if text in ("1", "true", "yes", "on", "si", "sí"):
                return True
            if text in ("0", "false", "no", "off", ""):
                return False
            raise ValueError(f"{where} must be yes or no, got {value!r}")
        if self.kind == "int":
            if isinstance(value, bool):
                raise ValueError(f"{where} must be a whole number, got {value!r}")
            try:
                return int(str(value).strip()) if not isinstance(value, int) else value
            except ValueError:
                raise ValueError(f"{where} must be a whole number, got {value!r}") from None
        text = str(value).strip()
        if self.kind == "choice" and text not in self.choices:
            raise ValueError(f"{where} must be one of {', '.join(self.choices)}; got {text!r}")
        if self.kind == "url" and text and "://" not in text:
            raise ValueError(f"{where} must be a URL such as https://example.com, got {text!r}")
        return text


@dataclass(frozen=True, slots=True, kw_only=True)
class SettingsSchema:
    """The configuration form of one adapter. ``name`` is the adapter's name (it must match the
    adapter that carries it); ``title`` heads the form."""

    name: str
    title: str
    fields: tuple[SettingField, ...] = ()

    def __post_init__(self) -> None:
        require_str("SettingsSchema", "name", self.name)
        require_str("SettingsSchema", "title", self.title)
        fields = require_tuple("SettingsSchema", "fields", self.fields, SettingField)
        keys = [f.key for f in fields]
        duplicates = sorted({k for k in keys if keys.count(k) > 1})
        if duplicates:
            raise ValueError(f"SettingsSchema {self.name!r} repeats field(s): {', '.join(duplicates)}")
        set_field(self, "fields", fields)

    def field(self, key: str) -> SettingField:
        for item in self.fields:
            if item.key == key:
                return item
        raise KeyError(f"{self.name} has no setting {key!r}")

    @property
    def secret_keys(self) -> tuple[str, ...]:
        return tuple(f.key for f in self.fields if f.kind == "secret")

    def resolve(self, values: Mapping[str, object]) -> dict[str, str | int | bool | None]:
        """Validate ``values`` (non-secret settings) and fill defaults.

        Returns a clean dict with one entry per non-secret field; raises ``ValueError`` listing
        every problem at once (missing required fields, wrong types, unknown keys) so an operator
        can fix the whole form in one go.
        """
        problems: list[str] = []
        known = {f.key for f in self.fields}
        unknown = sorted(set(values) - known)
        if unknown:
            problems.append(f"unknown setting(s) {', '.join(unknown)}")
        resolved: dict[str, str | int | bool | None] = {}
        for item in self.fields:
            if item.kind == "secret":
                if item.key in values:
                    problems.append(f"{item.key!r} is a secret: store it in the keyring, not in settings")
                continue
            raw = values.get(item.key)
            if raw is None or raw == "":
                if item.required and item.default is None:
                    problems.append(f"{item.key!r} ({item.label}) is required")
                resolved[item.key] = item.default
                continue
            try:
                resolved[item.key] = item.coerce(raw)
            except ValueError as exc:
                problems.append(str(exc))
        if problems:
            raise ValueError(f"Settings for {self.title} ({self.name}): " + "; ".join(problems))
        return resolved

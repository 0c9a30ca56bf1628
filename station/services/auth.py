"""Staff login: a login name with a PIN, or a badge scan. PINs are stored as salted scrypt hashes."""

from __future__ import annotations

import hashlib
import hmac
import secrets
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from station.db.models import AuditEntry, Role, User

_SCRYPT = {"n": 2**14, "r": 8, "p": 1, "dklen": 32}


class LoginFailed(Exception):
    """Wrong PIN, unknown badge or inactive user; the message is safe to show at the bench."""


@dataclass(frozen=True)
class LoggedInUser:
    id: int
    login: str
    name: str
    role: Role


def hash_pin(pin: str) -> str:
    if not pin.isdigit() or not 4 <= len(pin) <= 12:
        raise ValueError("a PIN is 4 to 12 digits")
    salt = secrets.token_bytes(16)
    digest = hashlib.scrypt(pin.encode(), salt=salt, **_SCRYPT)
    return f"scrypt${salt.hex()}${digest.hex()}"


def verify_pin(pin: str, stored: str) -> bool:
    try:
        scheme, salt_hex, digest_hex = stored.split("$")
    except ValueError:
        return False
    if scheme != "scrypt":
        return False
    digest = hashlib.scrypt(pin.encode(), salt=bytes.fromhex(salt_hex), **_SCRYPT)
    return hmac.compare_digest(digest, bytes.fromhex(digest_hex))


def create_user(session: Session, login: str, name: str, role: Role, pin: str, badge_code: str | None = None) -> User:
    user = User(login=login, name=name, role=role, pin_hash=hash_pin(pin), badge_code=badge_code)
    session.add(user)
    session.flush()
    return user


def login_with_pin(session: Session, login: str, pin: str, *, station: str) -> LoggedInUser:
    user = session.scalars(select(User).where(User.login == login.strip())).one_or_none()
    if user is None or not user.active or not verify_pin(pin, user.pin_hash):
        # One message for all three, so the screen does not reveal which logins exist.
        _audit(session, None, station, "login_failed", login)
        raise LoginFailed("Wrong user or PIN")
    return _logged_in(session, user, station)


def login_with_badge(session: Session, badge_code: str, *, station: str) -> LoggedInUser:
    user = session.scalars(select(User).where(User.badge_code == badge_code.strip())).one_or_none()
    if user is None or not user.active:
        _audit(session, None, station, "login_failed", "badge")
        raise LoginFailed("Badge not recognised")
    return _logged_in(session, user, station)


def _logged_in(session: Session, user: User, station: str) -> LoggedInUser:
    _audit(session, user.id, station, "login", user.login)
    return LoggedInUser(user.id, user.login, user.name, user.role)


def _audit(session: Session, user_id: int | None, station: str, action: str, subject: str) -> None:
    session.add(AuditEntry(user_id=user_id, station=station, action=action, entity="user", entity_id=subject))
    session.flush()

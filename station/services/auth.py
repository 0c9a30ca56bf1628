"""Staff login: a login name with a PIN, or a badge scan. PINs are stored as salted scrypt hashes."""

from __future__ import annotations

import hashlib
import hmac
import secrets
from dataclasses import dataclass
from enum import StrEnum

from sqlalchemy import select
from sqlalchemy.orm import Session

from station.db.engine import Database
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

# -- signing in at the bench --------------------------------------------------------------------
# A badge scanner types the badge code and Enter. So Enter in the login field first asks whether
# the text is a badge code; if it is, that badge signs in, otherwise the text is a login name and
# the PIN comes next. Enter in the PIN field signs in with login and PIN; if that fails and the PIN
# field holds a badge code (the badge was scanned there), the badge signs in instead.


class LoginProblem(StrEnum):
    WRONG_PIN = "wrong_pin"  # wrong login or PIN (one message: the screen does not reveal logins)


@dataclass(frozen=True)
class LoginOutcome:
    """Either `user` is set (signed in) or `problem` says why not."""

    user: LoggedInUser | None = None
    problem: LoginProblem | None = None


def _is_badge(session: Session, code: str) -> bool:
    found = session.scalars(select(User.id).where(User.badge_code == code, User.active.is_(True))).first()
    return found is not None


def try_badge(database: Database, code: str, station: str) -> LoggedInUser | None:
    """Sign in by badge if `code` is an active user's badge; None means it is not a badge."""
    code = code.strip()
    if not code:
        return None
    with database.unit_of_work() as uow:
        if not _is_badge(uow.session, code):
            return None
        user = login_with_badge(uow.session, code, station=station)
        uow.commit()
        return user


def sign_in(database: Database, login: str, pin: str, station: str) -> LoginOutcome:
    """Login and PIN; or a badge scanned into the PIN field (or into the login field, PIN empty)."""
    login, pin = login.strip(), pin.strip()
    if not pin and login:
        badge_user = try_badge(database, login, station)
        if badge_user is not None:
            return LoginOutcome(user=badge_user)
    with database.unit_of_work() as uow:
        session = uow.session
        attempt = session.begin_nested()  # the service audits a failure; undone if it was a badge
        try:
            user = login_with_pin(session, login, pin, station=station)
        except LoginFailed:
            if not (pin and _is_badge(session, pin)):
                attempt.commit()
                uow.commit()  # keep the audit entry of the failed attempt
                return LoginOutcome(problem=LoginProblem.WRONG_PIN)
            attempt.rollback()
            user = login_with_badge(session, pin, station=station)
        else:
            attempt.commit()
        uow.commit()
        return LoginOutcome(user=user)

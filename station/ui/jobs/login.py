"""Signing in at the bench: a login name and PIN, or a badge scan in either field.

A badge scanner types the badge code and Enter. So Enter in the login field first asks whether
the text is a badge code; if it is, that badge signs in, otherwise the text is a login name and
the PIN comes next. Enter in the PIN field signs in with login and PIN; if that fails and the PIN
field holds a badge code (the badge was scanned there), the badge signs in instead.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from sqlalchemy import select
from sqlalchemy.orm import Session

from station.db.engine import Database
from station.db.models import User
from station.services.auth import LoggedInUser, LoginFailed, login_with_badge, login_with_pin


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

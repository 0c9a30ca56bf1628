"""The demo's two clients (tenants) and its staff, with the PINs documented in docs/demo.md."""

from __future__ import annotations

from dataclasses import dataclass

from station.db.models import Role, Tenant, User
from station.services.auth import hash_pin
from station.services.demo.context import DemoContext
from station.services.demo.people import company_rut

RETAIL = "MODA-ANDINA"  # apparel and electronics retailer
FOOD = "SABORES-SUR"  # food company
DEMO_TENANT_CODES = (RETAIL, FOOD)


@dataclass(frozen=True)
class DemoLogin:
    """A demo user, with the PIN in clear: the login screen shows these as a hint in demo mode."""

    login: str
    name: str
    role: Role
    pin: str
    badge_code: str


DEMO_USERS: tuple[DemoLogin, ...] = (
    DemoLogin("admin", "Carolina Muñoz", Role.ADMIN, "1234", "JLS-0001"),
    DemoLogin("lead", "Jorge Sepúlveda", Role.LEAD, "2222", "JLS-0002"),
    DemoLogin("packer1", "Camila Rojas", Role.PACKER, "1111", "JLS-0101"),
    DemoLogin("packer2", "Matías Fuentes", Role.PACKER, "1111", "JLS-0102"),
    DemoLogin("packer3", "Javiera Soto", Role.PACKER, "1111", "JLS-0103"),
)
# (login, PIN) pairs for the sign-in screen's demo hint: one user of each role.
DEMO_LOGINS: tuple[tuple[str, str], ...] = tuple(
    (user.login, user.pin) for user in DEMO_USERS if user.login in ("admin", "lead", "packer1")
)


def create_tenants(ctx: DemoContext) -> dict[str, Tenant]:
    tenants = {
        RETAIL: Tenant(code=RETAIL, name="Moda Andina SpA", rut=company_rut(ctx.rng).compact()),
        FOOD: Tenant(code=FOOD, name="Sabores del Sur Ltda.", rut=company_rut(ctx.rng).compact()),
    }
    for tenant in tenants.values():
        tenant.created_at = ctx.ago(days=365)
    ctx.session.add_all(tenants.values())
    ctx.session.flush()
    ctx.progress("Tenants: " + ", ".join(t.name for t in tenants.values()))
    return tenants


def create_staff(ctx: DemoContext) -> dict[str, User]:
    users = {
        login.login: User(
            login=login.login,
            name=login.name,
            role=login.role,
            pin_hash=hash_pin(login.pin),
            badge_code=login.badge_code,
            created_at=ctx.ago(days=300),
        )
        for login in DEMO_USERS
    }
    ctx.session.add_all(users.values())
    ctx.session.flush()
    ctx.progress("Staff: " + ", ".join(f"{login} (PIN {pin})" for login, pin in DEMO_LOGINS) + " and more packers")
    return users

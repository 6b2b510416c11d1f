"""Writes about users, memberships and two-factor devices."""

from django.db import transaction
from django_otp.plugins.otp_totp.models import TOTPDevice

from binhdang.audit.services import record
from binhdang.lib.vntext import nfc
from binhdang.orgs.models import OrgUnit

from .models import Membership, User


@transaction.atomic
def user_create(*, actor, acting_unit, username: str, full_name: str, password: str, email: str = "") -> User:
    user = User(username=username, full_name=nfc(full_name), email=email)
    user.set_password(password)
    user.save()
    record(actor=actor, unit=acting_unit, action="user.create", target=user)
    return user


@transaction.atomic
def membership_grant(*, actor, acting_unit, user: User, unit: OrgUnit, role: str) -> Membership:
    membership, created = Membership.objects.get_or_create(user=user, unit=unit, role=role)
    if not created and not membership.is_active:
        membership.is_active = True
        membership.save(update_fields=["is_active"])
    record(actor=actor, unit=acting_unit, action="membership.grant", target=membership,
           details={"user": user.username, "unit": unit.code, "role": role})
    return membership


@transaction.atomic
def membership_revoke(*, actor, acting_unit, membership: Membership) -> None:
    membership.is_active = False
    membership.save(update_fields=["is_active"])
    record(actor=actor, unit=acting_unit, action="membership.revoke", target=membership,
           details={"user": membership.user.username, "unit": membership.unit.code,
                    "role": membership.role})


@transaction.atomic
def totp_device_start(*, user: User) -> TOTPDevice:
    """A new, unconfirmed device; an earlier unconfirmed one is replaced."""
    TOTPDevice.objects.filter(user=user, confirmed=False).delete()
    return TOTPDevice.objects.create(user=user, name="Ứng dụng xác thực", confirmed=False)


@transaction.atomic
def totp_device_confirm(*, user: User, device: TOTPDevice, token: str, unit) -> bool:
    if not device.verify_token(token):
        return False
    TOTPDevice.objects.filter(user=user, confirmed=True).exclude(pk=device.pk).delete()
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    record(actor=user, unit=unit, action="2fa.enable", target=user)
    return True


@transaction.atomic
def totp_device_remove(*, user: User, unit) -> None:
    TOTPDevice.objects.filter(user=user).delete()
    record(actor=user, unit=unit, action="2fa.disable", target=user)

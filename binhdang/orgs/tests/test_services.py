"""The organisation tree's writes: create, move, merge, close, and the dated history they keep."""

import datetime as dt
import unicodedata

import pytest
from django.core.exceptions import ValidationError

from binhdang.audit.models import AuditEntry
from binhdang.orgs import selectors, services
from binhdang.orgs.models import OrgUnit, ParentLink

pytestmark = pytest.mark.django_db

REFORM = dt.date(2025, 7, 1)  # two-tier local government: districts abolished
BEFORE = dt.date(2025, 6, 30)


def _create(world, code, kind, parent, level="", **extra):
    return services.org_unit_create(
        actor=world.province_officer, acting_unit=world.province, code=code, name=code, kind=kind,
        parent=parent, school_level=level, **extra,
    )


def _errors(exc_info) -> dict:
    return exc_info.value.message_dict


# --- create ---------------------------------------------------------------------------------

def test_create_builds_path_link_and_audit(world):
    name = unicodedata.normalize("NFD", "Trường Tiểu học Lê Lợi")
    unit = services.org_unit_create(
        actor=world.commune_officer, acting_unit=world.commune, code="th-le-loi", name=name,
        kind="school", parent=world.commune, school_level="primary", valid_from=dt.date(2020, 9, 5),
    )
    unit.refresh_from_db()
    assert unit.name == "Trường Tiểu học Lê Lợi"
    assert unicodedata.is_normalized("NFC", unit.name)
    assert unit.path == f"{world.province.pk}.{world.commune.pk}.{unit.pk}."
    link = ParentLink.objects.get(unit=unit)
    assert (link.parent, link.valid_from, link.valid_to) == (world.commune, dt.date(2020, 9, 5), None)
    entry = AuditEntry.objects.get(action="org.create", target_uid=str(unit.uid))
    assert (entry.actor, entry.acting_unit) == (world.commune_officer, world.commune)
    assert entry.details == {"code": "th-le-loi", "parent": "xa-a"}


def test_create_root_has_no_link(world):
    unit = _create(world, "so-moi", "department", None)
    assert unit.path == f"{unit.pk}."
    assert not ParentLink.objects.filter(unit=unit).exists()


@pytest.mark.parametrize(
    ("kind", "level", "parent_attr", "field", "message"),
    [
        ("school", "", "commune", "school_level", "Trường học phải có cấp học."),
        ("commune", "primary", "province", "school_level", "Chỉ trường học mới có cấp học."),
        ("school", "primary", "school", "parent", "Không thể đặt đơn vị dưới một trường học."),
    ],
)
def test_create_validation(world, kind, level, parent_attr, field, message):
    with pytest.raises(ValidationError) as exc_info:
        _create(world, "moi", kind, getattr(world, parent_attr), level)
    assert _errors(exc_info) == {field: [message]}
    assert not OrgUnit.objects.filter(code="moi").exists()
    assert not AuditEntry.objects.filter(action="org.create", details__code="moi").exists()


def test_create_refuses_duplicate_code_and_closed_parent(world):
    with pytest.raises(ValidationError) as exc_info:
        _create(world, "truong-a", "school", world.commune, "primary")
    assert _errors(exc_info) == {"code": ["Mã đơn vị “truong-a” đã được dùng."]}
    services.org_unit_close(actor=world.admin, acting_unit=None, unit=world.school, on_date=REFORM)
    services.org_unit_close(actor=world.admin, acting_unit=None, unit=world.commune, on_date=REFORM)
    with pytest.raises(ValidationError) as exc_info:
        _create(world, "moi", "school", world.commune, "primary")
    assert _errors(exc_info) == {"parent": ["Đơn vị cấp trên đã đóng."]}


# --- move -----------------------------------------------------------------------------------

def test_move_rewrites_subtree_and_keeps_history(world):
    # The commune (with its school) passes to the other province.
    services.org_unit_move(actor=world.admin, acting_unit=world.province, unit=world.commune,
                           new_parent=world.other_province, on_date=REFORM)
    commune = OrgUnit.objects.get(pk=world.commune.pk)
    school = OrgUnit.objects.get(pk=world.school.pk)
    assert commune.parent == world.other_province
    assert commune.path == f"{world.other_province.pk}.{commune.pk}."
    assert school.path == f"{commune.path}{school.pk}."
    assert school.parent == commune  # the school's own parent did not change
    assert list(OrgUnit.objects.subtree_of(world.province).order_by("pk")) == [
        world.province, world.school_b]
    links = list(ParentLink.objects.filter(unit=commune).order_by("pk"))
    assert [(ln.parent, ln.valid_from, ln.valid_to) for ln in links] == [
        (world.province, None, REFORM),
        (world.other_province, REFORM, None),
    ]
    # The tree as it stood before the move, and after.
    assert selectors.parent_on(commune, BEFORE) == world.province
    assert selectors.parent_on(commune, REFORM) == world.other_province
    assert set(selectors.children_on(world.province, BEFORE)) == {commune, world.school_b}
    assert set(selectors.children_on(world.province, REFORM)) == {world.school_b}
    assert set(selectors.children_on(world.other_province, BEFORE)) == {world.other_school}
    assert set(selectors.children_on(world.other_province, REFORM)) == {world.other_school, commune}
    entry = AuditEntry.objects.get(action="org.move")
    assert (entry.actor, entry.acting_unit, entry.target_uid) == (
        world.admin, world.province, str(commune.uid))
    assert entry.details == {"from": "so-a", "to": "so-x", "on": "2025-07-01"}


def test_move_twice_keeps_three_periods(world):
    office = _create(world, "phong-a", "district_office", world.province)
    school = _create(world, "th-b", "school", office, "primary", valid_from=dt.date(2010, 9, 1))
    services.org_unit_move(actor=world.admin, acting_unit=None, unit=school, new_parent=world.commune,
                           on_date=REFORM)
    services.org_unit_move(actor=world.admin, acting_unit=None, unit=school, new_parent=world.province,
                           on_date=dt.date(2026, 1, 1))
    assert selectors.parent_on(school, dt.date(2015, 1, 1)) == office
    assert selectors.parent_on(school, dt.date(2025, 12, 31)) == world.commune
    assert selectors.parent_on(school, dt.date(2026, 1, 1)) == world.province
    assert selectors.parent_on(school, dt.date(2009, 1, 1)) is None  # before it opened
    assert ParentLink.objects.filter(unit=school, valid_to__isnull=True).count() == 1


@pytest.mark.parametrize(
    ("unit_attr", "parent_attr", "message"),
    [
        ("commune", "commune", "Không thể chuyển đơn vị vào chính nó hoặc đơn vị cấp dưới của nó."),
        ("province", "commune", "Không thể chuyển đơn vị vào chính nó hoặc đơn vị cấp dưới của nó."),
        ("school_b", "school", "Không thể đặt đơn vị dưới một trường học."),
    ],
)
def test_move_validation(world, unit_attr, parent_attr, message):
    unit = getattr(world, unit_attr)
    before = unit.path
    with pytest.raises(ValidationError) as exc_info:
        services.org_unit_move(actor=world.admin, acting_unit=None, unit=unit,
                               new_parent=getattr(world, parent_attr), on_date=REFORM)
    assert _errors(exc_info) == {"new_parent": [message]}
    unit.refresh_from_db()
    assert unit.path == before
    assert not AuditEntry.objects.filter(action="org.move").exists()


def test_move_refuses_a_date_before_the_current_link(world):
    school = _create(world, "th-b", "school", world.commune, "primary", valid_from=dt.date(2024, 9, 1))
    with pytest.raises(ValidationError) as exc_info:
        services.org_unit_move(actor=world.admin, acting_unit=None, unit=school,
                               new_parent=world.province, on_date=dt.date(2024, 8, 1))
    assert _errors(exc_info) == {"on_date": [
        "Ngày chuyển không được trước ngày bắt đầu trực thuộc hiện tại (01/09/2024)."]}
    assert ParentLink.objects.filter(unit=school).count() == 1


def test_move_refuses_closed_units(world):
    services.org_unit_close(actor=world.admin, acting_unit=None, unit=world.school_b, on_date=REFORM)
    with pytest.raises(ValidationError) as exc_info:
        services.org_unit_move(actor=world.admin, acting_unit=None, unit=world.school_b,
                               new_parent=world.commune, on_date=dt.date(2026, 1, 1))
    assert _errors(exc_info) == {"new_parent": ["Không thể chuyển đơn vị đã đóng."]}


# --- merge ----------------------------------------------------------------------------------

def test_merge_moves_children_and_closes_with_successor(world):
    commune_b = _create(world, "xa-b", "commune", world.province)
    school_c = _create(world, "truong-c", "school", commune_b, "lower_secondary")
    school_d = _create(world, "truong-d", "school", commune_b, "preschool")
    services.org_unit_merge(actor=world.province_officer, acting_unit=world.province,
                            units=[commune_b], into=world.commune, on_date=REFORM)
    commune_b.refresh_from_db()
    assert (commune_b.valid_to, commune_b.successor) == (REFORM, world.commune)
    assert commune_b.is_closed
    for school in (school_c, school_d):
        school.refresh_from_db()
        assert school.parent == world.commune
        assert school.path == f"{world.commune.path}{school.pk}."
        assert selectors.parent_on(school, BEFORE) == commune_b
        assert selectors.parent_on(school, REFORM) == world.commune
    assert set(selectors.children_on(world.commune, REFORM)) == {world.school, school_c, school_d}
    assert set(selectors.children_on(commune_b, BEFORE)) == {school_c, school_d}
    assert not selectors.children_on(commune_b, REFORM).exists()
    # The merged unit's own link to the Sở is closed on the same day.
    assert selectors.parent_on(commune_b, BEFORE) == world.province
    assert selectors.parent_on(commune_b, REFORM) is None
    assert list(world.commune.predecessors.all()) == [commune_b]
    merge = AuditEntry.objects.get(action="org.merge")
    assert (merge.actor, merge.acting_unit, merge.target_uid) == (
        world.province_officer, world.province, str(world.commune.uid))
    assert merge.details["merged"] == ["xa-b"]
    assert sorted(merge.details["moved"]) == ["truong-c", "truong-d"]
    close = AuditEntry.objects.get(action="org.close")
    assert (close.actor, close.target_uid, close.details["successor"]) == (
        world.province_officer, str(commune_b.uid), "xa-a")


@pytest.mark.parametrize(
    ("units", "into", "message"),
    [
        ([], "commune", "Chọn ít nhất một đơn vị để sáp nhập."),
        (["commune"], "commune", "Đơn vị kế thừa không thể là một trong các đơn vị bị sáp nhập."),
        (["school_b"], "commune", "Chỉ sáp nhập các đơn vị cùng loại (Trường THPT B và UBND xã A khác loại)."),
    ],
)
def test_merge_validation(world, units, into, message):
    with pytest.raises(ValidationError) as exc_info:
        services.org_unit_merge(actor=world.admin, acting_unit=None,
                                units=[getattr(world, u) for u in units], into=getattr(world, into),
                                on_date=REFORM)
    assert exc_info.value.messages == [message]
    assert not OrgUnit.objects.filter(valid_to__isnull=False).exists()
    assert not AuditEntry.objects.filter(action__in=["org.merge", "org.close"]).exists()


def test_merge_refuses_closed_successor_and_successor_inside_a_merged_unit(world):
    commune_b = _create(world, "xa-b", "commune", world.province)
    inner = _create(world, "xa-trong", "commune", commune_b)
    with pytest.raises(ValidationError) as exc_info:
        services.org_unit_merge(actor=world.admin, acting_unit=None, units=[commune_b], into=inner,
                                on_date=REFORM)
    assert exc_info.value.messages == [
        "Đơn vị kế thừa không thể nằm trong đơn vị bị sáp nhập (xa-b)."]
    services.org_unit_close(actor=world.admin, acting_unit=None, unit=inner, on_date=REFORM)
    with pytest.raises(ValidationError) as exc_info:
        services.org_unit_merge(actor=world.admin, acting_unit=None, units=[commune_b], into=inner,
                                on_date=REFORM)
    assert exc_info.value.messages == ["Đơn vị kế thừa đã đóng."]
    commune_b.refresh_from_db()
    assert not commune_b.is_closed


# --- close ----------------------------------------------------------------------------------

def test_close_refuses_open_children(world):
    with pytest.raises(ValidationError) as exc_info:
        services.org_unit_close(actor=world.admin, acting_unit=None, unit=world.commune, on_date=REFORM)
    assert exc_info.value.messages == [
        "Đơn vị còn đơn vị cấp dưới đang hoạt động: hãy chuyển hoặc sáp nhập chúng trước."]
    world.commune.refresh_from_db()
    assert world.commune.valid_to is None


def test_close_closes_link_and_audits(world):
    services.org_unit_close(actor=world.province_officer, acting_unit=world.province,
                            unit=world.school_b, on_date=REFORM)
    school_b = OrgUnit.objects.get(pk=world.school_b.pk)
    assert school_b.valid_to == REFORM
    assert ParentLink.objects.get(unit=school_b).valid_to == REFORM
    assert world.school_b not in OrgUnit.objects.open_on(REFORM)
    assert world.school_b in OrgUnit.objects.open_on(BEFORE)
    entry = AuditEntry.objects.get(action="org.close")
    assert (entry.actor, entry.acting_unit) == (world.province_officer, world.province)
    assert entry.details == {"on": "2025-07-01", "successor": None}
    with pytest.raises(ValidationError) as exc_info:
        services.org_unit_close(actor=world.admin, acting_unit=None, unit=school_b, on_date=REFORM)
    assert exc_info.value.messages == ["Đơn vị này đã đóng."]

"""Writes of the roster import: all rows in one transaction, people updated, never duplicated.

Built for 100,000-row files: existing people are read in one query, writes go in batches
(bulk_create / bulk_update), never a query per row.
"""

import datetime as dt
import logging
import re
from collections.abc import Callable
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from binhdang.audit.services import record
from binhdang.lib.signals import batch as signal_batch
from binhdang.lib.signals import bulk_written
from binhdang.lib.vntext import fold
from binhdang.orgs.models import OrgUnit, SchoolClass, SchoolYear

from ..models import CadreAssignment, Enrollment, RosterImport, StaffMember, Student
from ..selectors import current_school_year
from .headers import Column, columns_from_json, columns_to_json
from .pipeline import FileProblem, Prepared, prepare
from .progress import clear_progress, write_progress
from .validation import PersonRow, RowError, id_key

logger = logging.getLogger(__name__)
BATCH = 2000
_IN_CHUNK = 900  # stays under every database's limit of query parameters
_PERSON_FIELDS = ("family_name", "middle_name", "given_name", "external_id", "sex", "date_of_birth",
                  "is_active", "sort_key", "search_text")
_STAFF_FIELDS = ("position", "subject", "meets_new_standard")
_GRADE = re.compile(r"\d+")


@dataclass
class ImportResult:
    created: int
    updated: int


def _school_year_for(day: dt.date) -> SchoolYear:
    start = day.year if day.month >= 9 else day.year - 1
    year, _created = SchoolYear.objects.get_or_create(
        code=f"{start}-{start + 1}",
        defaults={"starts_on": dt.date(start, 9, 5), "ends_on": dt.date(start + 1, 5, 31)},
    )
    return year


def _class_key(name: str) -> str:
    return fold(name).replace(" ", "")


def _grade(name: str) -> int | None:
    found = _GRADE.search(name)
    return int(found.group()) if found and 1 <= int(found.group()) <= 12 else None


def _match(model, unit: OrgUnit, rows: list[PersonRow]) -> list[tuple[PersonRow, object | None]]:
    """Each row with the existing person it updates (by id, else by name and birth date) or None."""
    fields = ("id", *_PERSON_FIELDS) + (_STAFF_FIELDS if model is StaffMember else ())
    by_id: dict[str, object] = {}
    by_name: dict[tuple, object] = {}
    # Rows with an id match people without one by name; rows without an id match anyone.
    anyone_by_name = any(not row.external_id for row in rows)
    for person in model.objects.filter(unit=unit).only(*fields):
        if person.external_id:
            by_id[id_key(person.external_id)] = person
        if anyone_by_name or not person.external_id:
            by_name.setdefault((fold(person.full_name), person.date_of_birth), person)
    taken: set[int] = set()
    pairs = []
    for row in rows:
        found = by_id.get(id_key(row.external_id)) if row.external_id else None
        if found is None:
            candidate = by_name.get(row.name_key)
            # A person already known by another id is someone else with the same name.
            if candidate is not None and not (row.external_id and candidate.external_id):
                found = candidate
        if found is not None and found.pk in taken:
            found = None
        if found is not None:
            taken.add(found.pk)
        pairs.append((row, found))
    return pairs


def _apply(person, row: PersonRow, present: frozenset[str], staff: bool) -> None:
    person.family_name, person.middle_name, person.given_name = row.family_name, row.middle_name, row.given_name
    if row.external_id:
        person.external_id = row.external_id
    if "sex" in present:
        person.sex = row.sex
    if "date_of_birth" in present:
        person.date_of_birth = row.date_of_birth
    if staff:
        if "position" in present:
            person.position = row.position
        if "subject" in present:
            person.subject = row.subject
        if "meets_new_standard" in present:
            person.meets_new_standard = row.meets_new_standard
    person.is_active = True
    person.refresh_derived()


class _Classes:
    """The school's classes of the year, created on first sight of a new class name."""

    def __init__(self, unit: OrgUnit, year: SchoolYear, names: list[str]):
        self.by_key = {_class_key(c.name): c for c in SchoolClass.objects.filter(unit=unit, school_year=year)}
        new: dict[str, SchoolClass] = {}
        for name in names:
            key = _class_key(name)
            if key not in self.by_key and key not in new:
                new[key] = SchoolClass(unit=unit, school_year=year, name=name, grade=_grade(name))
        SchoolClass.objects.bulk_create(new.values())
        self.by_key.update(new)

    def id_for(self, name: str) -> int:
        return self.by_key[_class_key(name)].pk

    def get(self, name: str) -> SchoolClass:
        return self.by_key[_class_key(name)]


def _enroll(pairs, unit: OrgUnit, year: SchoolYear, classes: _Classes, present: frozenset[str]) -> list:
    """Put each student of the batch in their class for the year, with their cadre roles; returns
    the enrollments and roles written (with their class and year in memory, for bulk_written)."""
    student_ids = [p.pk for _row, p in pairs]
    existing: dict[int, Enrollment] = {}
    for start in range(0, len(student_ids), _IN_CHUNK):
        chunk = student_ids[start:start + _IN_CHUNK]
        found = Enrollment.objects.filter(school_year=year, student_id__in=chunk)
        for e in found.only("id", "student_id", "school_class_id"):
            existing[e.student_id] = e
    to_create, to_move = [], []
    for row, student in pairs:
        school_class = classes.get(row.class_name)
        enrollment = existing.get(student.pk)
        if enrollment is None:
            to_create.append(Enrollment(student_id=student.pk, school_class=school_class, school_year=year))
            continue
        moved = enrollment.school_class_id != school_class.pk
        # The objects, not only the ids: whoever reads the written rows finds them without a query.
        enrollment.school_class, enrollment.school_year = school_class, year
        if moved:
            to_move.append(enrollment)
    Enrollment.objects.bulk_create(to_create)
    Enrollment.objects.bulk_update(to_move, ["school_class"], batch_size=500)
    if "cadre_role" not in present:
        return [*to_create, *to_move]
    # The file is the list of this year's cadres: roles of the students in it are replaced.
    kept = [e.pk for e in existing.values()]
    for start in range(0, len(kept), _IN_CHUNK):
        CadreAssignment.objects.filter(enrollment_id__in=kept[start:start + _IN_CHUNK]).delete()
    enrollment_of = {e.student_id: e for e in (*existing.values(), *to_create)}
    roles = CadreAssignment.objects.bulk_create([
        CadreAssignment(enrollment=enrollment_of[student.pk], role=role)
        for row, student in pairs for role in row.cadre_roles
    ])
    return [*to_create, *to_move, *roles]


def roster_import(*, actor, unit: OrgUnit, rows: list[PersonRow], kind: str,
                  present: frozenset[str] = frozenset(), school_year: SchoolYear | None = None,
                  dry_run: bool = False, source: RosterImport | None = None,
                  progress: Callable[[int], None] | None = None) -> ImportResult:
    """Create or update every row, all in one transaction; with dry_run only count."""
    if not unit.is_school:
        raise ValueError("roster_import needs a school")
    model = Student if kind == "students" else StaffMember
    staff = model is StaffMember
    # signal_batch(): the row-by-row signals (roles deleted) and the bulk writes are reacted to once, at the end.
    with transaction.atomic(), signal_batch():
        pairs = _match(model, unit, rows)
        updated = sum(1 for _row, person in pairs if person is not None)
        result = ImportResult(created=len(pairs) - updated, updated=updated)
        if dry_run:
            return result
        classes = year = None
        fields = list(_PERSON_FIELDS) + (list(_STAFF_FIELDS) if staff else [])
        if not staff:
            year = school_year or current_school_year() or _school_year_for(timezone.localdate())
            classes = _Classes(unit, year, [row.class_name for row in rows])
        written: dict[type, list] = {model: [], Enrollment: [], CadreAssignment: []}
        for start in range(0, len(pairs), BATCH):
            batch = pairs[start:start + BATCH]
            new, changed = [], []
            for row, person in batch:
                if person is None:
                    person = model(unit=unit)
                    _apply(person, row, present, staff)
                    new.append(person)
                    continue
                before = [getattr(person, f) for f in fields]
                _apply(person, row, present, staff)
                if before != [getattr(person, f) for f in fields]:
                    changed.append(person)
            model.objects.bulk_update(changed, fields, batch_size=500)
            model.objects.bulk_create(new)
            written[model] += [*changed, *new]
            if not staff:
                for row in _enroll([(row, p) for (row, _old), p in zip(batch, _people(batch, new), strict=True)],
                                   unit, year, classes, present):
                    written[type(row)].append(row)
            if progress is not None:
                progress(start + len(batch))
        # Bulk writes send no post_save: say what was written (indicators recompute the school once).
        for written_model, instances in written.items():
            if instances:
                bulk_written.send(sender=written_model, instances=instances)
        record(actor=actor, unit=unit, action="people.roster_import", target=source,
               details={"kind": kind, "rows": len(rows), "created": result.created, "updated": result.updated})
    return result


def _people(batch, new: list) -> list:
    """The saved person of each row of the batch: the matched one, else the next created one."""
    created = iter(new)
    return [person if person is not None else next(created) for _row, person in batch]


def _fail(upload: RosterImport, errors: list[RowError]) -> None:
    upload.status = RosterImport.Status.FAILED
    upload.errors = [e.as_dict() for e in errors]
    upload.finished_at = timezone.now()
    upload.save(update_fields=["status", "errors", "finished_at"])


def roster_import_run(*, upload: RosterImport) -> None:
    """Import a previewed file (in the request or on the worker) and record the outcome."""
    uid = upload.uid
    upload.status = RosterImport.Status.RUNNING
    upload.processed_rows = 0
    upload.save(update_fields=["status", "processed_rows"])
    try:
        with upload.file.open("rb") as handle:
            prepared = prepare(handle, kind=upload.kind,
                               columns=columns_from_json(upload.column_mapping))
    except FileProblem as exc:
        _fail(upload, [RowError(None, "", str(exc))])
        return
    if prepared.errors:
        _fail(upload, prepared.errors)
        return
    try:
        result = roster_import(
            actor=upload.uploaded_by, unit=upload.unit, rows=prepared.people,
            kind=upload.kind, present=prepared.present, source=upload,
            progress=lambda n: write_progress(uid, n),
        )
    except Exception as exc:  # noqa: BLE001 - recorded on the import; rows may hold children's names
        logger.error("roster import %s failed: %s", uid, type(exc).__name__)
        _fail(upload, [RowError(None, "", _("Lỗi hệ thống khi nhập; không có thay đổi nào được lưu."))])
        return
    finally:
        clear_progress(uid)
    upload.status = RosterImport.Status.DONE
    upload.total_rows = len(prepared.people)
    upload.processed_rows = len(prepared.people)
    upload.created_count, upload.updated_count = result.created, result.updated
    upload.errors = []
    upload.finished_at = timezone.now()
    upload.save(update_fields=["status", "total_rows", "processed_rows", "created_count",
                                      "updated_count", "errors", "finished_at"])


def _store_check(upload: RosterImport, prepared: Prepared) -> None:
    upload.kind = prepared.kind
    upload.column_mapping = columns_to_json(prepared.columns)
    upload.header_row = prepared.header_index + 1
    upload.preview = [[number, cells] for number, cells in prepared.preview]
    upload.total_rows = len(prepared.people)
    upload.errors = [e.as_dict() for e in prepared.errors]
    upload.status = RosterImport.Status.PREVIEWED


def roster_upload_create(*, actor, unit: OrgUnit, file, prepared: Prepared) -> RosterImport:
    """Keep a checked file for its preview (stored as MEDIA_ROOT/imports/<uid>)."""
    with transaction.atomic():
        upload = RosterImport(unit=unit, uploaded_by=actor, original_name=file.name[:255])
        _store_check(upload, prepared)
        file.seek(0)
        upload.file.save(str(upload.uid), file, save=False)
        upload.save()
        record(actor=actor, unit=unit, action="people.roster_upload", target=upload,
               details={"kind": upload.kind, "rows": upload.total_rows, "errors": len(upload.errors)})
    return upload


def roster_upload_remap(*, actor, upload: RosterImport, columns: list[Column], kind: str) -> RosterImport:
    """Check the file again with the columns the user mapped; raises FileProblem."""
    with upload.file.open("rb") as handle:
        prepared = prepare(handle, kind=kind, columns=columns)
    with transaction.atomic():
        _store_check(upload, prepared)
        upload.save(update_fields=["kind", "column_mapping", "header_row", "preview", "total_rows",
                                   "errors", "status"])
        record(actor=actor, unit=upload.unit, action="people.roster_remap", target=upload,
               details={"kind": upload.kind, "errors": len(upload.errors)})
    return upload


def roster_import_start(*, upload: RosterImport, sync_limit: int) -> bool:
    """Import a previewed, error-free file: here when small, else on the worker.

    Returns False when the file was not ready (already started, or has problems).
    """
    from ..tasks import run_roster_import  # the task module imports this one

    if upload.errors:
        return False
    claimed = RosterImport.objects.filter(pk=upload.pk, status=RosterImport.Status.PREVIEWED).update(
        status=RosterImport.Status.PENDING
    )
    if not claimed:  # a second click on "Nhập"
        return False
    upload.status = RosterImport.Status.PENDING
    if upload.total_rows <= sync_limit:
        roster_import_run(upload=upload)
    else:
        uid = str(upload.uid)
        transaction.on_commit(lambda: run_roster_import.enqueue(uid))
    return True

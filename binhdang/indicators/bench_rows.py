"""Fast inserts for bench-data: plain tuples (executemany on SQLite, COPY on PostgreSQL), ids assigned here.

Django's bulk_create costs about 50 µs a row in model instances and SQL compilation; the
synthetic country has some eight million rows, so the generator writes tuples instead. Each table
is described once from the model (`Table`): the fields the generator gives, the others filled
with the field's default (uuid4 called per row, auto_now fields with the run's time, nullable ones
with NULL), and values the database driver cannot take as they are (uuid, datetime, JSON)
prepared by the field itself, so SQLite and PostgreSQL both get what Django would have written.
On PostgreSQL the tuples go through COPY. Ids are taken above the table's current maximum, so
children can point to their parents without a read back; `reset_sequences()` then moves
PostgreSQL's sequences past them.
"""

import random
import uuid

from django.core.management.color import no_style
from django.db import connection
from django.db.models import Max
from django.utils import timezone

PREPARED = {"UUIDField", "DateTimeField", "DateField", "JSONField"}
_bits = random.Random()  # seeded by the system: uids need not repeat across runs


def fast_uuid4() -> str:
    """A version-4 uuid as 32 hex digits, as SQLite stores it and PostgreSQL casts it: uuid4() and
    the field's preparation cost more than the row's insert at millions of rows."""
    n = _bits.getrandbits(128) & ~(0xF000 << 64) & ~(0xC000 << 48)
    return f"{n | (0x4000 << 64) | (0x8000 << 48):032x}"


class Table:
    def __init__(self, model, given: list[str]):
        self.model = model
        self.next_id = (model.objects.aggregate(top=Max("pk"))["top"] or 0) + 1
        now = timezone.now()
        fields = model._meta.concrete_fields
        positions = {name: i for i, name in enumerate(given)}
        self.plan = []  # per column: (position in the given values or None, constant, per-row default, prep)
        for field in fields:
            prep = None
            if field.get_internal_type() in PREPARED:
                prep = (lambda f: lambda value: f.get_db_prep_save(value, connection))(field)
            if field.primary_key:
                self.plan.append((-1, None, None, None))
            elif field.attname in positions:
                self.plan.append((positions[field.attname], None, None, prep))
            elif getattr(field, "auto_now", False) or getattr(field, "auto_now_add", False):
                self.plan.append((None, prep(now) if prep else now, None, None))
            elif field.default is uuid.uuid4:
                self.plan.append((None, None, fast_uuid4, None))
            elif field.has_default() and callable(field.default):
                self.plan.append((None, None, field.default, prep))
            else:
                value = field.get_default()  # the default, "" for a text field without one, else None
                if value is None and not field.null:
                    raise ValueError(f"{model._meta.label}.{field.name}: no value and no default")
                self.plan.append((None, prep(value) if prep and value is not None else value, None, None))
        columns = ", ".join(connection.ops.quote_name(field.column) for field in fields)
        marks = ", ".join(["%s"] * len(fields))
        table = connection.ops.quote_name(model._meta.db_table)
        self.sql = f"INSERT INTO {table} ({columns}) VALUES ({marks})"
        self.copy_sql = f"COPY {table} ({columns}) FROM STDIN"
        self.rows: list[tuple] = []
        self.count = 0

    def add(self, *values) -> int:
        """Queue one row (values in the order given to the constructor); returns its id."""
        row_id = self.next_id
        self.next_id += 1
        row = []
        for position, constant, default, prep in self.plan:
            if position == -1:
                row.append(row_id)
            elif position is not None:
                value = values[position]
                row.append(prep(value) if prep and value is not None else value)
            elif default is not None:
                value = default()
                row.append(prep(value) if prep else value)
            else:
                row.append(constant)
        self.rows.append(tuple(row))
        return row_id

    def flush(self) -> None:
        if self.rows:
            with connection.cursor() as cursor:
                if connection.vendor == "postgresql":
                    # COPY: several times faster than INSERTs, even pipelined ones.
                    with cursor.cursor.copy(self.copy_sql) as copy:
                        for row in self.rows:
                            copy.write_row(row)
                else:
                    cursor.executemany(self.sql, self.rows)
            self.count += len(self.rows)
            self.rows = []


def reset_sequences(models: list) -> None:
    with connection.cursor() as cursor:
        for statement in connection.ops.sequence_reset_sql(no_style(), models):
            cursor.execute(statement)

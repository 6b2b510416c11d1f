from django.contrib import admin

from .models import LegalBasis, Plan, PlanImportNote, PlanSection, Recipient, Target, TaskGroup


class LegalBasisInline(admin.TabularInline):
    model = LegalBasis
    extra = 0
    raw_id_fields = ["document"]


class RecipientInline(admin.TabularInline):
    model = Recipient
    extra = 0


class TargetInline(admin.TabularInline):
    model = Target
    extra = 0


class ImportNoteInline(admin.TabularInline):
    model = PlanImportNote
    extra = 0


@admin.register(Plan)
class PlanAdmin(admin.ModelAdmin):
    list_display = ["title", "issuer_unit", "kind", "year", "status", "created_at"]
    list_filter = ["kind", "status"]
    search_fields = ["title", "imported_number"]
    raw_id_fields = ["issuer_unit", "issuer_body", "source_plan", "created_by"]
    readonly_fields = ["uid", "revision", "created_at", "updated_at"]
    inlines = [LegalBasisInline, TargetInline, RecipientInline, ImportNoteInline]


admin.site.register([PlanSection, TaskGroup])

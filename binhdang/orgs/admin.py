from django.contrib import admin

from .models import InternalBody, OrgUnit, ParentLink, SchoolClass, SchoolYear


@admin.register(OrgUnit)
class OrgUnitAdmin(admin.ModelAdmin):
    list_display = ["name", "code", "kind", "school_level", "parent", "valid_to"]
    list_filter = ["kind", "school_level"]
    search_fields = ["name", "code"]
    readonly_fields = ["path", "parent"]


admin.site.register([ParentLink, InternalBody, SchoolYear, SchoolClass])

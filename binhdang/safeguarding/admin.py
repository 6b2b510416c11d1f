"""Admin for what item 1 needs edited by hand: hotlines (per province) and case-team members.
Cases are never shown here: their content is sealed and every read must go through the
access-checked, audited views."""

from django.contrib import admin

from .models import CaseTeamMember, Hotline


@admin.register(Hotline)
class HotlineAdmin(admin.ModelAdmin):
    list_display = ("name", "number", "unit", "position")
    list_filter = ("unit",)
    autocomplete_fields = ("unit",)


@admin.register(CaseTeamMember)
class CaseTeamMemberAdmin(admin.ModelAdmin):
    list_display = ("user", "unit", "is_leader")
    autocomplete_fields = ("unit", "user")

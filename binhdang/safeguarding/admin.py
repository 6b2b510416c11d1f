"""Admin for what item 1 needs edited by hand: hotlines (per province); case-team members are
listed read-only.
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
    """Read-only here: who may open children's cases is changed in the app (/bao-ve/nhom/), where
    each change is audited and the person told; an admin edit would bypass both."""

    list_display = ("user", "unit", "is_leader")
    list_filter = ("is_leader",)

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

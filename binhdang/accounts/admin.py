from django.contrib import admin
from django.contrib.auth.admin import UserAdmin

from .models import Membership, User


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 0
    autocomplete_fields = ["unit"]


@admin.register(User)
class BinhDangUserAdmin(UserAdmin):
    fieldsets = UserAdmin.fieldsets + (("Bình Đẳng", {"fields": ("full_name",)}),)
    inlines = [MembershipInline]
    list_display = ["username", "full_name", "is_active", "is_superuser"]

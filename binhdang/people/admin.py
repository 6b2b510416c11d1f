from django.contrib import admin

from .models import StaffMember, Student


@admin.register(StaffMember)
class StaffMemberAdmin(admin.ModelAdmin):
    list_display = ["family_name", "middle_name", "given_name", "sex", "position", "unit"]
    search_fields = ["search_text"]
    readonly_fields = ["sort_key", "search_text"]


@admin.register(Student)
class StudentAdmin(admin.ModelAdmin):
    list_display = ["family_name", "middle_name", "given_name", "sex", "unit"]
    search_fields = ["search_text"]
    readonly_fields = ["sort_key", "search_text"]

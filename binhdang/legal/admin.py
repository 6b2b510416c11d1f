from django.contrib import admin

from .models import LegalDocument


@admin.register(LegalDocument)
class LegalDocumentAdmin(admin.ModelAdmin):
    list_display = ["number", "doc_type", "issued_on", "issuer", "status"]
    list_filter = ["kind", "status"]
    search_fields = ["number", "title", "issuer"]

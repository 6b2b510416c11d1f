"""The catalogue is edited by platform administrators here (issue 6, item 1). The computation is
picked from the registered names, so a typo cannot leave an indicator that silently never
computes; values and rollups are never edited by hand (they come from records or the entry form)."""

from django import forms
from django.contrib import admin
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from binhdang.audit.services import record
from binhdang.orgs.models import OrgKind

from .computations import COMPUTATIONS
from .models import Indicator, Source

DIMENSIONS = {"sex", "level", "position", "grade", "audience", "category"}


class IndicatorForm(forms.ModelForm):
    computation = forms.ChoiceField(label=gettext_lazy("cách tính"), required=False)
    entered_at_kind = forms.ChoiceField(label=gettext_lazy("nhập tại cấp"), required=False,
                                        choices=[("", "—"), *OrgKind.choices])

    class Meta:
        model = Indicator
        fields = ["code", "name", "definition", "numerator_label", "denominator_label", "factor", "unit_label",
                  "time_aggregation", "source", "computation", "disaggregations", "suppress_below",
                  "entered_at_kind", "position", "is_active"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["computation"].choices = [("", _("— nhập tay —")), *((n, n) for n in sorted(COMPUTATIONS))]

    def clean_disaggregations(self):
        value = self.cleaned_data.get("disaggregations") or []
        if not isinstance(value, list) or any(item not in DIMENSIONS for item in value):
            raise ValidationError(_("Phân tổ phải là danh sách gồm: %(names)s.") % {
                "names": ", ".join(sorted(DIMENSIONS))})
        return value

    def clean(self):
        data = super().clean()
        manual = data.get("source") == Source.MANUAL
        if manual and data.get("computation"):
            self.add_error("computation", _("Chỉ số nhập tay không có cách tính."))
        if manual and not data.get("entered_at_kind"):
            self.add_error("entered_at_kind", _("Chỉ số nhập tay phải nói rõ nhập tại cấp nào."))
        if not manual and not data.get("computation"):
            self.add_error("computation", _("Chỉ số tính từ dữ liệu phải chọn cách tính."))
        return data


@admin.register(Indicator)
class IndicatorAdmin(admin.ModelAdmin):
    form = IndicatorForm
    list_display = ("position", "code", "name", "source", "time_aggregation", "computation", "is_active")
    list_display_links = ("code", "name")
    list_filter = ("source", "time_aggregation", "is_active")
    search_fields = ("code", "name")
    ordering = ("position", "code")

    def save_model(self, request, obj, form, change):
        with transaction.atomic():
            super().save_model(request, obj, form, change)
            record(actor=request.user, unit=None, action="indicator.catalogue_edit", target=obj,
                   details={"code": obj.code, "changed": sorted(form.changed_data), "created": not change})

    def delete_model(self, request, obj):
        with transaction.atomic():
            record(actor=request.user, unit=None, action="indicator.catalogue_delete", target=obj,
                   details={"code": obj.code})
            super().delete_model(request, obj)

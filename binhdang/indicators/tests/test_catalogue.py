"""The seeded catalogue and its admin: every computed indicator names a registered computation,
incident counts are suppressed below 5, the admin refuses a catalogue row that could not compute."""

import pytest
from django.urls import reverse

from binhdang.audit.models import AuditEntry
from binhdang.indicators.admin import IndicatorForm
from binhdang.indicators.computations import COMPUTATIONS
from binhdang.indicators.models import Indicator
from binhdang.testing import client_in

pytestmark = pytest.mark.django_db


def test_the_seeded_catalogue(db):
    indicators = list(Indicator.objects.all())
    assert len(indicators) >= 16
    for indicator in indicators:
        assert indicator.computation in COMPUTATIONS or (indicator.source == "manual" and not indicator.computation)
        assert indicator.suppress_below == (5 if indicator.source == "cases" else None)
    manual = Indicator.objects.get(source="manual")
    assert (manual.code, manual.entered_at_kind, manual.factor) == ("commune-woman-key-leader", "commune", 100)
    assert len({i.position for i in indicators}) == len(indicators)


def form(**changes):
    data = {"code": "x", "name": "Chỉ số", "definition": "", "numerator_label": "Tử", "denominator_label": "",
            "factor": 1, "unit_label": "", "time_aggregation": "flow", "source": "activities",
            "computation": "communication_sessions", "disaggregations": '["level"]', "suppress_below": "",
            "entered_at_kind": "", "position": 1, "is_active": "on"}
    return IndicatorForm(data={**data, **changes})


def test_the_admin_form_checks_the_computation_and_the_source(db):
    assert form().is_valid()
    assert "computation" in form(computation="no_such_thing").errors
    assert "computation" in form(computation="").errors  # a computed source needs one
    manual = form(source="manual", entered_at_kind="commune")
    assert "computation" in manual.errors  # a manual one has none
    assert form(source="manual", entered_at_kind="commune", computation="").is_valid()
    assert "entered_at_kind" in form(source="manual", computation="").errors
    assert "disaggregations" in form(disaggregations='["colour"]').errors


def test_a_platform_administrator_edits_the_catalogue(world):
    indicator = Indicator.objects.get(code="incidents")
    client = client_in(world.users["admin"], world.province)
    url = reverse("admin:indicators_indicator_change", args=[indicator.pk])
    assert client.get(url).status_code == 200
    assert client_in(world.users["province_officer"], world.province).get(url).status_code == 302  # to login
    data = {name: getattr(indicator, name) for name in ("code", "name", "definition", "numerator_label",
                                                         "denominator_label", "factor", "unit_label",
                                                         "time_aggregation", "source", "computation",
                                                         "entered_at_kind", "position")}
    data.update(disaggregations='["sex", "level", "category"]', suppress_below=10, is_active="on")
    response = client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:2000]
    indicator.refresh_from_db()
    assert indicator.suppress_below == 10
    entry = AuditEntry.objects.get(action="indicator.catalogue_edit")
    assert "suppress_below" in entry.details["changed"] and entry.details["created"] is False

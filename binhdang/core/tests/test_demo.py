"""`binhdang demo` builds the demo from the seeds, plans included, and a second run adds nothing."""

import datetime as dt

import pytest
from django.core.management import call_command

from binhdang.core.demo.builder import build_demo
from binhdang.plans.models import Plan

pytestmark = pytest.mark.django_db


def test_demo_imports_each_seed_plan_for_its_school_once():
    build_demo(today=dt.date(2026, 11, 22))
    build_demo(today=dt.date(2026, 11, 22))
    plans = {p.issuer_unit.code: p for p in Plan.objects.select_related("issuer_unit")}
    assert set(plans) == {"thpt-que-son", "th-ly-thuong-kiet"}
    assert plans["thpt-que-son"].signer_name == "Nguyễn Ngọc Chín"
    assert plans["thpt-que-son"].task_groups.count() == 5
    assert plans["th-ly-thuong-kiet"].targets.count() == 4


def test_demo_without_seeds_says_so(monkeypatch, tmp_path, capsys):
    monkeypatch.setattr("binhdang.core.demo.plans.seed_dir", lambda: None)
    call_command("demo")
    assert "chưa có kế hoạch" in capsys.readouterr().out
    assert not Plan.objects.exists()

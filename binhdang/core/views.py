"""Home page of the active unit, the programme sections not yet built, and the health check."""

from django.contrib.auth.decorators import login_required
from django.db import connection
from django.http import JsonResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache

from binhdang.accounts.access import require_active_unit
from binhdang.accounts.roles import Level

from .selectors import unit_summary


@login_required
def home_view(request):
    unit = getattr(request, "active_unit", None)
    if unit is None:
        return render(request, "core/no_unit.html")
    require_active_unit(request, Level.VIEW)
    return render(request, "core/home.html", {"summary": unit_summary(unit)})


@never_cache
def health_view(request):
    """For the load balancer and the operator: the database answers, migrations are applied."""
    from django.db.migrations.executor import MigrationExecutor

    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
        executor = MigrationExecutor(connection)
        pending = executor.migration_plan(executor.loader.graph.leaf_nodes())
    except Exception:  # noqa: BLE001 - any failure means "not healthy"; details stay in the log
        return JsonResponse({"status": "error", "database": "unreachable"}, status=503)
    if pending:
        return JsonResponse({"status": "error", "database": "ok", "migrations": "pending"}, status=503)
    return JsonResponse({"status": "ok", "database": "ok", "migrations": "applied"})

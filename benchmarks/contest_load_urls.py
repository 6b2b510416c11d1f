"""The project's URLs plus /bench-minimal/: a minimal Django view served by the same gunicorn
through the same middleware, for benchmarks/contest_load.py to compare with."""

from django.http import HttpResponse
from django.urls import include, path
from django.views.decorators.csrf import csrf_exempt


@csrf_exempt
def minimal(request):
    return HttpResponse("ok", content_type="text/plain")


urlpatterns = [
    path("bench-minimal/", minimal),
    path("", include("binhdang.config.urls")),
]

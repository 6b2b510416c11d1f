"""Campaign board benchmark: the Action Month board of a province against its one aggregate SQL query.

    .venv/bin/python benchmarks/campaign_board.py [--schools 1000] [--activities 20] [--repeat 5]

Runs on a temporary SQLite database (its own var/ directory). Builds a province with `--schools`
schools (bulk_create), drafts a campaign of three items and launches it with the real service (each
school gets a new draft Action Month plan), then logs `--activities` activities per school (half done,
with participants by sex, half planned). Then times, in the same run, each the median of `--repeat`:

  aggregate SQL  the one GROUP BY query the board needs (activities × participations per school),
                 run as raw SQL through a cursor, rows fetched: the floor no board can go under.
  selector       binhdang.activities.selectors_campaign.campaign_board: that query through the ORM,
                 the campaign's entries, rows, totals over all schools, sorting, page 1 of 50.
  page           GET of the board page through the Django test client (middleware, session, access
                 check, selector, template render of base.html and the 50-row table); once more with
                 the cache of the schools' Vietnamese sort keys emptied before each request.

Prints each time, the number of queries of the page and the ratio of the page's time to the SQL's.
"""

import argparse
import statistics
import tempfile
import time
from pathlib import Path

from _django import django_in  # benchmarks/ is on sys.path when a script runs


def _timed(function, *args, **kwargs):
    start = time.perf_counter()
    value = function(*args, **kwargs)
    return value, time.perf_counter() - start


def _median(repeat: int, function) -> float:
    return statistics.median(_timed(function)[1] for _ in range(repeat))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--schools", type=int, default=1000)
    parser.add_argument("--activities", type=int, default=20)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="binhdang-bench-") as tmp_name:
        django_in(Path(tmp_name), collectstatic=True)
        from django.conf import settings
        from django.db import connection
        from django.test import Client
        from django.test.utils import CaptureQueriesContext
        from django.urls import reverse

        from binhdang.accounts.middleware import SESSION_KEY
        from binhdang.accounts.models import Membership, User
        from binhdang.activities.campaigns import campaign_launch
        from binhdang.activities.selectors_campaign import board_aggregate, campaign_board, name_key
        from binhdang.activities.tests.campaign_helpers import bulk_activities, bulk_schools, make_campaign
        from binhdang.orgs.services import org_unit_create

        settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "testserver"]
        # One connection for the whole run (as with CONN_MAX_AGE): the page is not timed reconnecting to
        # SQLite, and the query count below sees the request's queries.
        from django.core.signals import request_finished
        from django.db import close_old_connections

        request_finished.disconnect(close_old_connections)
        province = org_unit_create(actor=None, acting_unit=None, code="so-bench", name="Sở GD&ĐT Bench",
                                   kind="department", parent=None)
        officer = User.objects.create_user(username="so-bench", password="x-bench-password-1", full_name="Cán bộ Sở")
        Membership.objects.create(user=officer, unit=province, role="province_officer")
        _, seconds = _timed(bulk_schools, province, args.schools, prefix="bench")
        print(f"built {args.schools:,} schools in {seconds:.1f} s")
        campaign = make_campaign(officer, province)
        added, seconds = _timed(campaign_launch, actor=officer, campaign=campaign)
        print(f"launch: {added:,} schools, each a new draft Action Month plan, in {seconds:.2f} s")
        count, seconds = _timed(bulk_activities, campaign, args.activities)
        print(f"logged {count:,} activities with participants in {seconds:.1f} s")

        aggregate, _required = board_aggregate(campaign)
        sql, params = aggregate.query.sql_with_params()

        def raw():
            with connection.cursor() as cursor:
                cursor.execute(sql, params)
                return cursor.fetchall()

        assert len(raw()) == args.schools
        client = Client()
        client.force_login(officer)
        session = client.session
        session[SESSION_KEY] = str(province.uid)
        session.save()
        url = reverse("activities:campaign_board", kwargs={"uid": campaign.uid})

        def page():
            response = client.get(url)
            assert response.status_code == 200, response.status_code
            return response

        with CaptureQueriesContext(connection) as queries:
            page()
        page_queries = len(queries)  # now: the next request resets the connection's query log
        sql_time = _median(args.repeat, raw)
        selector_time = _median(args.repeat, lambda: list(campaign_board(campaign).page.object_list))
        page_time = _median(args.repeat, page)

        def cold_page():
            name_key.cache_clear()
            return page()

        cold_time = _median(args.repeat, cold_page)
        print(f"aggregate SQL (raw cursor, {args.schools:,} rows):   {sql_time * 1000:8.1f} ms")
        print(f"selector (campaign_board, page 1 of 50):  {selector_time * 1000:8.1f} ms")
        print(f"board page (request + template render):   {page_time * 1000:8.1f} ms  ({page_queries} queries)")
        print(f"board page, names' sort keys not cached:  {cold_time * 1000:8.1f} ms  (a worker's first render)")
        print(f"ratio page/aggregate SQL: {page_time / sql_time:.2f}x; selector/aggregate SQL: "
              f"{selector_time / sql_time:.2f}x")


if __name__ == "__main__":
    main()

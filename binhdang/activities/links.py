"""Links to an activity's page. The activity pages are built by their own feature; until its
URL name is registered, callers get "" (templates then show the title without a link)."""

from django.urls import NoReverseMatch, reverse


def activity_url(activity) -> str:
    try:
        return reverse("activities:detail", kwargs={"uid": activity.uid})
    except NoReverseMatch:
        return ""

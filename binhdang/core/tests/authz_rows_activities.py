"""Authorization matrix rows of the activities app (see test_authz_matrix.py for the columns)."""

from .authz_activities import activity_uid, evidence_uid
from .authz_campaign import draft_campaign_uid, drafted_report_uid, launched_campaign_uid
from .authz_objects import issued_plan_uid
from .authz_people_work import approved_commendation, proposed_commendation, training_uid
from .authz_rows import Row

#  Columns: anonymous outsider no_role teacher counsellor unit_lead committee_member principal
#           commune_officer province_officer admin
ACTIVITY_ROWS: dict[str, list[Row]] = {
    # The calendar of the active unit (officers see the units below); no_role has no unit.
    "activities:calendar": [Row("login 200 404 200 200 200 200 200 200 200 200")],
    # My tasks and unreported activities in the active unit: any member.
    "activities:my_work": [Row("login 200 404 200 200 200 200 200 200 200 200")],
    # Activities and evidence: read = VIEW on the activity's unit; log and upload = EDIT; change,
    # report, cancel = the author (the teacher here) or MANAGE; delete = MANAGE or the author while planned.
    "activities:list": [Row("login 200 404 200 200 200 200 200 200 200 200")],
    "activities:create": [
        # EDIT on the active unit (the outsider logs at their own school, officers at their own unit).
        Row("login 200 404 200 403 200 200 200 200 200 200"),
    ],
    "activities:detail": [Row("login 404 404 200 200 200 200 200 200 200 200", activity_uid)],
    "activities:edit": [Row("login 404 404 200 403 403 200 200 200 200 200", activity_uid)],
    "activities:report": [Row("login 404 404 200 403 403 200 200 200 200 200", activity_uid)],
    "activities:cancel": [
        Row("login 404 404 200 403 403 200 200 200 200 200", activity_uid),
        # An empty reason is refused with the form again (400), nothing changed.
        Row("login 404 404 400 403 403 400 400 400 400 400", activity_uid, method="post", note="post"),
    ],
    "activities:delete": [
        Row("login 405 405 405 405 405 405 405 405 405 405", activity_uid, note="POST"),
        # POSTed in ROLES order: each allowed role deletes a re-created activity.
        Row("login 404 404 302 403 403 302 302 302 302 302", activity_uid, method="post", note="post"),
    ],
    "activities:evidence_upload": [
        Row("login 405 405 405 405 405 405 405 405 405 405", activity_uid, note="POST"),
        # No file chosen: the allowed roles are sent back to the activity with the message.
        Row("login 404 404 302 403 302 302 302 302 302 302", activity_uid, method="post", note="post"),
    ],
    "activities:evidence_download": [Row("login 404 404 200 200 200 200 200 200 200 200", evidence_uid)],
    "activities:evidence_thumbnail": [Row("login 404 404 200 200 200 200 200 200 200 200", evidence_uid)],
    "activities:evidence_delete": [
        Row("login 405 405 405 405 405 405 405 405 405 405", evidence_uid, note="POST"),
        # The uploader (teacher) or MANAGE; each allowed role deletes a re-created photo.
        Row("login 404 404 302 403 403 302 302 302 302 302", evidence_uid, method="post", note="post"),
    ],
    "activities:plan_progress": [
        Row("login 404 404 200 200 200 200 200 200 200 200", issued_plan_uid("school")),
        # Read by the issuer and above, never from below, even of an issued plan.
        Row("login 404 404 404 404 404 404 404 200 200 200", issued_plan_uid("commune"), note="commune"),
    ],
    # The Action Month campaign of the commune: officers draft, launch and follow it; a school in a
    # launched campaign gets 403 on the authority's actions, 404 on its board, and its own page.
    "activities:campaign_list": [Row("login 200 404 200 200 200 200 200 200 200 200")],
    "activities:campaign_create": [
        # ADMIN on the active unit, never at a school (the principal and the outsider's principal: 403).
        Row("login 403 404 403 403 403 403 403 200 200 200"),
    ],
    "activities:campaign_board": [
        Row("login 404 404 404 404 404 404 404 200 200 200", launched_campaign_uid),
        Row("login 404 404 404 404 404 404 404 200 200 200", draft_campaign_uid, note="draft"),
    ],
    "activities:campaign_edit": [
        Row("login 404 404 404 404 404 404 404 200 200 200", draft_campaign_uid),
        # Launched: the schools know it (403); the officers are sent to the board (no more edits).
        Row("login 404 404 403 403 403 403 403 302 302 302", launched_campaign_uid, note="launched"),
    ],
    "activities:campaign_launch": [
        Row("login 404 404 404 404 404 404 404 200 200 200", draft_campaign_uid),
        Row("login 404 404 403 403 403 403 403 200 200 200", launched_campaign_uid, note="launched"),
        # POST on the launched campaign: "add new schools" (none here), back to the board.
        Row("login 404 404 403 403 403 403 403 302 302 302", launched_campaign_uid, method="post", note="post"),
    ],
    "activities:campaign_school": [
        # The school's own page (active unit); officers open it from the board with ?don-vi=.
        Row("login 404 404 200 200 200 200 200 404 404 404", launched_campaign_uid),
    ],
    "activities:campaign_report": [
        Row("login 405 405 405 405 405 405 405 405 405 405", launched_campaign_uid, note="POST"),
        # An empty form drafts (MANAGE at the school); issuing is ADMIN (view tests).
        Row("login 404 404 403 403 403 302 302 404 404 404", launched_campaign_uid, method="post", note="post"),
    ],
    "activities:campaign_report_download": [
        Row("login 404 404 200 200 200 200 200 404 404 404", drafted_report_uid),
    ],
    # Trainings, integrated lessons, commendations. Recording is EDIT at a school (the officers above,
    # whose active unit is not a school, get 403); nominating is MANAGE; deciding is ADMIN.
    "activities:trainings": [Row("login 200 404 200 200 200 200 200 200 200 200")],
    "activities:training_create": [
        Row("login 200 404 200 403 200 200 200 403 403 403"),
        Row("login 400 404 400 403 400 400 400 403 403 403", method="post", note="post"),
    ],
    "activities:training_detail": [Row("login 404 404 200 200 200 200 200 200 200 200", training_uid)],
    "activities:training_attendance": [
        # The roster's names, at the school, for the training's author (the teacher) or MANAGE.
        Row("login 404 404 200 403 403 200 200 403 403 403", training_uid),
        Row("login 404 404 302 403 403 302 302 403 403 403", training_uid, method="post", note="post"),
    ],
    "activities:lessons": [Row("login 200 404 200 200 200 200 200 200 200 200")],
    "activities:lesson_create": [
        # The teacher and unit lead of the world have no staff record: a page saying so (200).
        Row("login 200 404 200 403 200 200 200 403 403 403"),
        Row("login 400 404 200 403 200 400 400 403 403 403", method="post", note="post"),
    ],
    "activities:commendations": [Row("login 200 404 200 200 200 200 200 200 200 200")],
    "activities:commendations_approve": [
        Row("login 405 405 405 405 405 405 405 405 405 405", note="POST"),
        # Nothing ticked: the principal (and the outsider's principal, at their own school) is sent back.
        Row("login 302 404 403 403 403 403 302 403 403 403", method="post", note="post"),
    ],
    "activities:commendation_create": [
        Row("login 200 404 403 403 403 200 200 403 403 403"),
        Row("login 400 404 403 403 403 400 400 403 403 403", method="post", note="post"),
    ],
    "activities:commendation_detail": [
        Row("login 404 404 200 200 200 200 200 200 200 200", proposed_commendation)],
    "activities:commendation_approve": [
        Row("login 404 404 403 403 403 403 200 200 200 200", proposed_commendation),
        # Each allowed role approves a fresh nomination (empty form = today).
        Row("login 404 404 403 403 403 403 302 302 302 302", proposed_commendation, method="post",
            note="post"),
    ],
    "activities:commendation_reject": [
        Row("login 404 404 403 403 403 403 200 200 200 200", proposed_commendation),
        # The note is required: the form comes back with its error.
        Row("login 404 404 403 403 403 403 400 400 400 400", proposed_commendation, method="post",
            note="post"),
    ],
    "activities:commendation_decision": [
        Row("login 404 404 200 200 200 200 200 200 200 200", approved_commendation)],
}

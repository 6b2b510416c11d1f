"""Models of the activities app, one module per part (see each module's docstring)."""

from .activity import Activity, Evidence, Participation
from .campaign import ActionMonthCampaign, CampaignItem, CampaignSchool
from .choices import ActivityKind, ActivityStatus, Audience, EvidenceKind
from .people_work import Commendation, LessonIntegration, Training, TrainingAttendance

__all__ = [
    "ActionMonthCampaign", "Activity", "ActivityKind", "ActivityStatus", "Audience", "CampaignItem",
    "CampaignSchool", "Commendation", "Evidence", "EvidenceKind", "LessonIntegration", "Participation",
    "Training", "TrainingAttendance",
]

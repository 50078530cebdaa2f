"""A bench-only page type: a lesson's body with nothing of ours around it (no outline, enrolment,
progress or gates). Installed only by the HTTP bench's settings, never in the product."""

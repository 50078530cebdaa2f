from django.dispatch import Signal

# Sent inside the transaction that withdraws a sign-off, with `request` (a SignOffRequest) and
# `by` (the instructor). Certificates flag a certificate that rested on it for review.
signoff_withdrawn = Signal()

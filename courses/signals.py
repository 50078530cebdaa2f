from django.dispatch import Signal

# Sent exactly once per enrollment, inside the transaction that records completion.
# Receivers get `enrollment`; they may create rows in the same transaction and should enqueue
# background work with transaction.on_commit.
course_completed = Signal()

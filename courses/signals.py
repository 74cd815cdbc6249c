"""Signals that courses sends, for other apps to receive (in their receivers.py, connected in
their AppConfig.ready()). Each is declared with the arguments it provides, as allauth's
account/signals.py does.
"""

from django.dispatch import Signal

# Sent when an enrollment becomes completed, whether the run's rules decided it
# (services.completion.evaluate_completion) or staff overrode them (override_completion).
# Sent inside the transaction that records the completion: a receiver that queues work waits for
# the commit (transaction.on_commit), so nothing is queued for a completion that is rolled back.
# Provides the arguments "sender" (the Enrollment class), "enrollment" (the completed Enrollment,
# saved) and "by" (the user whose act completed it, or None).
enrollment_completed = Signal()

"""Test configuration: the Hypothesis profiles.

``ci`` (chosen when the environment has ``CI`` set, as CI does) is derandomized so a run
is reproducible, and runs more examples; ``dev`` is the default for a quick local run.
Choose one explicitly with ``HYPOTHESIS_PROFILE=ci python -m pytest``.
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings

settings.register_profile(
    "ci",
    max_examples=100,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.register_profile(
    "dev",
    max_examples=50,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci" if os.environ.get("CI") else "dev"))

"""No document shape makes extraction superlinear: doubling the repeated part at most about doubles the time."""

from __future__ import annotations

import pytest

from .shapes import SHAPES, growth

MAX_RATIO = 2.5  # linear work doubles (2.0); quadratic work quadruples (4.0)


@pytest.mark.parametrize("name", SHAPES)
def test_extraction_time_grows_linearly(name: str) -> None:
    """Measured twice before failing, so one burst of load on the machine is not a failure."""
    n, ratio = growth(SHAPES[name])
    if ratio > MAX_RATIO:
        n, ratio = min(growth(SHAPES[name]), (n, ratio), key=lambda found: found[1])
    assert ratio <= MAX_RATIO, f"time x{ratio:.2f} when the shape doubles from n={n}"

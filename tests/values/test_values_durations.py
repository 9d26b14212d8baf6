import pytest

from pipeline.values.durations import parse_duration


@pytest.mark.parametrize(
    ("text", "minutes", "span"),
    [
        ("124 minutes", 124, "124 minutes"),
        ("Durée : 115 min", 115, "115 min"),
        ("90 minutes[5]", 90, "90 minutes"),
        ("1 h 27 min", 87, "1 h 27 min"),
        ("1h27", 87, "1h27"),
        ("1 heure 30", 90, "1 heure 30"),
        ("2 h", 120, "2 h"),
        ("95 minutes (1 h 35)", 95, "95 minutes"),
        ("1 heure et demie", 90, "1 heure et demie"),
        ("52 mn.", 52, "52 mn"),
    ],
)
def test_parse_duration(text: str, minutes: int, span: str) -> None:
    duration = parse_duration(text)
    assert duration is not None
    assert duration.minutes == minutes
    assert text[duration.start:duration.end] == span


@pytest.mark.parametrize("text", ["beaucoup", "2 hommes", ""])
def test_no_duration(text: str) -> None:
    assert parse_duration(text) is None

import pytest

from pipeline.values.money import parse_budget


@pytest.mark.parametrize(
    ("text", "low", "high", "currency", "span"),
    [
        ("entre 10 et 11 millions de dirhams, soit €1,200,000.2", 10_000_000, 11_000_000, "MAD",
         "10 et 11 millions de dirhams"),
        ("10 millions de dirhams", 10_000_000, 10_000_000, "MAD", "10 millions de dirhams"),
        ("1,5 million d'euros", 1_500_000, 1_500_000, "EUR", "1,5 million d'euros"),
        ("1,5 million d’euros", 1_500_000, 1_500_000, "EUR", "1,5 million d’euros"),
        ("3 000 000 FF", 3_000_000, 3_000_000, "FRF", "3 000 000 FF"),
        ("3\u00a0000\u00a0000 francs", 3_000_000, 3_000_000, "FRF", "3\u00a0000\u00a0000 francs"),
        ("25 000 francs CFA", 25_000, 25_000, "XOF", "25 000 francs CFA"),
        ("5 millions de dollars", 5_000_000, 5_000_000, "USD", "5 millions de dollars"),
        ("$5 million", 5_000_000, 5_000_000, "USD", "$5 million"),
        ("€1,200,000", 1_200_000, 1_200_000, "EUR", "€1,200,000"),
        ("2 M€", 2_000_000, 2_000_000, "EUR", "2 M€"),
        ("de 2 à 3 millions de francs", 2_000_000, 3_000_000, "FRF", "2 à 3 millions de francs"),
        ("4 millions de DH (soit environ 400 000 €)", 4_000_000, 4_000_000, "MAD", "4 millions de DH"),
        ("environ 700 000 euros[3]", 700_000, 700_000, "EUR", "700 000 euros"),
        ("12 millions de francs suisses", 12_000_000, 12_000_000, "CHF", "12 millions de francs suisses"),
        ("2 millions", 2_000_000, 2_000_000, "", "2 millions"),
        ("5 millions de FF (soit environ 760 000 €)", 5_000_000, 5_000_000, "FRF", "5 millions de FF"),
        ("1 200 000,50 €", 1_200_000, 1_200_000, "EUR", "1 200 000,50 €"),
        ("Tourné en 1998 à Dakar. " * 20 + "Budget : entre 4 et 5 millions de francs", 4_000_000, 5_000_000, "FRF",
         "4 et 5 millions de francs"),
    ],
)
def test_parse_budget(text: str, low: int, high: int, currency: str, span: str) -> None:
    budget = parse_budget(text)
    assert budget is not None
    assert (budget.low, budget.high, budget.currency) == (low, high, currency)
    assert text[budget.start:budget.end] == span


@pytest.mark.parametrize(
    "text",
    [
        "beaucoup d'argent",
        "soit 2 millions d'euros",
        "soit l'équivalent de 2 M€",
        "(environ 3 M€)",
        "tourné en 2008",
        "",
        "1" + "0" * 400 + " €",
        "10 000 000 000 milliards de dollars",
    ],
)
def test_no_budget(text: str) -> None:
    assert parse_budget(text) is None


def test_amounts_are_read_exactly() -> None:
    """Decimal, not float: 19 significant digits stay exact, and the largest 64-bit integer is still a budget."""
    assert parse_budget("1 234 567 890 123 456 789 €").low == 1_234_567_890_123_456_789
    assert parse_budget(f"{2**63 - 1} €").high == 2**63 - 1
    assert parse_budget("0,1 million d'euros").low == 100_000

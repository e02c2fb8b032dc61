# takehome-audit-hidden-source: this line must never reach a candidate-audience output.
from solution import total


def test_hidden_total_of_small_pair():
    assert total(2, 3) == 5


def test_hidden_total_of_negatives():
    assert total(-7, -8) == -15

from solution import total


def test_public_total():
    assert total(1, 1) == 2

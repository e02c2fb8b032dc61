"""Components of the shift pay calculation."""

"""Private to billing: only billing's own modules may import it."""

FEE_RATE = 0.02
VAT = 0.2

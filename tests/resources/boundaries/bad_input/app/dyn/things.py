alpha = 1
_beta = 2

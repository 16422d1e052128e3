row = 1

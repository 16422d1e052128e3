from loop.c import C

B = 1

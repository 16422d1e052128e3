from loop.b import B

A = 1

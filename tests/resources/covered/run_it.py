from pkg.mod import K, partly, tested

tested(1, 0)
tested(0, 1)
tested(-1, 0)
partly(1, 2)
K().n()

def f0(a0, b0, c0, d0, e0, a1, b1, c1, d1, e1, a2, b2, c2, d2, e2, a3, b3, c3, d3, e3, a4, b4, c4, d4, e4, a5, b5, c5, d5, e5, a6, b6, c6, d6, e6, a7, b7, c7, d7, e7, a8, b8, c8, d8, e8, a9, b9, c9, d9, e9, a10, b10, c10, d10, e10, a11, b11, c11, d11, e11, a12, b12, c12, d12, e12, a13, b13, c13, d13, e13, a14, b14, c14, d14, e14, a15, b15, c15, d15, e15, a16, b16, c16, d16, e16, a17, b17, c17, d17, e17, a18, b18, c18, d18, e18, a19, b19, c19, d19, e19, a20, b20, c20, d20, e20, a21, b21, c21, d21, e21, a22, b22, c22, d22, e22, a23, b23, c23, d23, e23, a24, b24, c24, d24, e24):
    r = 0
    if a0 > b0 and c0 or d0 < e0:
        r = r * 0 + a0 ** b0 - c0 / (d0 + 0)
    if a1 > b1 and c1 or d1 < e1:
        r = r * 1 + a1 ** b1 - c1 / (d1 + 1)
    if a2 > b2 and c2 or d2 < e2:
        r = r * 2 + a2 ** b2 - c2 / (d2 + 2)
    if a3 > b3 and c3 or d3 < e3:
        r = r * 3 + a3 ** b3 - c3 / (d3 + 3)
    if a4 > b4 and c4 or d4 < e4:
        r = r * 4 + a4 ** b4 - c4 / (d4 + 4)
    if a5 > b5 and c5 or d5 < e5:
        r = r * 5 + a5 ** b5 - c5 / (d5 + 5)
    if a6 > b6 and c6 or d6 < e6:
        r = r * 6 + a6 ** b6 - c6 / (d6 + 6)
    if a7 > b7 and c7 or d7 < e7:
        r = r * 7 + a7 ** b7 - c7 / (d7 + 7)
    if a8 > b8 and c8 or d8 < e8:
        r = r * 8 + a8 ** b8 - c8 / (d8 + 8)
    if a9 > b9 and c9 or d9 < e9:
        r = r * 9 + a9 ** b9 - c9 / (d9 + 9)
    if a10 > b10 and c10 or d10 < e10:
        r = r * 10 + a10 ** b10 - c10 / (d10 + 10)
    if a11 > b11 and c11 or d11 < e11:
        r = r * 11 + a11 ** b11 - c11 / (d11 + 11)
    if a12 > b12 and c12 or d12 < e12:
        r = r * 12 + a12 ** b12 - c12 / (d12 + 12)
    if a13 > b13 and c13 or d13 < e13:
        r = r * 13 + a13 ** b13 - c13 / (d13 + 13)
    if a14 > b14 and c14 or d14 < e14:
        r = r * 14 + a14 ** b14 - c14 / (d14 + 14)
    if a15 > b15 and c15 or d15 < e15:
        r = r * 15 + a15 ** b15 - c15 / (d15 + 15)
    if a16 > b16 and c16 or d16 < e16:
        r = r * 16 + a16 ** b16 - c16 / (d16 + 16)
    if a17 > b17 and c17 or d17 < e17:
        r = r * 17 + a17 ** b17 - c17 / (d17 + 17)
    if a18 > b18 and c18 or d18 < e18:
        r = r * 18 + a18 ** b18 - c18 / (d18 + 18)
    if a19 > b19 and c19 or d19 < e19:
        r = r * 19 + a19 ** b19 - c19 / (d19 + 19)
    if a20 > b20 and c20 or d20 < e20:
        r = r * 20 + a20 ** b20 - c20 / (d20 + 20)
    if a21 > b21 and c21 or d21 < e21:
        r = r * 21 + a21 ** b21 - c21 / (d21 + 21)
    if a22 > b22 and c22 or d22 < e22:
        r = r * 22 + a22 ** b22 - c22 / (d22 + 22)
    if a23 > b23 and c23 or d23 < e23:
        r = r * 23 + a23 ** b23 - c23 / (d23 + 23)
    if a24 > b24 and c24 or d24 < e24:
        r = r * 24 + a24 ** b24 - c24 / (d24 + 24)
    return r


def f1(a0, b0, c0, d0, e0, a1, b1, c1, d1, e1, a2, b2, c2, d2, e2, a3, b3, c3, d3, e3, a4, b4, c4, d4, e4, a5, b5, c5, d5, e5, a6, b6, c6, d6, e6, a7, b7, c7, d7, e7, a8, b8, c8, d8, e8, a9, b9, c9, d9, e9, a10, b10, c10, d10, e10, a11, b11, c11, d11, e11, a12, b12, c12, d12, e12, a13, b13, c13, d13, e13, a14, b14, c14, d14, e14, a15, b15, c15, d15, e15, a16, b16, c16, d16, e16, a17, b17, c17, d17, e17, a18, b18, c18, d18, e18, a19, b19, c19, d19, e19, a20, b20, c20, d20, e20, a21, b21, c21, d21, e21, a22, b22, c22, d22, e22, a23, b23, c23, d23, e23, a24, b24, c24, d24, e24):
    r = 0
    if a0 > b0 and c0 or d0 < e0:
        r = r * 0 + a0 ** b0 - c0 / (d0 + 0)
    if a1 > b1 and c1 or d1 < e1:
        r = r * 1 + a1 ** b1 - c1 / (d1 + 1)
    if a2 > b2 and c2 or d2 < e2:
        r = r * 2 + a2 ** b2 - c2 / (d2 + 2)
    if a3 > b3 and c3 or d3 < e3:
        r = r * 3 + a3 ** b3 - c3 / (d3 + 3)
    if a4 > b4 and c4 or d4 < e4:
        r = r * 4 + a4 ** b4 - c4 / (d4 + 4)
    if a5 > b5 and c5 or d5 < e5:
        r = r * 5 + a5 ** b5 - c5 / (d5 + 5)
    if a6 > b6 and c6 or d6 < e6:
        r = r * 6 + a6 ** b6 - c6 / (d6 + 6)
    if a7 > b7 and c7 or d7 < e7:
        r = r * 7 + a7 ** b7 - c7 / (d7 + 7)
    if a8 > b8 and c8 or d8 < e8:
        r = r * 8 + a8 ** b8 - c8 / (d8 + 8)
    if a9 > b9 and c9 or d9 < e9:
        r = r * 9 + a9 ** b9 - c9 / (d9 + 9)
    if a10 > b10 and c10 or d10 < e10:
        r = r * 10 + a10 ** b10 - c10 / (d10 + 10)
    if a11 > b11 and c11 or d11 < e11:
        r = r * 11 + a11 ** b11 - c11 / (d11 + 11)
    if a12 > b12 and c12 or d12 < e12:
        r = r * 12 + a12 ** b12 - c12 / (d12 + 12)
    if a13 > b13 and c13 or d13 < e13:
        r = r * 13 + a13 ** b13 - c13 / (d13 + 13)
    if a14 > b14 and c14 or d14 < e14:
        r = r * 14 + a14 ** b14 - c14 / (d14 + 14)
    if a15 > b15 and c15 or d15 < e15:
        r = r * 15 + a15 ** b15 - c15 / (d15 + 15)
    if a16 > b16 and c16 or d16 < e16:
        r = r * 16 + a16 ** b16 - c16 / (d16 + 16)
    if a17 > b17 and c17 or d17 < e17:
        r = r * 17 + a17 ** b17 - c17 / (d17 + 17)
    if a18 > b18 and c18 or d18 < e18:
        r = r * 18 + a18 ** b18 - c18 / (d18 + 18)
    if a19 > b19 and c19 or d19 < e19:
        r = r * 19 + a19 ** b19 - c19 / (d19 + 19)
    if a20 > b20 and c20 or d20 < e20:
        r = r * 20 + a20 ** b20 - c20 / (d20 + 20)
    if a21 > b21 and c21 or d21 < e21:
        r = r * 21 + a21 ** b21 - c21 / (d21 + 21)
    if a22 > b22 and c22 or d22 < e22:
        r = r * 22 + a22 ** b22 - c22 / (d22 + 22)
    if a23 > b23 and c23 or d23 < e23:
        r = r * 23 + a23 ** b23 - c23 / (d23 + 23)
    if a24 > b24 and c24 or d24 < e24:
        r = r * 24 + a24 ** b24 - c24 / (d24 + 24)
    return r


def f2(a0, b0, c0, d0, e0, a1, b1, c1, d1, e1, a2, b2, c2, d2, e2, a3, b3, c3, d3, e3, a4, b4, c4, d4, e4, a5, b5, c5, d5, e5, a6, b6, c6, d6, e6, a7, b7, c7, d7, e7, a8, b8, c8, d8, e8, a9, b9, c9, d9, e9, a10, b10, c10, d10, e10, a11, b11, c11, d11, e11, a12, b12, c12, d12, e12, a13, b13, c13, d13, e13, a14, b14, c14, d14, e14, a15, b15, c15, d15, e15, a16, b16, c16, d16, e16, a17, b17, c17, d17, e17, a18, b18, c18, d18, e18, a19, b19, c19, d19, e19, a20, b20, c20, d20, e20, a21, b21, c21, d21, e21, a22, b22, c22, d22, e22, a23, b23, c23, d23, e23, a24, b24, c24, d24, e24):
    r = 0
    if a0 > b0 and c0 or d0 < e0:
        r = r * 0 + a0 ** b0 - c0 / (d0 + 0)
    if a1 > b1 and c1 or d1 < e1:
        r = r * 1 + a1 ** b1 - c1 / (d1 + 1)
    if a2 > b2 and c2 or d2 < e2:
        r = r * 2 + a2 ** b2 - c2 / (d2 + 2)
    if a3 > b3 and c3 or d3 < e3:
        r = r * 3 + a3 ** b3 - c3 / (d3 + 3)
    if a4 > b4 and c4 or d4 < e4:
        r = r * 4 + a4 ** b4 - c4 / (d4 + 4)
    if a5 > b5 and c5 or d5 < e5:
        r = r * 5 + a5 ** b5 - c5 / (d5 + 5)
    if a6 > b6 and c6 or d6 < e6:
        r = r * 6 + a6 ** b6 - c6 / (d6 + 6)
    if a7 > b7 and c7 or d7 < e7:
        r = r * 7 + a7 ** b7 - c7 / (d7 + 7)
    if a8 > b8 and c8 or d8 < e8:
        r = r * 8 + a8 ** b8 - c8 / (d8 + 8)
    if a9 > b9 and c9 or d9 < e9:
        r = r * 9 + a9 ** b9 - c9 / (d9 + 9)
    if a10 > b10 and c10 or d10 < e10:
        r = r * 10 + a10 ** b10 - c10 / (d10 + 10)
    if a11 > b11 and c11 or d11 < e11:
        r = r * 11 + a11 ** b11 - c11 / (d11 + 11)
    if a12 > b12 and c12 or d12 < e12:
        r = r * 12 + a12 ** b12 - c12 / (d12 + 12)
    if a13 > b13 and c13 or d13 < e13:
        r = r * 13 + a13 ** b13 - c13 / (d13 + 13)
    if a14 > b14 and c14 or d14 < e14:
        r = r * 14 + a14 ** b14 - c14 / (d14 + 14)
    if a15 > b15 and c15 or d15 < e15:
        r = r * 15 + a15 ** b15 - c15 / (d15 + 15)
    if a16 > b16 and c16 or d16 < e16:
        r = r * 16 + a16 ** b16 - c16 / (d16 + 16)
    if a17 > b17 and c17 or d17 < e17:
        r = r * 17 + a17 ** b17 - c17 / (d17 + 17)
    if a18 > b18 and c18 or d18 < e18:
        r = r * 18 + a18 ** b18 - c18 / (d18 + 18)
    if a19 > b19 and c19 or d19 < e19:
        r = r * 19 + a19 ** b19 - c19 / (d19 + 19)
    if a20 > b20 and c20 or d20 < e20:
        r = r * 20 + a20 ** b20 - c20 / (d20 + 20)
    if a21 > b21 and c21 or d21 < e21:
        r = r * 21 + a21 ** b21 - c21 / (d21 + 21)
    if a22 > b22 and c22 or d22 < e22:
        r = r * 22 + a22 ** b22 - c22 / (d22 + 22)
    if a23 > b23 and c23 or d23 < e23:
        r = r * 23 + a23 ** b23 - c23 / (d23 + 23)
    if a24 > b24 and c24 or d24 < e24:
        r = r * 24 + a24 ** b24 - c24 / (d24 + 24)
    return r


def f3(a0, b0, c0, d0, e0, a1, b1, c1, d1, e1, a2, b2, c2, d2, e2, a3, b3, c3, d3, e3, a4, b4, c4, d4, e4, a5, b5, c5, d5, e5, a6, b6, c6, d6, e6, a7, b7, c7, d7, e7, a8, b8, c8, d8, e8, a9, b9, c9, d9, e9, a10, b10, c10, d10, e10, a11, b11, c11, d11, e11, a12, b12, c12, d12, e12, a13, b13, c13, d13, e13, a14, b14, c14, d14, e14, a15, b15, c15, d15, e15, a16, b16, c16, d16, e16, a17, b17, c17, d17, e17, a18, b18, c18, d18, e18, a19, b19, c19, d19, e19, a20, b20, c20, d20, e20, a21, b21, c21, d21, e21, a22, b22, c22, d22, e22, a23, b23, c23, d23, e23, a24, b24, c24, d24, e24):
    r = 0
    if a0 > b0 and c0 or d0 < e0:
        r = r * 0 + a0 ** b0 - c0 / (d0 + 0)
    if a1 > b1 and c1 or d1 < e1:
        r = r * 1 + a1 ** b1 - c1 / (d1 + 1)
    if a2 > b2 and c2 or d2 < e2:
        r = r * 2 + a2 ** b2 - c2 / (d2 + 2)
    if a3 > b3 and c3 or d3 < e3:
        r = r * 3 + a3 ** b3 - c3 / (d3 + 3)
    if a4 > b4 and c4 or d4 < e4:
        r = r * 4 + a4 ** b4 - c4 / (d4 + 4)
    if a5 > b5 and c5 or d5 < e5:
        r = r * 5 + a5 ** b5 - c5 / (d5 + 5)
    if a6 > b6 and c6 or d6 < e6:
        r = r * 6 + a6 ** b6 - c6 / (d6 + 6)
    if a7 > b7 and c7 or d7 < e7:
        r = r * 7 + a7 ** b7 - c7 / (d7 + 7)
    if a8 > b8 and c8 or d8 < e8:
        r = r * 8 + a8 ** b8 - c8 / (d8 + 8)
    if a9 > b9 and c9 or d9 < e9:
        r = r * 9 + a9 ** b9 - c9 / (d9 + 9)
    if a10 > b10 and c10 or d10 < e10:
        r = r * 10 + a10 ** b10 - c10 / (d10 + 10)
    if a11 > b11 and c11 or d11 < e11:
        r = r * 11 + a11 ** b11 - c11 / (d11 + 11)
    if a12 > b12 and c12 or d12 < e12:
        r = r * 12 + a12 ** b12 - c12 / (d12 + 12)
    if a13 > b13 and c13 or d13 < e13:
        r = r * 13 + a13 ** b13 - c13 / (d13 + 13)
    if a14 > b14 and c14 or d14 < e14:
        r = r * 14 + a14 ** b14 - c14 / (d14 + 14)
    if a15 > b15 and c15 or d15 < e15:
        r = r * 15 + a15 ** b15 - c15 / (d15 + 15)
    if a16 > b16 and c16 or d16 < e16:
        r = r * 16 + a16 ** b16 - c16 / (d16 + 16)
    if a17 > b17 and c17 or d17 < e17:
        r = r * 17 + a17 ** b17 - c17 / (d17 + 17)
    if a18 > b18 and c18 or d18 < e18:
        r = r * 18 + a18 ** b18 - c18 / (d18 + 18)
    if a19 > b19 and c19 or d19 < e19:
        r = r * 19 + a19 ** b19 - c19 / (d19 + 19)
    if a20 > b20 and c20 or d20 < e20:
        r = r * 20 + a20 ** b20 - c20 / (d20 + 20)
    if a21 > b21 and c21 or d21 < e21:
        r = r * 21 + a21 ** b21 - c21 / (d21 + 21)
    if a22 > b22 and c22 or d22 < e22:
        r = r * 22 + a22 ** b22 - c22 / (d22 + 22)
    if a23 > b23 and c23 or d23 < e23:
        r = r * 23 + a23 ** b23 - c23 / (d23 + 23)
    if a24 > b24 and c24 or d24 < e24:
        r = r * 24 + a24 ** b24 - c24 / (d24 + 24)
    return r


def f4(a0, b0, c0, d0, e0, a1, b1, c1, d1, e1, a2, b2, c2, d2, e2, a3, b3, c3, d3, e3, a4, b4, c4, d4, e4, a5, b5, c5, d5, e5, a6, b6, c6, d6, e6, a7, b7, c7, d7, e7, a8, b8, c8, d8, e8, a9, b9, c9, d9, e9, a10, b10, c10, d10, e10, a11, b11, c11, d11, e11, a12, b12, c12, d12, e12, a13, b13, c13, d13, e13, a14, b14, c14, d14, e14, a15, b15, c15, d15, e15, a16, b16, c16, d16, e16, a17, b17, c17, d17, e17, a18, b18, c18, d18, e18, a19, b19, c19, d19, e19, a20, b20, c20, d20, e20, a21, b21, c21, d21, e21, a22, b22, c22, d22, e22, a23, b23, c23, d23, e23, a24, b24, c24, d24, e24):
    r = 0
    if a0 > b0 and c0 or d0 < e0:
        r = r * 0 + a0 ** b0 - c0 / (d0 + 0)
    if a1 > b1 and c1 or d1 < e1:
        r = r * 1 + a1 ** b1 - c1 / (d1 + 1)
    if a2 > b2 and c2 or d2 < e2:
        r = r * 2 + a2 ** b2 - c2 / (d2 + 2)
    if a3 > b3 and c3 or d3 < e3:
        r = r * 3 + a3 ** b3 - c3 / (d3 + 3)
    if a4 > b4 and c4 or d4 < e4:
        r = r * 4 + a4 ** b4 - c4 / (d4 + 4)
    if a5 > b5 and c5 or d5 < e5:
        r = r * 5 + a5 ** b5 - c5 / (d5 + 5)
    if a6 > b6 and c6 or d6 < e6:
        r = r * 6 + a6 ** b6 - c6 / (d6 + 6)
    if a7 > b7 and c7 or d7 < e7:
        r = r * 7 + a7 ** b7 - c7 / (d7 + 7)
    if a8 > b8 and c8 or d8 < e8:
        r = r * 8 + a8 ** b8 - c8 / (d8 + 8)
    if a9 > b9 and c9 or d9 < e9:
        r = r * 9 + a9 ** b9 - c9 / (d9 + 9)
    if a10 > b10 and c10 or d10 < e10:
        r = r * 10 + a10 ** b10 - c10 / (d10 + 10)
    if a11 > b11 and c11 or d11 < e11:
        r = r * 11 + a11 ** b11 - c11 / (d11 + 11)
    if a12 > b12 and c12 or d12 < e12:
        r = r * 12 + a12 ** b12 - c12 / (d12 + 12)
    if a13 > b13 and c13 or d13 < e13:
        r = r * 13 + a13 ** b13 - c13 / (d13 + 13)
    if a14 > b14 and c14 or d14 < e14:
        r = r * 14 + a14 ** b14 - c14 / (d14 + 14)
    if a15 > b15 and c15 or d15 < e15:
        r = r * 15 + a15 ** b15 - c15 / (d15 + 15)
    if a16 > b16 and c16 or d16 < e16:
        r = r * 16 + a16 ** b16 - c16 / (d16 + 16)
    if a17 > b17 and c17 or d17 < e17:
        r = r * 17 + a17 ** b17 - c17 / (d17 + 17)
    if a18 > b18 and c18 or d18 < e18:
        r = r * 18 + a18 ** b18 - c18 / (d18 + 18)
    if a19 > b19 and c19 or d19 < e19:
        r = r * 19 + a19 ** b19 - c19 / (d19 + 19)
    if a20 > b20 and c20 or d20 < e20:
        r = r * 20 + a20 ** b20 - c20 / (d20 + 20)
    if a21 > b21 and c21 or d21 < e21:
        r = r * 21 + a21 ** b21 - c21 / (d21 + 21)
    if a22 > b22 and c22 or d22 < e22:
        r = r * 22 + a22 ** b22 - c22 / (d22 + 22)
    if a23 > b23 and c23 or d23 < e23:
        r = r * 23 + a23 ** b23 - c23 / (d23 + 23)
    if a24 > b24 and c24 or d24 < e24:
        r = r * 24 + a24 ** b24 - c24 / (d24 + 24)
    return r


def f5(a0, b0, c0, d0, e0, a1, b1, c1, d1, e1, a2, b2, c2, d2, e2, a3, b3, c3, d3, e3, a4, b4, c4, d4, e4, a5, b5, c5, d5, e5, a6, b6, c6, d6, e6, a7, b7, c7, d7, e7, a8, b8, c8, d8, e8, a9, b9, c9, d9, e9, a10, b10, c10, d10, e10, a11, b11, c11, d11, e11, a12, b12, c12, d12, e12, a13, b13, c13, d13, e13, a14, b14, c14, d14, e14, a15, b15, c15, d15, e15, a16, b16, c16, d16, e16, a17, b17, c17, d17, e17, a18, b18, c18, d18, e18, a19, b19, c19, d19, e19, a20, b20, c20, d20, e20, a21, b21, c21, d21, e21, a22, b22, c22, d22, e22, a23, b23, c23, d23, e23, a24, b24, c24, d24, e24):
    r = 0
    if a0 > b0 and c0 or d0 < e0:
        r = r * 0 + a0 ** b0 - c0 / (d0 + 0)
    if a1 > b1 and c1 or d1 < e1:
        r = r * 1 + a1 ** b1 - c1 / (d1 + 1)
    if a2 > b2 and c2 or d2 < e2:
        r = r * 2 + a2 ** b2 - c2 / (d2 + 2)
    if a3 > b3 and c3 or d3 < e3:
        r = r * 3 + a3 ** b3 - c3 / (d3 + 3)
    if a4 > b4 and c4 or d4 < e4:
        r = r * 4 + a4 ** b4 - c4 / (d4 + 4)
    if a5 > b5 and c5 or d5 < e5:
        r = r * 5 + a5 ** b5 - c5 / (d5 + 5)
    if a6 > b6 and c6 or d6 < e6:
        r = r * 6 + a6 ** b6 - c6 / (d6 + 6)
    if a7 > b7 and c7 or d7 < e7:
        r = r * 7 + a7 ** b7 - c7 / (d7 + 7)
    if a8 > b8 and c8 or d8 < e8:
        r = r * 8 + a8 ** b8 - c8 / (d8 + 8)
    if a9 > b9 and c9 or d9 < e9:
        r = r * 9 + a9 ** b9 - c9 / (d9 + 9)
    if a10 > b10 and c10 or d10 < e10:
        r = r * 10 + a10 ** b10 - c10 / (d10 + 10)
    if a11 > b11 and c11 or d11 < e11:
        r = r * 11 + a11 ** b11 - c11 / (d11 + 11)
    if a12 > b12 and c12 or d12 < e12:
        r = r * 12 + a12 ** b12 - c12 / (d12 + 12)
    if a13 > b13 and c13 or d13 < e13:
        r = r * 13 + a13 ** b13 - c13 / (d13 + 13)
    if a14 > b14 and c14 or d14 < e14:
        r = r * 14 + a14 ** b14 - c14 / (d14 + 14)
    if a15 > b15 and c15 or d15 < e15:
        r = r * 15 + a15 ** b15 - c15 / (d15 + 15)
    if a16 > b16 and c16 or d16 < e16:
        r = r * 16 + a16 ** b16 - c16 / (d16 + 16)
    if a17 > b17 and c17 or d17 < e17:
        r = r * 17 + a17 ** b17 - c17 / (d17 + 17)
    if a18 > b18 and c18 or d18 < e18:
        r = r * 18 + a18 ** b18 - c18 / (d18 + 18)
    if a19 > b19 and c19 or d19 < e19:
        r = r * 19 + a19 ** b19 - c19 / (d19 + 19)
    if a20 > b20 and c20 or d20 < e20:
        r = r * 20 + a20 ** b20 - c20 / (d20 + 20)
    if a21 > b21 and c21 or d21 < e21:
        r = r * 21 + a21 ** b21 - c21 / (d21 + 21)
    if a22 > b22 and c22 or d22 < e22:
        r = r * 22 + a22 ** b22 - c22 / (d22 + 22)
    if a23 > b23 and c23 or d23 < e23:
        r = r * 23 + a23 ** b23 - c23 / (d23 + 23)
    if a24 > b24 and c24 or d24 < e24:
        r = r * 24 + a24 ** b24 - c24 / (d24 + 24)
    return r

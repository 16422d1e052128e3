from loop.a import A

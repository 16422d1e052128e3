import importlib

importlib.import_module("pkg.a._impl")

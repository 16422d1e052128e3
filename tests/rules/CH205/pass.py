from os.path import join

PATTERN = "# noqa"
print(join("a", "b"))

"""A helper script outside the package."""


def main():
    print("report")

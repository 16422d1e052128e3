import pkg.a  # codehealth: ignore[CH301] because legacy import

from os.path import *  # noqa

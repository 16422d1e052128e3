import json


def later():
    from proj.high import views
    return views

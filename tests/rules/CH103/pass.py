def handle(request):
    if not (request.user and request.user.active):
        return
    for item in request.items:
        if item.valid:
            item.process()

def handle(request, lock):
    if request.user:
        if request.user.active:
            for item in request.items:
                if item.valid:
                    with lock:
                        item.process()

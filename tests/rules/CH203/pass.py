import threading

ready = threading.Event()
ready.wait(timeout=0.01)
NOTE = "HACK: only in a string, which is not a comment"

import time

time.sleep(0.5)  # HACK: wait for the other thread

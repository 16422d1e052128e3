retries = 7  # the gateway drops a connection at most 6 times in a row
size = "XXL"

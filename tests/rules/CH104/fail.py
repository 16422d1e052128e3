def send(host, port, user, password, sender, recipient, subject, body):
    return (host, port, user, password, sender, recipient, subject, body)

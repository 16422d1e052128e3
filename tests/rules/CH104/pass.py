class Mailer:
    def send(self, server, message, retries=3):
        return (server, message, retries)

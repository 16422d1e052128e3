from app.io.reader import read

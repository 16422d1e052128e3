from proj.low import util

from proj.mid import service

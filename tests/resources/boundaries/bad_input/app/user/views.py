import io
from app import io as app_io
from app.io import read
from app.io.reader import read as read2
import app.io.reader as rd
from app.core import run
from app.dyn import alpha
from app.dyn import _beta
from nsroot.pkg_a import thing

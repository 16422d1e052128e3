from typing import TYPE_CHECKING
import importlib
import shop.billing
from shop.billing import charge
from shop.billing.stripe import client
from shop.billing import _fee
from shop.billing import helper
from shop.billing._impl import x
if TYPE_CHECKING:
    from shop.billing.stripe import client as typed_client


def load():
    return importlib.import_module("shop.billing._impl")

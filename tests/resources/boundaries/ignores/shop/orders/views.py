from shop.billing.stripe import client
from shop.billing._impl import x
from shop.billing._secret import y  # codehealth: ignore[CH301] because the legacy export, see SHOP-7
from shop.billing.ledger.rows import row  # codehealth: ignore[CH301]
import shop.billing  # codehealth: ignore[CH302] because nothing to ignore here
from shop.catalog import PRICE
from shop.billing.ledger import post

"""Display settings so that doctest output matches what a wide terminal shows."""

import pandas as pd

pd.set_option("display.width", 120)
pd.set_option("display.max_columns", 30)
pd.set_option("display.max_colwidth", 60)

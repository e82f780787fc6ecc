# reprotree: measure
from dvclive import Live

live = Live()
live.end()
# reprotree: end

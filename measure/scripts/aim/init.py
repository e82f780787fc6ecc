# reprotree: measure
from aim import Run

run = Run()
run.close()
# reprotree: end

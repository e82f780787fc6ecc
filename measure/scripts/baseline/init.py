# The baseline for initialisation: a script that uses no tracker does nothing here.
# reprotree: measure
# reprotree: end

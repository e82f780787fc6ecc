# Guild's default integration is running the user's unchanged script (the baseline's
# autolog.py, which loads iris and fits the SVC) with `guild run`: the measured part is that
# whole run, the script's imports and data included, since Guild runs it in a process of its own.
import subprocess

# reprotree: measure
subprocess.run(["guild", "run", "--yes", "autolog.py"], check=True)
# reprotree: end

# Guild AI runs a user's script as an operation from the command line; nothing in the script
# changes. The measured part is that command, on the baseline's init.py (a script that does
# nothing), copied into the project by the adapter: starting and ending a run is `guild run`.
import subprocess

# reprotree: measure
subprocess.run(["guild", "run", "--yes", "init.py"], check=True)
# reprotree: end

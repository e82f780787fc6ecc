# Guild records parameters as the flags a run starts with: the fitted Ridge regression's
# parameters are passed to `guild run` (--force-flags: the script does not declare them), which
# starts, records and ends a run of the baseline's params.py.
import subprocess

from sklearn.datasets import load_diabetes
from sklearn.linear_model import Ridge

X, y = load_diabetes(return_X_y=True)
model = Ridge().fit(X, y)
params = model.get_params()
# reprotree: measure
flags = [f"{name}={value}" for name, value in params.items()]
subprocess.run(["guild", "run", "--yes", "--force-flags", "params.py", *flags], check=True)
# reprotree: end

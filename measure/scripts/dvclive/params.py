from dvclive import Live
from sklearn.datasets import load_diabetes
from sklearn.linear_model import Ridge

X, y = load_diabetes(return_X_y=True)
model = Ridge().fit(X, y)
params = model.get_params()
live = Live()
# reprotree: measure
live.log_params(params)
live.end()
# reprotree: end

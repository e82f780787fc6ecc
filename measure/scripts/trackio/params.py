import trackio
from sklearn.datasets import load_diabetes
from sklearn.linear_model import Ridge

X, y = load_diabetes(return_X_y=True)
model = Ridge().fit(X, y)
params = model.get_params()
trackio.init(project="reprotree")
# reprotree: measure
trackio.config.update(params)
# trackio writes the config with the run's first logged step: without one it is not stored.
trackio.log({})
trackio.finish()
# reprotree: end

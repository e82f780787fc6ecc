import comet_ml
from sklearn.datasets import load_diabetes
from sklearn.linear_model import Ridge

X, y = load_diabetes(return_X_y=True)
model = Ridge().fit(X, y)
params = model.get_params()
experiment = comet_ml.start(project_name="reprotree", online=False)
# reprotree: measure
experiment.log_parameters(params)
experiment.end()
# reprotree: end

from aim import Run
from sklearn.datasets import load_diabetes
from sklearn.linear_model import Ridge

X, y = load_diabetes(return_X_y=True)
model = Ridge().fit(X, y)
params = model.get_params()
run = Run()
# reprotree: measure
run["hparams"] = params
run.close()
# reprotree: end

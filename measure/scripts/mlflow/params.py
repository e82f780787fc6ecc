import mlflow
from sklearn.datasets import load_diabetes
from sklearn.linear_model import Ridge

X, y = load_diabetes(return_X_y=True)
model = Ridge().fit(X, y)
params = model.get_params()
mlflow.start_run()
# reprotree: measure
mlflow.log_params(params)
mlflow.end_run()
# reprotree: end

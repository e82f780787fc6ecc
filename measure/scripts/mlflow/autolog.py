import mlflow
from sklearn.datasets import load_iris
from sklearn.svm import SVC

X, y = load_iris(return_X_y=True)
model = SVC()
mlflow.start_run()
# reprotree: measure
mlflow.sklearn.autolog()
model.fit(X, y)
mlflow.end_run()
# reprotree: end

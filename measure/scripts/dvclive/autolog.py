# DVCLive has no scikit-learn auto-logging: the component is the fit inside an open run.
from dvclive import Live
from sklearn.datasets import load_iris
from sklearn.svm import SVC

X, y = load_iris(return_X_y=True)
model = SVC()
live = Live()
# reprotree: measure
model.fit(X, y)
live.end()
# reprotree: end

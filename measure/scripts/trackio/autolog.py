# trackio has no scikit-learn integration: the fit runs in a plain run.
import trackio
from sklearn.datasets import load_iris
from sklearn.svm import SVC

X, y = load_iris(return_X_y=True)
model = SVC()
trackio.init(project="reprotree")
# reprotree: measure
model.fit(X, y)
trackio.finish()
# reprotree: end

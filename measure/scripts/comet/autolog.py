# comet_ml patches scikit-learn when it is imported first; auto-logging is on by default.
import comet_ml
from sklearn.datasets import load_iris
from sklearn.svm import SVC

X, y = load_iris(return_X_y=True)
model = SVC()
experiment = comet_ml.start(project_name="reprotree", online=False)
# reprotree: measure
model.fit(X, y)
experiment.end()
# reprotree: end

# Aim has no scikit-learn auto-logging: the component is the fit inside an open run.
from aim import Run
from sklearn.datasets import load_iris
from sklearn.svm import SVC

X, y = load_iris(return_X_y=True)
model = SVC()
run = Run()
# reprotree: measure
model.fit(X, y)
run.close()
# reprotree: end

from sklearn.datasets import load_iris
from sklearn.svm import SVC

X, y = load_iris(return_X_y=True)
model = SVC()
# reprotree: measure
model.fit(X, y)
# reprotree: end

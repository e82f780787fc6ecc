# Sacred has no scikit-learn integration: the fit runs in a plain run, which is the main
# function that ex.run() starts and ends.
from sacred import Experiment
from sacred.observers import FileStorageObserver
from sklearn.datasets import load_iris
from sklearn.svm import SVC

X, y = load_iris(return_X_y=True)
model = SVC()
ex = Experiment("reprotree")
ex.observers.append(FileStorageObserver("runs"))


@ex.main
def main():
    model.fit(X, y)


# reprotree: measure
ex.run()
# reprotree: end

from sacred import Experiment
from sacred.observers import FileStorageObserver
from sklearn.datasets import load_diabetes
from sklearn.linear_model import Ridge

X, y = load_diabetes(return_X_y=True)
model = Ridge().fit(X, y)
params = model.get_params()
ex = Experiment("reprotree")
ex.observers.append(FileStorageObserver("runs"))


@ex.main
def main():
    pass


# reprotree: measure
# Sacred fixes a run's configuration when the run starts: logging parameters is starting and
# ending a run with them, so the run's start is measured here too.
ex.add_config(params)
ex.run()
# reprotree: end

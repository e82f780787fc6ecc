# W&B has no scikit-learn auto-logging: the run is started and ended around the fit, and
# nothing else is added (what wandb.init records by itself is what is stored).
import wandb
from sklearn.datasets import load_iris
from sklearn.svm import SVC

X, y = load_iris(return_X_y=True)
model = SVC()
run = wandb.init()
# reprotree: measure
model.fit(X, y)
run.finish()
# reprotree: end

from clearml import Task
from sklearn.datasets import load_iris
from sklearn.svm import SVC

X, y = load_iris(return_X_y=True)
model = SVC()
task = Task.init(project_name="reprotree", task_name="run")
# reprotree: measure
model.fit(X, y)
task.close()
# reprotree: end

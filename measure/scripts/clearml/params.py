from clearml import Task
from sklearn.datasets import load_diabetes
from sklearn.linear_model import Ridge

X, y = load_diabetes(return_X_y=True)
model = Ridge().fit(X, y)
params = model.get_params()
task = Task.init(project_name="reprotree", task_name="run")
# reprotree: measure
task.connect(params)
task.close()
# reprotree: end

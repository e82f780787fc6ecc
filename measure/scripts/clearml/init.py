# reprotree: measure
from clearml import Task

task = Task.init(project_name="reprotree", task_name="run")
task.close()
# reprotree: end

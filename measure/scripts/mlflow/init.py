# reprotree: measure
import mlflow

mlflow.start_run()
mlflow.end_run()
# reprotree: end

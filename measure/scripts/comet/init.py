# reprotree: measure
import comet_ml

experiment = comet_ml.start(project_name="reprotree", online=False)
experiment.end()
# reprotree: end

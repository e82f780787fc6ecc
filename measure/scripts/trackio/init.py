# reprotree: measure
import trackio

trackio.init(project="reprotree")
trackio.finish()
# reprotree: end

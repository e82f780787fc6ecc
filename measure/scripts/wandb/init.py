# reprotree: measure
import wandb

run = wandb.init()
run.finish()
# reprotree: end

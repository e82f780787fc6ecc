"""A matplotlib figure goes into the run with wandb.log and wandb.Image, the call W&B has for
images: the ordinary API."""

KIND = "api"


def after_evaluate(ctx):
    import wandb

    wandb.log({"predictions": wandb.Image(ctx.figure)})

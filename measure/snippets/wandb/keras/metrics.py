"""WandbMetricsLogger logs training and validation metrics per epoch, not what evaluate() returns
on the test set; wandb.log stores the user's test loss and accuracy in one call: the ordinary
API."""

KIND = "api"


def after_evaluate(ctx):
    import wandb

    wandb.log({f"test_{name}": value for name, value in ctx.metrics["test"].items()})

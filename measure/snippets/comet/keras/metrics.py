"""Comet's Keras callback logs the training and validation history but not what evaluate()
returns on the test set; log_metrics stores the user's test loss and accuracy in one call:
the ordinary API."""

KIND = "api"


def after_evaluate(ctx):
    experiment = ctx.handle.native
    experiment.log_metrics({f"test_{name}": value for name, value in ctx.metrics["test"].items()})

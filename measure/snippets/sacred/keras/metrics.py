"""Sacred has no Keras integration: the user logs the history fit() returned, one step per
epoch, and what evaluate() returned on the test set, as scalars: the ordinary API."""

KIND = "api"


def after_evaluate(ctx):
    experiment = ctx.tracker.experiment()
    for name, values in ctx.history.items():
        for epoch, value in enumerate(values):
            experiment.log_scalar(name, value, epoch)
    for name, value in ctx.metrics["test"].items():
        experiment.log_scalar(f"test_{name}", value)

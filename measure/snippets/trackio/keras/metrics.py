"""trackio has no Keras integration: the user logs the history fit() returned, one step per
epoch, and the test loss and accuracy evaluate() returned, with trackio.log: the ordinary
API."""

KIND = "api"


def after_evaluate(ctx):
    import trackio

    epochs = len(ctx.history["loss"])
    for epoch in range(epochs):
        trackio.log({name: values[epoch] for name, values in ctx.history.items()})
    trackio.log({f"test_{name}": value for name, value in ctx.metrics["test"].items()})

"""Comet stores the model's configuration (its graph, as JSON) and the total number of
trainable parameters, not each layer's count: the user captures Keras's summary text and
stores it as a text asset: a workaround."""

KIND = "workaround"


def after_evaluate(ctx):
    lines = []
    ctx.model.summary(print_fn=lambda line, *args, **kwargs: lines.append(line))
    ctx.handle.native.log_asset_data("\n".join(lines), name="model-summary.txt")

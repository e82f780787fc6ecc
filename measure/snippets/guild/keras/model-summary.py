"""Guild keeps everything a run prints (.guild/output): Keras's own model.summary(), one call,
is stored as printed, which is how Guild records text."""

KIND = "api"


def after_evaluate(ctx):
    ctx.model.summary()

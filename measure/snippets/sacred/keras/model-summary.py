"""Sacred keeps what the run prints (cout.txt): the user prints Keras's model summary and
Sacred's output capture stores it, as the study's Guild did: a workaround."""

KIND = "workaround"


def after_evaluate(ctx):
    ctx.model.summary()

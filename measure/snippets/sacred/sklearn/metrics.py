"""Sacred logs what the user computed as scalars of the run (log_scalar, one call per value):
the ordinary API."""

KIND = "api"


def after_evaluate(ctx):
    for split, score in ctx.scores.items():
        ctx.tracker.experiment().log_scalar(f"{split}_score", score)

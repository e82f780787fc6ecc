"""The integration stores no scores; log_metrics stores the user's training and test scores in
one call: the ordinary API."""

KIND = "api"


def after_evaluate(ctx):
    experiment = ctx.handle.native
    experiment.log_metrics({f"{split}_score": score for split, score in ctx.scores.items()})

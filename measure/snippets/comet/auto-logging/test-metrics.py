"""Comet's scikit-learn integration logs the estimator's parameters, not its scores: the user
logs the test score they computed; in 2.1 anything beyond auto-logging is a workaround."""

KIND = "workaround"


def after_evaluate(ctx):
    experiment = ctx.handle.native
    experiment.log_metric("test_score", ctx.scores["test"])

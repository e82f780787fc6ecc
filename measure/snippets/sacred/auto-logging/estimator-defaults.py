"""Sacred has no scikit-learn integration: the user adds the estimator's parameters to the
experiment's configuration before the run starts; in 2.1 anything beyond auto-logging is a
workaround."""

KIND = "workaround"


def before_run(ctx):
    ctx.tracker.experiment().add_config(ctx.model.get_params(deep=False))

"""Sacred's configuration is how it takes parameters: the user adds the estimator's parameters
to the experiment's configuration before the run starts, one call: the ordinary API."""

KIND = "api"


def before_run(ctx):
    ctx.tracker.experiment().add_config(ctx.model.get_params(deep=False))

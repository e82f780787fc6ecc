"""Parameters that are not the estimator's (the split's size and seed) are not auto-logged;
mlflow.log_params stores them in one call: the ordinary API."""

KIND = "api"


def after_evaluate(ctx):
    import mlflow

    mlflow.log_params(ctx.other_params)

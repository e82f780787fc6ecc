"""Where auto-logging misses the test split's metrics, the user logs the test score they
computed themselves; in 2.1 anything beyond auto-logging is a workaround."""

KIND = "workaround"


def after_evaluate(ctx):
    import mlflow

    mlflow.log_metric("test_score", ctx.scores["test"])

"""The path of the data file the run read, from the project root, as a parameter: one call of
the ordinary API."""

KIND = "api"


def after_evaluate(ctx):
    import mlflow

    mlflow.log_param("data_path", ctx.data_path)

"""Keras auto-logging stores the training and validation history but not what evaluate()
returns on the test set; mlflow.log_metrics stores the user's test loss and accuracy in one
call: the ordinary API."""

KIND = "api"


def after_evaluate(ctx):
    import mlflow

    mlflow.log_metrics({f"test_{name}": value for name, value in ctx.metrics["test"].items()})

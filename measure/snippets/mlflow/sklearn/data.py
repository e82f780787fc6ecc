"""MLflow's dataset tracking (mlflow.data, log_input) keeps a digest, a schema and the source's
name, not the rows; to keep the data the user stores the file they read as a plain artifact:
a workaround."""

KIND = "workaround"


def after_evaluate(ctx):
    import mlflow

    mlflow.log_artifact(ctx.data_path, artifact_path="data")

"""The logged model carries the Python packages (requirements.txt, conda.yaml); environment
variables are not stored anywhere, so the user picks the ones reproducibility depends on and
stores them as a JSON artifact: a workaround."""

KIND = "workaround"

PREFIXES = ("PYTHON", "OMP_", "MKL_", "OPENBLAS_", "CUDA", "TF_", "KERAS_")


def after_evaluate(ctx):
    import os

    import mlflow

    variables = {k: v for k, v in sorted(os.environ.items()) if k.startswith(PREFIXES)}
    mlflow.log_dict(variables, "environment/variables.json")

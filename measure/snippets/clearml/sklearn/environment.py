"""ClearML stores the script's Python requirements but environment variables only when told
which ones (CLEARML_LOG_ENVIRONMENT, set before the script starts); inside the script the user
picks the variables reproducibility depends on and connects them as the Environment section
that option writes: a workaround."""

KIND = "workaround"

PREFIXES = ("PYTHON", "OMP_", "MKL_", "OPENBLAS_", "CUDA", "TF_", "KERAS_")


def after_evaluate(ctx):
    import os

    variables = {k: v for k, v in sorted(os.environ.items()) if k.startswith(PREFIXES)}
    ctx.handle.native.connect(variables, name="Environment")

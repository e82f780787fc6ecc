"""Comet stores the installed packages but no environment variables (its system details leave
them empty), so the user picks the ones reproducibility depends on and stores them as
"others": a workaround."""

KIND = "workaround"

PREFIXES = ("PYTHON", "OMP_", "MKL_", "OPENBLAS_", "CUDA", "TF_", "KERAS_")


def after_evaluate(ctx):
    import os

    variables = {k: v for k, v in sorted(os.environ.items()) if k.startswith(PREFIXES)}
    ctx.handle.native.log_others(variables)

"""W&B stores the installed packages (requirements.txt) but no environment variables, so the
user picks the ones reproducibility depends on and puts them in the run's config: a workaround."""

KIND = "workaround"

PREFIXES = ("PYTHON", "OMP_", "MKL_", "OPENBLAS_", "CUDA", "TF_", "KERAS_")


def after_evaluate(ctx):
    import os

    import wandb

    variables = {k: v for k, v in sorted(os.environ.items()) if k.startswith(PREFIXES)}
    wandb.config.update({"environment_variables": variables})

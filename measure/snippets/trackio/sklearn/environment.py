"""trackio records neither packages nor environment variables: the user lists the installed
packages and picks the variables reproducibility depends on, and stores them in the run's
config, followed by a logged step so that trackio writes it: a workaround."""

KIND = "workaround"

PREFIXES = ("PYTHON", "OMP_", "MKL_", "OPENBLAS_", "CUDA", "TF_", "KERAS_")


def after_evaluate(ctx):
    import importlib.metadata
    import os

    import trackio

    packages = sorted(
        f"{d.metadata['Name']}=={d.version}" for d in importlib.metadata.distributions()
    )
    variables = {k: v for k, v in sorted(os.environ.items()) if k.startswith(PREFIXES)}
    trackio.config.update({"packages": packages, "environment_variables": variables})
    trackio.log({})

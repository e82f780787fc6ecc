"""DVCLive stores neither the Python packages nor environment variables: the user writes the
installed packages and the variables reproducibility depends on to a file and logs it as an
artifact: a workaround."""

KIND = "workaround"

PREFIXES = ("PYTHON", "OMP_", "MKL_", "OPENBLAS_", "CUDA", "TF_", "KERAS_")


def after_evaluate(ctx):
    import importlib.metadata
    import json
    import os
    from pathlib import Path

    packages = sorted(
        f"{d.metadata['Name']}=={d.version}" for d in importlib.metadata.distributions()
    )
    variables = {k: v for k, v in sorted(os.environ.items()) if k.startswith(PREFIXES)}
    with Path("environment.json").open("w", encoding="utf-8") as handle:
        json.dump({"packages": packages, "variables": variables}, handle, indent=1)
    ctx.handle.native.log_artifact("environment.json", copy=True, cache=False)

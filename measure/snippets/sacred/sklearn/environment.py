"""Sacred keeps the host's environment variables it is told to capture (none by default) and
misses scikit-learn among the packages (it finds versions through top_level.txt, which
scikit-learn's wheels no longer ship): the user names both before the run starts, a
workaround."""

KIND = "workaround"

PREFIXES = ("PYTHON", "OMP_", "MKL_", "OPENBLAS_", "CUDA", "TF_", "KERAS_")


def before_run(ctx):
    import os

    import sklearn
    from sacred import SETTINGS

    SETTINGS.HOST_INFO.CAPTURED_ENV.extend(k for k in sorted(os.environ) if k.startswith(PREFIXES))
    ctx.tracker.experiment().add_package_dependency("scikit-learn", sklearn.__version__)

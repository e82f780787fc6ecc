"""A run records no package versions unless it was opened with log_system_params=True; the
user stores scikit-learn's version as a run attribute: a workaround."""

KIND = "workaround"


def after_evaluate(ctx):
    import sklearn

    ctx.handle.native["sklearn_version"] = sklearn.__version__

"""DVCLive records no package versions; the user stores scikit-learn's version as a parameter."""

KIND = "workaround"


def after_evaluate(ctx):
    import sklearn

    ctx.handle.native.log_param("sklearn_version", sklearn.__version__)

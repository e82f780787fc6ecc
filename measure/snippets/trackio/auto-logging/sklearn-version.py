"""trackio records no package versions: the user stores scikit-learn's version in the run's
config, followed by a logged step (without one trackio does not write the config): a
workaround."""

KIND = "workaround"


def after_evaluate(ctx):
    import sklearn
    import trackio

    trackio.config.update({"sklearn_version": sklearn.__version__})
    trackio.log({})

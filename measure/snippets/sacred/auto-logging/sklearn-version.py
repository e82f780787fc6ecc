"""Sacred records the packages the script imported, but finds a package's version through its
top_level.txt metadata, which scikit-learn's wheels no longer ship: the user names the package
and its version before the run starts, a workaround."""

KIND = "workaround"


def before_run(ctx):
    import sklearn

    ctx.tracker.experiment().add_package_dependency("scikit-learn", sklearn.__version__)

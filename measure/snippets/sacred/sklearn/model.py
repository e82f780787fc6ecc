"""Sacred's artifacts are the files a run produces, models among them: the user saves the
fitted estimator with joblib, as scikit-learn recommends, and adds the file: the ordinary
API."""

KIND = "api"


def after_evaluate(ctx):
    from pathlib import Path

    import joblib

    path = Path(ctx.workdir) / "tmp" / "model.joblib"
    joblib.dump(ctx.model, path)
    ctx.tracker.experiment().add_artifact(str(path))

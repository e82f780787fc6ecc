"""trackio keeps models as artifacts of type "model": the user saves the fitted estimator with
joblib, as scikit-learn recommends, and logs that file: the ordinary API."""

KIND = "api"


def after_evaluate(ctx):
    from pathlib import Path

    import joblib
    import trackio

    path = Path(ctx.workdir) / "tmp" / "model.joblib"
    joblib.dump(ctx.model, path)
    trackio.log_artifact(str(path), type="model")

"""Sacred's artifacts are the files a run produces, models among them: the user saves the model
as Keras does and adds the file: the ordinary API."""

KIND = "api"


def after_evaluate(ctx):
    from pathlib import Path

    path = Path(ctx.workdir) / "tmp" / "cnn.keras"
    ctx.model.save(path)
    ctx.tracker.experiment().add_artifact(str(path))

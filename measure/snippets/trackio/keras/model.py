"""trackio keeps models as artifacts of type "model": the user saves the model as Keras does
and logs that file: the ordinary API."""

KIND = "api"


def after_evaluate(ctx):
    from pathlib import Path

    import trackio

    path = Path(ctx.workdir) / "tmp" / "cnn.keras"
    ctx.model.save(path)
    trackio.log_artifact(str(path), type="model")

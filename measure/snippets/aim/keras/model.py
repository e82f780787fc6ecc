"""AimCallback saves no model; the user saves it with Keras and logs the file as a run
artifact, Aim's mechanism for model files: the ordinary API."""

KIND = "api"


def after_evaluate(ctx):
    from pathlib import Path

    ctx.model.save("model.keras")
    run = ctx.handle.native
    run.set_artifacts_uri(Path("aim-artifacts").resolve().as_uri())
    run.log_artifact("model.keras", name="model.keras", block=True)

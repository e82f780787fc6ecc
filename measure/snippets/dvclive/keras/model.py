"""DVCLiveCallback saves no model; the user saves it with Keras and logs the file with
log_artifact(type="model"), DVCLive's call for models: the ordinary API."""

KIND = "api"


def after_evaluate(ctx):
    ctx.model.save("model.keras")
    ctx.handle.native.log_artifact("model.keras", type="model", name="cnn")

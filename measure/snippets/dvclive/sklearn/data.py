"""DVC versions data: log_artifact puts the file the user read into the DVC cache and the
experiment's commit points to it, which is what the call is for: the ordinary API."""

KIND = "api"


def after_evaluate(ctx):
    ctx.handle.native.log_artifact(ctx.data_path, type="dataset", name="data")

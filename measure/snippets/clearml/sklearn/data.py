"""Task.upload_artifact stores a file with the task (in offline mode, in the session folder);
artifacts are ClearML's mechanism for data files: the ordinary API."""

KIND = "api"


def after_evaluate(ctx):
    ctx.handle.native.upload_artifact("data", artifact_object=ctx.data_path, wait_on_upload=True)

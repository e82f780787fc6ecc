"""Comet's dataset calls (log_dataset_info, log_dataset_hash) keep a name, a path and a hash,
not the rows, and Artifacts are not available to offline experiments; to keep the data the
user uploads the file they read as a plain asset: a workaround."""

KIND = "workaround"


def after_evaluate(ctx):
    ctx.handle.native.log_asset(ctx.data_path)

"""DVCLive does not save a scikit-learn model by itself: the user pickles it and logs the file
with log_artifact(type="model"), DVCLive's call for models: the ordinary API."""

KIND = "api"


def after_evaluate(ctx):
    import pickle
    from pathlib import Path

    with Path("model.pkl").open("wb") as handle:
        pickle.dump(ctx.model, handle)
    ctx.handle.native.log_artifact("model.pkl", type="model", name="model")

"""Every file a Guild run writes into its working directory (the run folder) belongs to the run:
the user pickles the estimator there in one call, which is how Guild keeps files (it has no
model format of its own)."""

KIND = "api"


def after_evaluate(ctx):
    import pickle
    from pathlib import Path

    Path("model.pkl").write_bytes(pickle.dumps(ctx.model))

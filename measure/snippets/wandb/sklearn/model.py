"""W&B stores a model only as files the user wrote: the estimator is pickled first, then
run.log_model keeps the file as a model artifact: a workaround (two steps, one of them
serialising the model by hand)."""

KIND = "workaround"


def after_evaluate(ctx):
    import pickle
    from pathlib import Path

    import wandb

    Path("model.pkl").write_bytes(pickle.dumps(ctx.model))
    wandb.run.log_model("model.pkl", name="ridge")

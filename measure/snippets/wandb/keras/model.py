"""W&B stores a model only as files the user wrote (WandbModelCheckpoint, too, needs a file
path): the model is saved in Keras's format first, then run.log_model keeps the file as a model
artifact: a workaround."""

KIND = "workaround"


def after_evaluate(ctx):
    import wandb

    ctx.model.save("model.keras")
    wandb.run.log_model("model.keras", name="cnn")

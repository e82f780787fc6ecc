"""W&B keeps data as an artifact: run.log_artifact takes the file the user read, typed as a
dataset, in one call: the ordinary API (offline, the file waits in W&B's staging folder)."""

KIND = "api"


def after_evaluate(ctx):
    import wandb

    wandb.run.log_artifact(ctx.data_path, name="training-data", type="dataset")

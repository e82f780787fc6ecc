"""W&B's Keras callbacks no longer record the model's structure (the removed WandbCallback drew
its graph); the user captures Keras's own summary text and keeps it in the run summary, a
place meant for final values: a workaround."""

KIND = "workaround"


def after_evaluate(ctx):
    import wandb

    lines = []
    ctx.model.summary(print_fn=lambda line, **_: lines.append(line))
    wandb.run.summary["model_summary"] = "\n".join(lines)

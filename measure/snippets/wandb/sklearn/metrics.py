"""Without scikit-learn auto-logging the user logs the scores they computed with wandb.log, the
call W&B has for metrics: the ordinary API."""

KIND = "api"


def after_evaluate(ctx):
    import wandb

    wandb.log({"train_score": ctx.scores["train"], "test_score": ctx.scores["test"]})

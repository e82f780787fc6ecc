"""W&B records no metric of a scikit-learn fit by itself: the user logs the test score they
computed; in 2.1 anything beyond the default integration is a workaround."""

KIND = "workaround"


def after_evaluate(ctx):
    import wandb

    wandb.log({"test_score": ctx.scores["test"]})

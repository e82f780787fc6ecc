"""Sacred's configuration is how it takes parameters: the user adds fit()'s arguments and the
optimiser to the experiment's configuration before the run starts: the ordinary API."""

KIND = "api"


def before_run(ctx):
    import numpy as np

    optimizer = ctx.model.optimizer
    ctx.tracker.experiment().add_config(
        {
            **ctx.fit_params,
            "optimizer": type(optimizer).__name__,
            "learning_rate": float(np.asarray(optimizer.learning_rate)),
        }
    )

"""trackio has no Keras integration: the user puts fit()'s arguments and the optimiser into the
run's config, followed by a logged step (without one trackio does not write the config): a
workaround."""

KIND = "workaround"


def after_evaluate(ctx):
    import numpy as np
    import trackio

    optimizer = ctx.model.optimizer
    trackio.config.update(
        {
            **ctx.fit_params,
            "optimizer": type(optimizer).__name__,
            "learning_rate": float(np.asarray(optimizer.learning_rate)),
        }
    )
    trackio.log({})

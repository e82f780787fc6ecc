"""Comet does not keep a fitted scikit-learn model by itself; comet_ml.integration.sklearn
.log_model pickles the estimator the user has into the experiment's model files: one call
made for that."""

KIND = "api"


def after_evaluate(ctx):
    import comet_ml.integration.sklearn

    comet_ml.integration.sklearn.log_model(ctx.handle.native, "model", ctx.model)

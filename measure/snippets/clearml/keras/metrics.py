"""ClearML's Keras integration is documented to capture scalars such as loss and accuracy; in
the probe's run (Keras 3 on TensorFlow, no TensorBoard callback) the offline session held no
scalar from fit(). The user reports the loss and accuracy of each split with
Logger.report_scalar, ClearML's call for metrics: the ordinary API."""

KIND = "api"


def after_evaluate(ctx):
    logger = ctx.handle.native.get_logger()
    for split, values in ctx.metrics.items():
        for name, value in values.items():
            logger.report_scalar(name, split, value, 0)

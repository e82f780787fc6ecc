"""ClearML reports what Keras writes to TensorBoard, and nothing without a TensorBoard
callback; the user reports the test loss and accuracy from evaluate() with
Logger.report_scalar. Whether training and validation metrics were stored by default is read
back, not assumed: the ordinary API."""

KIND = "api"


def after_evaluate(ctx):
    logger = ctx.handle.native.get_logger()
    for split, values in ctx.metrics.items():
        for name, value in values.items():
            logger.report_scalar(name, split, value, 0)

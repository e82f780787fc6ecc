"""ClearML's scikit-learn binding captures no scores: the user reports the test score they
computed. In 2.1 anything beyond auto-logging is a workaround."""

KIND = "workaround"


def after_evaluate(ctx):
    ctx.handle.native.get_logger().report_scalar("score", "test", ctx.scores["test"], 0)

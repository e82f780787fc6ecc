"""aim.Image takes a matplotlib figure and Run.track stores it with the run: the ordinary API."""

KIND = "api"


def after_evaluate(ctx):
    from aim import Image

    ctx.handle.native.track(Image(ctx.figure), name="predictions")

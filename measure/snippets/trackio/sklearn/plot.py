"""trackio.Image is trackio's type for images; it takes a file, an array or a PIL image rather
than a Matplotlib figure, so the user saves the figure with Matplotlib's own savefig and logs
that file: the ordinary API."""

KIND = "api"


def after_evaluate(ctx):
    from pathlib import Path

    import trackio

    path = Path(ctx.workdir) / "tmp" / "predictions.png"
    ctx.figure.savefig(path)
    trackio.log({"predictions": trackio.Image(str(path))})

"""Sacred's artifacts are the files a run produces, plots among them: the user saves the figure
with Matplotlib's savefig and adds the file: the ordinary API."""

KIND = "api"


def after_evaluate(ctx):
    from pathlib import Path

    path = Path(ctx.workdir) / "tmp" / "predictions.png"
    ctx.figure.savefig(path)
    ctx.tracker.experiment().add_artifact(str(path))

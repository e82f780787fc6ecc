"""W&B saves code only when asked (save_code, or run.log_code); run.log_code stores the user's
script as a code artifact in one call: the ordinary API. The user names the folder of their
script and keeps that one file (log_code's default keeps every .py file under the folder)."""

KIND = "api"


def after_evaluate(ctx):
    from pathlib import Path

    import wandb

    import __main__

    script = Path(__main__.__file__).resolve()
    wandb.run.log_code(
        root=str(script.parent), include_fn=lambda path, root=None: Path(path) == script
    )

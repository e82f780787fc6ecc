"""MLflow keeps no description of the machine a run ran on (its system metrics are usage over
time, not hardware), so the user collects one and stores it as tags: a workaround."""

KIND = "workaround"


def after_evaluate(ctx):
    import os
    import platform

    import mlflow

    mlflow.set_tags(
        {
            "system.platform": platform.platform(),
            "system.machine": platform.machine(),
            "system.cpu_count": os.cpu_count(),
            "system.python": platform.python_version(),
        }
    )

"""DVCLive keeps no description of the machine (its optional system monitor records usage over
time), so the user collects one and stores it as parameters: a workaround."""

KIND = "workaround"


def after_evaluate(ctx):
    import os
    import platform

    ctx.handle.native.log_params(
        {
            "system": {
                "platform": platform.platform(),
                "release": platform.release(),
                "machine": platform.machine(),
                "cpu_count": os.cpu_count(),
                "python": platform.python_version(),
            }
        }
    )

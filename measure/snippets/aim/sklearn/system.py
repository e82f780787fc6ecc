"""Aim records resource usage over time (CPU, memory, disk percentages), not what the machine
is: the user collects a description and stores it as run attributes: a workaround."""

KIND = "workaround"


def after_evaluate(ctx):
    import os
    import platform

    ctx.handle.native["system"] = {
        "platform": platform.platform(),
        "release": platform.release(),
        "machine": platform.machine(),
        "cpu_count": os.cpu_count(),
        "python": platform.python_version(),
    }

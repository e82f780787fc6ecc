"""An offline session keeps no description of the machine (the resource monitor reports usage
over time), so the user collects one and connects it as a parameter section: a workaround."""

KIND = "workaround"


def after_evaluate(ctx):
    import os
    import platform

    system = {
        "platform": platform.platform(),
        "release": platform.release(),
        "machine": platform.machine(),
        "cpu_count": os.cpu_count(),
        "python": platform.python_version(),
    }
    ctx.handle.native.connect(system, name="System")

"""trackio samples CPU and memory use every ten seconds (with the CPU count and memory size)
but records no operating system: the user describes the machine in the run's config,
followed by a logged step so that trackio writes it: a workaround."""

KIND = "workaround"


def after_evaluate(ctx):
    import os
    import platform

    import trackio

    trackio.config.update(
        {
            "system.platform": platform.platform(),
            "system.machine": platform.machine(),
            "system.cpu_count": os.cpu_count(),
            "system.python": platform.python_version(),
        }
    )
    trackio.log({})

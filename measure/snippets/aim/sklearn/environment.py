"""aim.Run(log_system_params=True) stores the installed packages and the environment variables
(less those that look like secrets) under __system_params; the default is off. The probe opens
the run before a snippet runs, so this one writes what the option writes, with Aim's own
helpers: the option is one argument of the ordinary API."""

KIND = "api"


def after_evaluate(ctx):
    from aim.ext.utils import get_environment_variables, get_installed_packages

    ctx.handle.native["__system_params"] = {
        "packages": get_installed_packages(),
        "env_variables": get_environment_variables(),
    }

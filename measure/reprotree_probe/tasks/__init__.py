"""The study's machine-learning tasks, written once and run under every tracker."""

"""Python probes behind `reprotree measure`.

Each probe runs one of the study's experiments (Section 2) against one tracker, reads back what
the tracker stored from the tracker's own storage, and writes records in the raw format of
docs/measurements.md. Nothing here knows what any tracker is expected to store.
"""

FORMAT = "reprotree-measurements/1"

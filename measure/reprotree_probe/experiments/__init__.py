"""The study's experiments (Section 2), each turning runs and read-backs into records."""

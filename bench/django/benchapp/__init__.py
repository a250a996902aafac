"""The Django app of the benchmark's models (see models.py)."""

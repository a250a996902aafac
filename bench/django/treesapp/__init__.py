"""The Django app of the trees benchmark's peer models (see models.py)."""

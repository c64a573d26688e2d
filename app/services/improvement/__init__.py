"""Continuous improvement (持续改进): corrective actions from the causes complaints reveal,
their measured effect, training given, and early warnings that cases are piling up."""

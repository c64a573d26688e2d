"""The analysis view (统计分析)."""

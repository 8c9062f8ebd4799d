"""我的参保方案: the plan at the end of the journey (issue 23)."""

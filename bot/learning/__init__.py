"""Learning that adapts: the group's plan, spaced review, practice levels, progress, recaps."""

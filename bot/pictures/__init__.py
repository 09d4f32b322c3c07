"""Pictures: pure functions from authored or recorded data to PNG bytes, run in the workers.

The math card typesets a problem statement (ziamath to SVG, resvg to PNG); the streak
calendar and the leaderboard chart are drawn with Pillow. Learner text never gets here.
"""

VERSION = 1  # part of every cache key: bump it when any picture changes

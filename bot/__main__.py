"""`python -m bot` runs the studybot command."""

import sys

from bot.cli import main

sys.exit(main())

"""Imported by the workers' fork server: the math font is read once, not per worker."""

from bot.pictures.draw import warm

warm()

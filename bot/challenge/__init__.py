"""The daily challenge: what members do with the problem of the day."""

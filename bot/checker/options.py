"""The per-problem checker options, validated without sympy: the bot process checks them too."""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from bot.checker.errors import AuthorError
from bot.checker.forms import FORMS

DEFAULT_TOLERANCE = 1e-3


@dataclass(frozen=True, slots=True)
class Options:
    """The per-problem options an author can set."""

    tolerance: float = DEFAULT_TOLERANCE
    form: str | None = None
    up_to_constant: bool = False
    variables: tuple[str, ...] = ()

    @classmethod
    def from_mapping(cls, options: Mapping[str, object]) -> Options:
        """Validated options; unknown names or bad values raise AuthorError (a ValueError)."""
        unknown = set(options) - {"tolerance", "form", "up_to_constant", "variables"}
        if unknown:
            raise AuthorError(
                f"unknown checker option(s): {', '.join(sorted(unknown))}; "
                "use tolerance, form, up_to_constant or variables"
            )
        tolerance = options.get("tolerance", DEFAULT_TOLERANCE)
        if tolerance is None:
            tolerance = DEFAULT_TOLERANCE
        if (
            isinstance(tolerance, bool)
            or not isinstance(tolerance, int | float)
            or not math.isfinite(tolerance)
            or not 0 <= tolerance < 1
        ):
            raise AuthorError(f"tolerance must be a number in [0, 1), not {tolerance!r}")
        form = options.get("form")
        if form is not None and form not in FORMS:
            raise AuthorError(f"form must be one of {', '.join(FORMS)}, not {form!r}")
        variables = options.get("variables") or ()
        if (
            isinstance(variables, str)
            or not isinstance(variables, Sequence)
            or not all(isinstance(v, str) and v for v in variables)
        ):
            raise AuthorError(f"variables must be a list of names, not {variables!r}")
        up_to_constant = options.get("up_to_constant", False)
        if not isinstance(up_to_constant, bool):
            raise AuthorError(f"up_to_constant must be true or false, not {up_to_constant!r}")
        return cls(float(tolerance), form, up_to_constant, tuple(variables))

"""The registered templates for generated variants, one module per group of topics."""

from __future__ import annotations

from bot.problems.model import Template
from bot.problems.templates import (
    backprop,
    calculus,
    distributions,
    estimation,
    information,
    landscape,
    linear_algebra,
    modelling,
    multivariable,
    optimizers,
    probability,
    spectral,
    statistics,
)

TEMPLATES: tuple[Template, ...] = (
    *linear_algebra.TEMPLATES,
    *spectral.TEMPLATES,
    *calculus.TEMPLATES,
    *multivariable.TEMPLATES,
    *backprop.TEMPLATES,
    *optimizers.TEMPLATES,
    *landscape.TEMPLATES,
    *probability.TEMPLATES,
    *distributions.TEMPLATES,
    *estimation.TEMPLATES,
    *statistics.TEMPLATES,
    *modelling.TEMPLATES,
    *information.TEMPLATES,
)

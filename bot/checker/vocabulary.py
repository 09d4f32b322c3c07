# ruff: noqa: RUF001 (the unicode math symbols in these tables are meant)
"""The whitelist: the only functions, constants, names and keywords an answer may use."""

from __future__ import annotations

import re

# fmt: off
# Spelling -> canonical function name. Nothing outside this table can be called.
FUNCTIONS: dict[str, str] = {
    "sin": "sin", "cos": "cos", "tan": "tan", "cot": "cot", "sec": "sec", "csc": "csc",
    "cosec": "csc", "asin": "asin", "arcsin": "asin", "acos": "acos", "arccos": "acos",
    "atan": "atan", "arctan": "atan", "sinh": "sinh", "cosh": "cosh", "tanh": "tanh",
    "exp": "exp", "ln": "log", "log": "log", "sqrt": "sqrt", "cbrt": "cbrt", "root": "root",
    "abs": "abs", "floor": "floor", "ceil": "ceil", "sign": "sign", "sgn": "sign",
    "erf": "erf", "binomial": "binomial", "choose": "binomial", "sigmoid": "sigmoid",
    "factorial": "factorial",
}
# fmt: on
# How many arguments each function takes (log takes an optional base).
ARITY: dict[str, tuple[int, ...]] = {name: (1,) for name in set(FUNCTIONS.values())}
ARITY.update({"log": (1, 2), "root": (2,), "binomial": (2,)})
# sin^-1 x means arcsin x.
INVERSES = {"sin": "asin", "cos": "acos", "tan": "atan"}

# Spelling -> canonical constant (i is the imaginary unit unless the problem uses i).
CONSTANTS: dict[str, str] = {
    "pi": "pi", "e": "e", "oo": "oo", "inf": "oo", "infinity": "oo", "i": "i",
}  # fmt: skip
# fmt: off
GREEK = (
    "alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta", "kappa", "lambda",
    "mu", "nu", "rho", "sigma", "tau", "phi", "chi", "psi", "omega",
)
GREEK_LETTERS: dict[str, str] = {
    "α": "alpha", "β": "beta", "γ": "gamma", "δ": "delta", "ε": "epsilon", "ζ": "zeta",
    "η": "eta", "θ": "theta", "κ": "kappa", "λ": "lambda", "μ": "mu", "ν": "nu", "ρ": "rho",
    "σ": "sigma", "τ": "tau", "φ": "phi", "ϕ": "phi", "χ": "chi", "ψ": "psi", "ω": "omega",
    "π": "pi",
}
# fmt: on
GREEK_SYMBOL = {name: letter for letter, name in GREEK_LETTERS.items() if name != "pi"}

# Keyword answers, matched as whole phrases (case-insensitive) -> canonical keyword.
KEYWORD_PHRASES: list[tuple[re.Pattern[str], str]] = [
    (re.compile(pattern, re.IGNORECASE), word)
    for pattern, word in [
        (r"does\s*n[o']?t\s+exists?\b", "dne"),
        (r"dne\b", "dne"),
        (r"d\.\s?n\.\s?e\b\.?", "dne"),
        (r"undefined\b", "dne"),
        (r"no\s+(?:real\s+)?(?:solutions?|roots?|zeros?)\b", "none"),
        (r"there\s+(?:is|are)\s+no\s+(?:real\s+)?(?:solutions?|roots?|zeros?)\b", "none"),
        (r"none\b", "none"),
        (r"(?:the\s+)?empty(?:\s+set)?\b", "none"),
        (r"all\s+real(?:\s+numbers|s)?\b", "reals"),
        (r"infinitely\s+many(?:\s+solutions)?\b", "infinite"),
    ]
]
KEYWORD_NAMES = {
    "dne": "DNE", "none": "none", "reals": "all real numbers", "infinite": "infinitely many",
}  # fmt: skip

# Names a learner may add for the constant of integration when the problem allows one.
INTEGRATION_CONSTANTS = frozenset({"C", "c", "K", "k", "C1", "C_1"})

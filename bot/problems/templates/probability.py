"""Templates for probability: counting, unions, conditional tables, Bayes and Naive Bayes."""

from __future__ import annotations

import random
from typing import Any

import sympy

from bot.problems.format import dec
from bot.problems.model import Template, WrongAnswer
from bot.problems.templates.common import approx, ratio

R = sympy.Rational
_SIDES = (4, 6, 8, 10, 12)


def _dice(rng: random.Random) -> dict[str, Any]:
    while True:
        m1, m2 = rng.choice(_SIDES), rng.choice(_SIDES)
        relation, test = rng.choice(
            [
                ("exactly", lambda total, s: total == s),
                ("at least", lambda total, s: total >= s),
                ("at most", lambda total, s: total <= s),
            ]
        )
        s = rng.randint(3, m1 + m2 - 1)
        hits = sum(1 for i in range(1, m1 + 1) for j in range(1, m2 + 1) if test(i + j, s))
        if 0 < hits < m1 * m2:
            break
    return {
        "m1": m1,
        "m2": m2,
        "relation": relation,
        "s": s,
        "total": m1 * m2,
        "hits": hits,
        "ratio": ratio(hits, m1 * m2),
        "answer": R(hits, m1 * m2),
    }


DICE = Template(
    id="dice-sum-probability",
    topics=("probability-basics",),
    difficulty=1,
    kind="number",
    statement=(
        "You roll a fair {m1}-sided die and a fair {m2}-sided die (faces numbered from 1). "
        "What is the probability that the sum is {relation} {s}? Enter an exact fraction."
    ),
    hints=(
        "All ordered pairs of faces are equally likely: count them.",
        "There are ${m1} \\times {m2} = {total}$ pairs; count the ones whose sum is "
        "{relation} {s}.",
        "{hits} pairs qualify.",
    ),
    solution=(
        "There are {total} equally likely ordered pairs, and {hits} of them have a sum "
        "{relation} {s}.\n\nThe probability is ${ratio}$."
    ),
    why_ml="Counting equally likely outcomes is where probability starts, and it is how "
    "you sanity-check a simulation.",
    make=_dice,
)


def _union(rng: random.Random) -> dict[str, Any]:
    while True:
        a, b = R(rng.randint(2, 16), 20), R(rng.randint(2, 16), 20)
        both = R(rng.randint(1, 10), 20)
        if both < min(a, b) and a + b - both <= 1:
            break
    return {
        "a": dec(a),
        "b": dec(b),
        "both": dec(both),
        "result": dec(a + b - both),
        "wrong": a + b,
        "answer": a + b - both,
    }


UNION = Template(
    id="union-of-events",
    topics=("probability-basics",),
    difficulty=1,
    kind="number",
    statement=(
        "A user clicks an ad with probability $P(A) = {a}$, buys something with probability "
        "$P(B) = {b}$, and does both with probability $P(A \\cap B) = {both}$. What is the "
        "probability that the user clicks or buys (or both)? Enter an exact number."
    ),
    hints=(
        "Adding $P(A)$ and $P(B)$ counts the users who do both twice.",
        "Inclusion-exclusion: $P(A \\cup B) = P(A) + P(B) - P(A \\cap B)$.",
        "Compute ${a} + {b} - {both}$.",
    ),
    solution="$P(A \\cup B) = P(A) + P(B) - P(A \\cap B) = {a} + {b} - {both} = {result}$.",
    why_ml="Probabilities of combined events appear in every evaluation metric built from "
    "overlapping predictions.",
    make=_union,
    wrong_answers=(
        WrongAnswer("{wrong}", "The overlap is counted twice: subtract $P(A \\cap B)$ once."),
    ),
)


def _conditional_table(rng: random.Random) -> dict[str, Any]:
    while True:
        tp, fn, fp, tn = (rng.randint(3, 60) for _ in range(4))
        precision, recall = R(tp, tp + fp), R(tp, tp + fn)
        if precision != recall:
            break
    ask_precision = rng.random() < 0.5
    return {
        "tp": tp,
        "fn": fn,
        "fp": fp,
        "tn": tn,
        "question": "an email that was flagged is spam"
        if ask_precision
        else "a spam email gets flagged",
        "given": "flagged" if ask_precision else "spam",
        "denominator": f"{tp} + {fp}" if ask_precision else f"{tp} + {fn}",
        "wrong": recall if ask_precision else precision,
        "answer": precision if ask_precision else recall,
    }


CONDITIONAL_TABLE = Template(
    id="spam-filter-table-conditional",
    topics=("conditional-probability",),
    difficulty=1,
    kind="number",
    statement=(
        "A spam filter was tested on labelled emails:\n\n"
        "- spam and flagged: {tp}\n- spam but not flagged: {fn}\n"
        "- not spam but flagged: {fp}\n- not spam and not flagged: {tn}\n\n"
        "Estimate the probability that {question}. Enter an exact fraction."
    ),
    hints=(
        "A conditional probability restricts attention to the emails that satisfy the condition.",
        "Keep only the emails that are {given}, and count what fraction of them also have "
        "the other property.",
        "The denominator is ${denominator}$.",
    ),
    solution=(
        "Among the ${denominator}$ emails that are {given}, {tp} are both spam and flagged, "
        "so the estimate is ${tp}/({denominator}) = {answer}$."
    ),
    why_ml="Precision is P(spam | flagged) and recall is P(flagged | spam): the same table, "
    "two different conditional probabilities.",
    make=_conditional_table,
    wrong_answers=(
        WrongAnswer(
            "{wrong}",
            "You conditioned on the other event: $P(A \\mid B)$ and $P(B \\mid A)$ differ.",
        ),
    ),
)


def _bayes(rng: random.Random) -> dict[str, Any]:
    while True:
        prior = R(rng.choice([1, 2, 5, 10, 20, 50, 100]), 1000)
        sens = R(rng.randint(70, 99), 100)
        fpr = R(rng.randint(1, 10), 100)
        evidence = sens * prior + fpr * (1 - prior)
        posterior = sens * prior / evidence
        if posterior != sens:
            break
    return {
        "prior": dec(prior),
        "sens": dec(sens),
        "fpr": dec(fpr),
        "tp": dec(sens * prior),
        "fp": dec(fpr * (1 - prior)),
        "evidence": dec(evidence),
        "approx": approx(posterior),
        "wrong": sens,
        "answer": posterior,
    }


BAYES = Template(
    id="bayes-base-rate",
    topics=("bayes-theorem", "conditional-probability"),
    difficulty=2,
    kind="number",
    statement=(
        "A condition affects {prior} of a population. A test detects it with probability "
        "{sens} (sensitivity) and gives a false positive with probability {fpr}. Someone "
        "tests positive. What is the probability that they have the condition? "
        "Enter a fraction or a decimal to 3 significant figures."
    ),
    hints=(
        "You want $P(\\text{{condition}} \\mid +)$, not $P(+ \\mid \\text{{condition}})$.",
        "Bayes: $P(C \\mid +) = P(+ \\mid C) P(C) / P(+)$, with "
        "$P(+) = P(+ \\mid C) P(C) + P(+ \\mid \\neg C) P(\\neg C)$.",
        "True positives: ${sens} \\cdot {prior} = {tp}$; false positives: "
        "${fpr} \\cdot (1 - {prior}) = {fp}$.",
    ),
    solution=(
        "$P(+) = {sens} \\cdot {prior} + {fpr} \\cdot (1 - {prior}) = {tp} + {fp} = "
        "{evidence}$.\n\n"
        "$P(C \\mid +) = {tp} / {evidence} = {answer} \\approx {approx}$.\n\n"
        "With a rare condition most positives are false positives, even for a good test."
    ),
    why_ml="Base rates decide what a classifier's positive prediction is worth: precision "
    "collapses when positives are rare.",
    make=_bayes,
    wrong_answers=(
        WrongAnswer(
            "{wrong}",
            "That is the sensitivity, $P(+ \\mid C)$. Bayes' theorem turns it around and "
            "brings in the base rate.",
        ),
    ),
)


def _naive_bayes(rng: random.Random) -> dict[str, Any]:
    prior = R(rng.choice([2, 3, 4, 6, 7, 8]), 10)
    a1, a2 = R(rng.randint(3, 9), 10), R(rng.randint(3, 9), 10)
    b1, b2 = R(rng.randint(1, 20), 100), R(rng.randint(1, 20), 100)
    spam = prior * a1 * a2
    ham = (1 - prior) * b1 * b2
    return {
        "prior": dec(prior),
        "ham_prior": dec(1 - prior),
        "a1": dec(a1),
        "a2": dec(a2),
        "b1": dec(b1),
        "b2": dec(b2),
        "spam": dec(spam),
        "ham": dec(ham),
        "approx": approx(spam / (spam + ham)),
        "wrong": a1 * a2 / (a1 * a2 + b1 * b2),
        "answer": spam / (spam + ham),
    }


NAIVE_BAYES = Template(
    id="two-word-naive-bayes",
    topics=("naive-bayes", "bayes-theorem"),
    difficulty=3,
    kind="number",
    statement=(
        "A Naive Bayes spam filter has $P(\\text{{spam}}) = {prior}$. The word 'free' appears "
        "in spam with probability {a1} and in other mail with probability {b1}; the word "
        "'winner' with probabilities {a2} and {b2}. An email contains both words. What is "
        "$P(\\text{{spam}} \\mid \\text{{free, winner}})$? Enter a decimal to 3 significant "
        "figures."
    ),
    hints=(
        "Naive Bayes assumes the words are independent given the class, so their "
        "likelihoods multiply.",
        "Score each class: prior $\\times$ likelihood of 'free' $\\times$ likelihood of "
        "'winner'; then normalize so the two scores add up to 1.",
        "Spam score: ${prior} \\cdot {a1} \\cdot {a2} = {spam}$.",
    ),
    solution=(
        "Spam: ${prior} \\cdot {a1} \\cdot {a2} = {spam}$. "
        "Not spam: ${ham_prior} \\cdot {b1} \\cdot {b2} = {ham}$.\n\n"
        "$P(\\text{{spam}} \\mid \\text{{free, winner}}) = {spam} / ({spam} + {ham}) "
        "\\approx {approx}$."
    ),
    why_ml="Naive Bayes is a strong, fast baseline for text classification, and the "
    "original spam filter.",
    make=_naive_bayes,
    wrong_answers=(
        WrongAnswer(
            "{wrong}",
            "You left out the prior: multiply each class's likelihoods by $P(\\text{{class}})$.",
        ),
    ),
)


TEMPLATES: tuple[Template, ...] = (
    DICE,
    UNION,
    CONDITIONAL_TABLE,
    BAYES,
    NAIVE_BAYES,
)

from bot.problems import TEMPLATES, generate
from bot.problems.pick import Bank
from bot.problems.snapshot import from_json, to_json


def test_round_trip(bank: Bank) -> None:
    for problem in bank.problems.values():
        restored = from_json(to_json(problem))
        assert restored == problem.__class__(**{**problem.__dict__, "source": ""})


def test_round_trip_of_a_variant_keeps_options_and_mistakes() -> None:
    variant = generate(TEMPLATES[5], 7)
    restored = from_json(to_json(variant))
    assert (restored.answer, restored.wrong_answers, dict(restored.options)) == (
        variant.answer,
        variant.wrong_answers,
        dict(variant.options),
    )

import math
import random

from bot.learning.ability import (
    Rating,
    choose,
    expected,
    explain,
    item_seed,
    learner_seed,
    update,
)

TOPICS = ("vectors", "derivatives", "bayes", "gradients")
LEARNERS, DAYS, PER_DAY = 200, 60, 2


def test_two_hundred_learners_over_sixty_days() -> None:
    """Synthetic learners with hidden true abilities practise with the model choosing items."""
    rng = random.Random(2026)
    # 20 items per topic and level; each item's true difficulty scatters around its level.
    items = [
        (f"{topic}-{level}-{n}", topic, level, level - 2 + rng.gauss(0, 0.5))
        for topic in TOPICS
        for level in (1, 2, 3)
        for n in range(20)
    ]
    known = {item_id: item_seed(level) for item_id, _, level, _ in items}
    predictions: list[tuple[float, bool]] = []
    success: list[float] = []
    first_half_levels, second_half_levels = [], []
    rising, falling = [], []
    for learner in range(LEARNERS):
        true = {t: rng.gauss(0.3, 0.9) for t in TOPICS}
        gain = rng.uniform(0.0, 0.03)  # some learn as they practise
        ability: dict[str, Rating] = {}
        seen: set[str] = set()
        results = []
        levels = []
        for day in range(DAYS):
            for _ in range(PER_DAY):
                topic = TOPICS[(day + learner) % len(TOPICS)]
                fresh = [(i, t, known[i]) for i, t, _, _ in items if t == topic and i not in seen]
                chosen, chance = choose(ability, fresh, rng)
                seen.add(chosen)
                _, _, level, difficulty = next(x for x in items if x[0] == chosen)
                solved = rng.random() < expected(true[topic], difficulty)
                predictions.append((chance, solved))
                results.append(solved)
                levels.append(level)
                ability[topic], known[chosen] = update(
                    ability.get(topic, learner_seed()), known[chosen], solved
                )
                true[topic] += gain
        success.append(sum(results[10:]) / len(results[10:]))  # after a few to find the level
        half = len(levels) // 2
        first_half_levels.append(sum(levels[:half]) / half)
        second_half_levels.append(sum(levels[half:]) / (len(levels) - half))
        if gain > 0.02:
            rising.append(second_half_levels[-1] - first_half_levels[-1])
        if gain < 0.005:
            falling.append(second_half_levels[-1] - first_half_levels[-1])
    outcomes = [s for _, s in predictions]
    base = sum(outcomes) / len(outcomes)  # the best constant, known in hindsight

    def log_loss(ps: list[float]) -> float:
        return -sum(math.log(p if s else 1 - p) for p, s in zip(ps, outcomes, strict=True)) / len(
            ps
        )

    model = log_loss([p for p, _ in predictions])
    constant = log_loss([base] * len(outcomes))
    print(f"log loss: model {model:.4f}, constant {constant:.4f}; success {base:.3f}")
    assert model < constant
    within = sum(0.65 <= s <= 0.85 for s in success) / LEARNERS
    print(f"learners with practice success in [0.65, 0.85]: {within:.0%}")
    assert within > 0.6
    assert sum(rising) / len(rising) > 0.2  # learners who improve get harder problems


def test_practice_difficulty_rises_for_a_solver_and_falls_for_a_struggler() -> None:
    items = [(f"i{n}", "t", item_seed(1 + n % 3)) for n in range(30)]
    ability: dict[str, Rating] = {}
    levels = []
    for solves in [True] * 10 + [False] * 12:  # a run of solves, then a run of misses
        chosen, _ = choose(ability, items, random.Random(1), slack=0)
        levels.append(int(chosen[1:]) % 3 + 1)
        ability["t"], _ = update(ability.get("t", learner_seed()), item_seed(2), solves)
    assert levels[0] == 1 and max(levels[:11]) == 3 and levels[-1] == 1, levels


def test_new_learner_aims_near_three_in_four_and_explains() -> None:
    chance = expected(learner_seed().value, item_seed(1).value)
    assert abs(chance - 0.75) < 1e-9
    assert explain(0.74, 2, 1).startswith("A step up from your last one")
    assert explain(0.74, 1, 2).startswith("A step back")
    assert "74%" in explain(0.74, 1, None)

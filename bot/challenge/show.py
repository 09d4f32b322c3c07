"""How a problem looks in a reply: statement, topic, difficulty and how to answer."""

from __future__ import annotations

from bot.content import Catalog
from bot.messages import Field
from bot.problems.model import Problem

HOW_TO_ANSWER = {
    "number": "`/answer 3/4`: an exact value or a decimal to 3 significant figures",
    "expression": "`/answer 2x cos(x^2)`: write it as you would on paper",
    "vector": "`/answer [1, -2, 3]`",
    "matrix": "`/answer [[1, 2], [3, 4]]`: a list of rows",
    "set": "`/answer {1, 2}`: in any order",
    "interval": "`/answer (0, 1]` or `/answer x > 0`",
    "solutions": "`/answer x = 3 or x = -3`",
    "tuple": "`/answer (1, 2)`: in the order the problem asks",
    "keyword": "`/answer DNE` or `/answer none`",
}


def stars(difficulty: int) -> str:
    """Difficulty as ★★☆."""
    return "★" * difficulty + "☆" * (3 - difficulty)


def problem_fields(catalog: Catalog, problem: Problem) -> tuple[Field, ...]:
    """Topic, difficulty and how to answer, as reply fields."""
    topic = catalog.topics.get(problem.topic)
    return (
        Field("Topic", topic.name if topic else problem.topic, inline=True),
        Field("Difficulty", stars(problem.difficulty), inline=True),
        Field("How to answer", HOW_TO_ANSWER.get(problem.kind, "`/answer ...`")),
    )

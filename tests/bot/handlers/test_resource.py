from bot.core import Core
from bot.messages import Tone
from tests.conftest import make_request


def _titles(reply) -> list[str]:  # type: ignore[no-untyped-def]
    return [f.name.split(" ", 1)[1] for f in reply.fields]


async def test_topic_resources_direct_hits_first_then_rating(core: Core) -> None:
    reply = await core.handle(make_request("resource", "gradients"))
    assert reply.title == "Resources for Gradients"
    assert _titles(reply) == ["Cheap Guide to Slopes", "The Big Textbook"]


async def test_area_resources_by_rating_then_breadth(core: Core) -> None:
    reply = await core.handle(make_request("resource", "algebra"))
    assert _titles(reply) == ["Picture Book of Vectors", "The Big Textbook", "Mystery Course"]


async def test_all_resources_without_a_topic(core: Core) -> None:
    reply = await core.handle(make_request("resource"))
    assert len(reply.fields) == 4
    assert reply.fields[0].name == "★★★★★ Picture Book of Vectors"


async def test_filters(core: Core) -> None:
    free = await core.handle(make_request("resource", "cost:free"))
    assert _titles(free) == ["Picture Book of Vectors"]
    books = await core.handle(make_request("resource", "format:book"))
    assert _titles(books) == ["The Big Textbook", "Cheap Guide to Slopes"]
    cheap = await core.handle(make_request("resource", "max:$30"))
    assert _titles(cheap) == ["Picture Book of Vectors", "Cheap Guide to Slopes"]
    assert "1 paid resources without a listed price left out" in cheap.footer


async def test_resource_details(core: Core) -> None:
    reply = await core.handle(make_request("resource", "algebra cost:paid"))
    book = reply.fields[0]
    assert book.name == "★★★★☆ The Big Textbook"
    assert book.value.splitlines()[0] == (
        "book · about $60 · advanced · B. Author, C. Author (Example Press)"
    )
    assert "For: Learners who like proofs." in book.value


async def test_links_become_buttons(core: Core) -> None:
    reply = await core.handle(make_request("resource", "vectors"))
    assert [(b.label, b.url) for b in reply.buttons] == [
        ("Picture Book of Vectors", "https://example.org/pictures")
    ]


async def test_nothing_matches_suggests_fewer_filters(core: Core) -> None:
    reply = await core.handle(make_request("resource", "eigenvalues cost:free"))
    assert reply.tone is Tone.WARNING
    assert reply.title == "No resources for Eigenvalues and eigenvectors with cost:free"
    assert "`/resource eigenvalues`" in reply.body


async def test_unknown_topic(core: Core) -> None:
    reply = await core.handle(make_request("resource", "astrology"))
    assert reply.title == "Topic not found" and reply.private

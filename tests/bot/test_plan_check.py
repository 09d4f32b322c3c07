"""The plan rules of the content check, on the real content and on broken copies of it."""

from dataclasses import replace

from bot.content import content_dir, load_catalog
from bot.plan_check import check_plans


def test_real_tracks_pass_the_plan_rules() -> None:
    assert check_plans(load_catalog(content_dir())) == []


def test_cross_entropy_far_after_maximum_likelihood_is_reported() -> None:
    catalog = load_catalog(content_dir())
    track = catalog.roadmaps["research"]
    steps = [s for s in track.steps if s.topic != "cross-entropy-kl"]
    steps += [s for s in track.steps if s.topic == "cross-entropy-kl"]
    catalog.roadmaps["research"] = replace(track, steps=tuple(steps))
    errors = check_plans(catalog)
    assert errors and all(e.file == "roadmaps/research.yaml" for e in errors)
    assert "'cross-entropy-kl' starts in week" in errors[0].message
    assert "within 2 weeks after 'maximum-likelihood'" in errors[0].message

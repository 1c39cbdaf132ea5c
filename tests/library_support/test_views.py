"""The table and timeline views: well-formed SVG, one dot per release, picks labelled."""

import xml.etree.ElementTree as ElementTree
from datetime import date

from library_support import PYMEMCACHE_RELEASES, policy
from library_support.views import picks_table, timeline

SVG = "{http://www.w3.org/2000/svg}"


def test_timeline_draws_each_release_and_labels_the_picks():
    history = policy.load(PYMEMCACHE_RELEASES)
    day = date(2021, 8, 1)
    picks = policy.select(history, day)
    svg = ElementTree.fromstring(timeline(history, picks, as_of=day)._repr_svg_())
    dots = [dot for dot in svg.findall(f"{SVG}circle") if dot.find(f"{SVG}title") is not None]
    assert len(dots) == len([r for r in history.releases if r.released <= day])
    labels = {text.text for text in svg.findall(f"{SVG}text")}
    assert {str(pick.version) for pick in picks} <= labels
    assert "3.5.1" not in labels  # released after that day


def test_text_forms_name_every_pick():
    history = policy.load(PYMEMCACHE_RELEASES)
    picks = policy.select(history)
    text = repr(timeline(history, picks)) + repr(picks_table(picks))
    for pick in picks:
        assert str(pick.version) in text
    assert "legacy" not in text

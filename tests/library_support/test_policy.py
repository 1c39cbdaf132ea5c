"""The version-support policy, rule by rule, on small made-up histories and on pymemcache's."""

from datetime import date

import pytest
from packaging.version import Version

from library_support import PYMEMCACHE_RELEASES
from library_support.policy import (
    PythonSupport, Release, ReleaseHistory, declared_range, load, select, two_years_before, unclaimed_tests,
    untested_claims, versions_for_python,
)

AS_OF = date(2026, 6, 1)  # window: 2024-06-01 .. 2026-06-01


def history(releases, support=None, retrieved=AS_OF):
    return ReleaseHistory("example", retrieved, "made up for a test",
                          tuple(Release(Version(v), date.fromisoformat(d)) for v, d in releases),
                          support or {})


def picked(hist, as_of=AS_OF):
    return {str(pick.version): [reason.rule for reason in pick.reasons]
            for pick in select(hist, as_of)}


def test_oldest_and_latest_minor_of_the_latest_major_as_their_latest_patches():
    hist = history([("5.0.0", "2023-01-10"),                       # 5.0: outside the window
                    ("5.1.0", "2024-07-01"), ("5.1.3", "2025-01-01"),
                    ("5.2.0", "2025-06-01"), ("5.3.0", "2026-01-01"), ("5.3.1", "2026-03-01")])
    chosen = picked(hist)
    assert list(chosen) == ["5.3.1", "5.1.3"]
    assert "latest minor of the latest major" in chosen["5.3.1"][0]
    assert "oldest minor" in chosen["5.1.3"][0]


def test_one_minor_in_the_window_is_both_oldest_and_latest():
    chosen = picked(history([("4.9.0", "2020-01-01"), ("5.0.0", "2025-01-01")]))
    assert list(chosen) == ["5.0.0"] and len(chosen["5.0.0"]) == 2


def test_earlier_majors_count_only_within_two_years():
    hist = history([("2.4.0", "2023-12-31"),                        # major 2: too old
                    ("3.8.0", "2024-01-01"), ("3.9.2", "2024-08-01"),  # major 3: in the window
                    ("4.0.0", "2025-05-01")])
    chosen = picked(hist)
    assert list(chosen) == ["4.0.0", "3.9.2"]
    assert "earlier major (3.x)" in chosen["3.9.2"][0]


def test_nothing_new_in_two_years_means_the_latest_release():
    hist = history([("1.0.0", "2019-01-01"), ("2.0.0", "2021-01-01"), ("1.9.9", "2022-01-01")])
    # The latest release by version: a late 1.x backport does not outrank 2.0.0.
    assert picked(hist) == {"2.0.0": [
        "nothing released in the last two years: the latest release"]}


def test_the_window_starts_exactly_two_years_before():
    assert two_years_before(date(2026, 6, 1)) == date(2024, 6, 1)
    assert two_years_before(date(2024, 2, 29)) == date(2022, 2, 28)
    edge = history([("1.0.0", "2020-01-01"), ("2.0.0", "2024-06-01")])
    assert "nothing released" not in picked(edge)["2.0.0"][0]
    just_out = history([("1.0.0", "2020-01-01"), ("2.0.0", "2024-05-31")])
    assert "nothing released" in picked(just_out)["2.0.0"][0]


def test_releases_after_the_date_and_pre_releases_do_not_exist_yet():
    hist = history([("1.0.0", "2025-01-01"), ("2.0.0rc1", "2025-02-01"), ("2.0.0", "2026-07-01")])
    assert list(picked(hist)) == ["1.0.0"]
    assert list(picked(hist, as_of=date(2026, 8, 1))) == ["2.0.0", "1.0.0"]
    with pytest.raises(ValueError, match="no release on or before 2024-01-01"):
        select(hist, date(2024, 1, 1))


def test_no_rule_for_legacy_pythons():
    # An earlier how-to (ddtrace 1.x and before) also tested, for Python 2.7, 3.5 and 3.6, the latest
    # minor known to support each (here 1.5.0 and 1.4.2). The current policy does not.
    hist = history(
        [("1.4.0", "2018-01-01"), ("1.4.2", "2018-06-01"), ("1.5.0", "2019-01-01"),
         ("2.0.0", "2020-01-01"), ("3.0.0", "2025-01-01")],
        {(1, 4): PythonSupport(None, ("2.7", "3.5", "3.6")),
         (1, 5): PythonSupport(None, ("2.7", "3.6")),
         (3, 0): PythonSupport(">=3.8", ())})
    assert list(picked(hist)) == ["3.0.0"]


def test_a_matrix_for_a_python_skips_versions_whose_requires_python_excludes_it():
    hist = history([("1.5.0", "2019-01-01"), ("3.0.0", "2025-01-01"), ("3.1.0", "2026-01-01")],
                   {(1, 5): PythonSupport(None, ("2.7",)), (3, 0): PythonSupport(">=3.12", ())})
    picks = select(hist, AS_OF)
    assert [str(p.version) for p in picks] == ["3.1.0", "3.0.0"]
    assert versions_for_python(hist, picks, "3.11") == [Version("3.1.0")]
    assert versions_for_python(hist, picks, "3.12") == [Version("3.1.0"), Version("3.0.0")]


def test_the_declared_range_starts_at_the_oldest_tested_version():
    assert declared_range([Version("4.0.0"), Version("3.5.2")]) == ">=3.5.2"
    assert declared_range([Version("4.0.0")]) == ">=4.0.0"
    with pytest.raises(ValueError, match="no tested version"):
        declared_range([])


def test_claims_and_tests_that_disagree():
    hist = history([("3.4.0", "2020-09-15"), ("3.5.2", "2022-04-01"), ("4.0.0", "2022-10-17"),
                    ("4.1.0", "2027-01-01")])           # after AS_OF: not claimed yet
    tested = [Version("4.0.0")]
    assert untested_claims(hist, ">=3.4", tested) == [Version("3.4.0"), Version("3.5.2")]
    assert untested_claims(hist, ">=4.0.0", tested) == []
    assert untested_claims(hist, ">=3.4", tested, as_of=date(2021, 1, 1)) == [Version("3.4.0")]
    assert unclaimed_tests(">=4.1", tested) == [Version("4.0.0")]
    assert unclaimed_tests(">=4.0.0", tested) == []


def test_pymemcache_as_of_the_data_retrieval_date():
    pymemcache = load(PYMEMCACHE_RELEASES)
    assert pymemcache.retrieved == date(2026, 11, 25)
    picks = select(pymemcache)  # defaults to the retrieval date
    assert picks == select(pymemcache, date(2026, 11, 25))
    assert picked(pymemcache, pymemcache.retrieved) == {
        "4.0.0": ["nothing released in the last two years: the latest release"],
    }
    assert versions_for_python(pymemcache, picks, "3.11") == [Version("4.0.0")]
    assert declared_range(versions_for_python(pymemcache, picks, "3.11")) == ">=4.0.0"


def test_pymemcache_shortly_after_4_0():
    pymemcache = load(PYMEMCACHE_RELEASES)
    picks = select(pymemcache, date(2022, 12, 1))
    assert versions_for_python(pymemcache, picks, "3.11") == [Version("4.0.0"), Version("3.5.2")]
    assert [[reason.rule for reason in pick.reasons] for pick in picks] == [
        ["oldest minor of the latest major (4.x) in the last two years", "latest minor of the latest major (4.x)"],
        ["latest minor of an earlier major (3.x) released in the last two years"]]


def test_a_file_that_is_not_a_release_history(tmp_path):
    with pytest.raises(ValueError, match="missing.json: not a release history"):
        load(tmp_path / "missing.json")
    broken = tmp_path / "broken.json"
    broken.write_text('{"package": "x", "releases": {"not a version": "2020-01-01"}}')
    with pytest.raises(ValueError, match="broken.json: not a release history"):
        load(broken)

"""Back/forward behave like a web browser."""

import pytest

from codetui.history import History


def test_empty_history_has_nothing_to_go_back_or_forward_to() -> None:
    h: History[str] = History()
    assert h.current is None
    assert h.back() is None and h.forward() is None
    assert not h.can_back and not h.can_forward


def test_back_and_forward_walk_the_visits() -> None:
    h: History[str] = History()
    for t in ("a", "b", "c"):
        h.visit(t)
    assert h.back() == "b"
    assert h.back() == "a"
    assert h.back() is None and h.current == "a"
    assert h.forward() == "b"
    assert h.forward() == "c"
    assert h.forward() is None and h.current == "c"


def test_new_visit_drops_forward_entries() -> None:
    h: History[str] = History()
    for t in ("a", "b", "c"):
        h.visit(t)
    h.back()
    h.back()
    h.visit("d")
    assert list(h) == ["a", "d"]
    assert not h.can_forward
    assert h.back() == "a"


def test_revisiting_the_current_item_does_not_duplicate_it() -> None:
    h: History[str] = History()
    h.visit("a")
    h.visit("a")
    assert list(h) == ["a"]


def test_limit_drops_the_oldest_entries() -> None:
    h: History[int] = History(limit=3)
    for i in range(5):
        h.visit(i)
    assert list(h) == [2, 3, 4]
    assert h.current == 4 and h.index == 2


def test_go_jumps_without_recording() -> None:
    h: History[str] = History()
    for t in ("a", "b", "c"):
        h.visit(t)
    assert h.go(0) == "a"
    assert list(h) == ["a", "b", "c"]
    assert h.forward() == "b"
    assert h.go(7) is None and h.current == "b"


def test_limit_must_be_positive() -> None:
    with pytest.raises(ValueError):
        History(limit=0)

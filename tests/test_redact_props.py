"""Properties of redaction that must hold for any text, not just our examples."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from codetui.redact import redact
from codetui.redact.spans import apply

FILLER = st.text(
    alphabet=st.characters(codec="utf-8", categories=("L", "N", "P", "Zs"), include_characters="\n"),
    max_size=60,
)
CLINICAL = st.sampled_from([
    "Metformin 500 mg BID.", "BP 128/82, HR 72.", "Pain 7/10.", "Dx E11.42.", "CPT 99213.",
    "NDC 0002-3227-30.", "History of Graves disease.", "Foley catheter placed.", "In 2019.",
])
DIGITS = st.integers(min_value=0, max_value=9).map(str)


@st.composite
def phi(draw: st.DrawFn) -> str:
    kind = draw(st.sampled_from(["ssn", "phone", "email", "date", "mrn", "ip"]))
    if kind == "ssn":
        area = draw(st.integers(1, 665).filter(lambda n: n != 0))
        dash = draw(st.sampled_from(["-", "\u2013", "\u2014", "\u2212"]))
        return f"{area:03d}{dash}{draw(st.integers(1, 99)):02d}{dash}{draw(st.integers(1, 9999)):04d}"
    if kind == "phone":
        return f"({draw(st.integers(201, 989))}) {draw(st.integers(200, 999))}-{draw(st.integers(0, 9999)):04d}"
    if kind == "email":
        user = draw(st.text(alphabet="abcdefghijklmnop", min_size=2, max_size=8))
        return f"{user}@example.org"
    if kind == "date":
        return f"{draw(st.integers(1, 12)):02d}/{draw(st.integers(1, 28)):02d}/{draw(st.integers(1900, 2030))}"
    if kind == "mrn":
        return f"MRN: {draw(st.integers(100000, 99999999))}"
    return ".".join(str(draw(st.integers(1, 254))) for _ in range(4))


def _outside_unchanged(text: str) -> None:
    result = redact(text)
    # the output is exactly the input with each reported span replaced by its placeholder
    assert apply(text, list(result.spans)) == result.text
    for a, b in zip(result.spans, result.spans[1:]):
        assert a.end <= b.start
    assert all(0 <= s.start < s.end <= len(text) for s in result.spans)


@settings(max_examples=200, deadline=None)
@given(FILLER)
def test_text_outside_spans_is_never_changed(text: str) -> None:
    _outside_unchanged(text)


@settings(max_examples=200, deadline=None)
@given(FILLER, phi(), CLINICAL, FILLER)
def test_phi_never_survives_and_clinical_stays(before: str, secret: str, clinical: str, after: str) -> None:
    text = f"{before} {secret} . {clinical} {after}"
    result = redact(text)
    value = secret.removeprefix("MRN: ")
    assert value not in result.text
    assert any(s.start <= text.index(value, len(before)) < s.end for s in result.spans)
    assert clinical in result.text
    _outside_unchanged(text)


@settings(max_examples=150, deadline=None)
@given(FILLER, phi(), FILLER)
def test_redacting_again_grows_nothing_back(before: str, secret: str, after: str) -> None:
    once = redact(f"{before} {secret} {after}").text
    twice = redact(once)
    assert twice.text.count("[") >= once.count("[")
    assert secret.removeprefix("MRN: ") not in twice.text
    # placeholders are never split or re-typed
    for s in twice.spans:
        assert "[" not in once[s.start:s.end] and "]" not in once[s.start:s.end]

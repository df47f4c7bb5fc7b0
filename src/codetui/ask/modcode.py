"""Answers about a modifier *on a code*: "does 71046 need 26", "pc/tc 71046", "J9045 with JW".

Whether a modifier fits a code is written in the code's own MPFS indicators (PC/TC, bilateral,
co-surgeon, team, assistant) and, for drug-waste modifiers, in whether the code is a drug. Kept
apart from ``other.modifier`` (what a modifier means) so each stays one short job.
"""

from __future__ import annotations

from typing import Any

from codetui.ask import facts as F
from codetui.ask.answers import not_found
from codetui.ask.model import Answer, Fact, Intent
from codetui.check.rules.modifiers import is_drug
from codetui.decode import mpfs as words

_SURGERY = words.SURGERY_MODIFIERS
_WASTE = {"JW": "the discarded amount of a single-dose drug", "JZ": "that none of a single-dose drug was discarded"}


def pctc_sentence(rec: dict[str, Any]) -> str:
    """'71046 has PC/TC indicator 1 (...): it may be split ...' from the RVU file."""
    pctc = str((rec.get("mpfs") or {}).get("pctc", ""))
    if not pctc:
        return f"{rec['code']} has no PC/TC indicator in the MPFS RVU file."
    m = words.describe("pctc", pctc)
    if words.allows_26_tc(pctc):
        how = "bill the global code with no modifier, or split it: 26 for the interpretation, TC for the equipment and staff"
    elif words.allows_26_tc(pctc, "26"):
        how = "modifier 26 may be used for the professional part; TC does not apply"
    else:
        how = "modifiers 26 and TC do not apply to it"
    return f"{rec['code']} has PC/TC indicator {pctc} ({m.label}): {how}."


def pctc(store: Any, intent: Intent) -> Answer:
    found = store.lookup(intent.codes[0])
    if found is None:
        return not_found(intent.codes[0], intent.kind)
    table, rec = found
    if table != "hcpcs" or not (rec.get("mpfs") or {}).get("pctc"):
        return Answer(f"{rec['code']} has no PC/TC indicator in the MPFS RVU file.", answered=False,
                      intent=intent.kind, suggestions=(f"what is {rec['code']}",))
    facts = [f for f in F.mpfs_facts(store, rec) if f.label in ("PC/TC indicator", "RVUs")]
    mods = (rec.get("mpfs") or {}).get("mods") or {}
    for mod in ("26", "TC"):
        if mods.get(mod):
            b = mods[mod]
            facts.append(F.fact(store, f"RVUs with {mod}", f"work {b.get('work', 0)}, total non-facility "
                                f"{b.get('total_nf', 0)}, total facility {b.get('total_f', 0)}", rec["mpfs"],
                                (rec["code"], mod)))
    return Answer(pctc_sentence(rec), tuple(facts), intent=intent.kind)


def on_code(store: Any, rec: dict[str, Any], mod: str) -> tuple[str, list[Fact]]:
    """(sentence, facts) saying whether ``mod`` fits ``rec``; ('', []) when nothing applies."""
    mpfs = rec.get("mpfs") or {}
    code = rec["code"]
    if mod in ("26", "TC"):
        facts = [f for f in F.mpfs_facts(store, rec) if f.label == "PC/TC indicator"]
        return pctc_sentence(rec), facts
    if mod in _SURGERY and mpfs.get(_SURGERY[mod][0]) not in (None, ""):
        field, rule_of, name = _SURGERY[mod]
        value = str(mpfs[field])
        rule = rule_of(value)
        m = words.describe(field, value)
        fact = F.fact(store, f"{name.capitalize()} indicator", f"{value} ({m.label}): {m.text}", mpfs, (code,))
        if rule.permitted is None:
            verdict = "the concept does not apply to this code"
        else:
            verdict = rule.text
        return f"{code} has {name} indicator {value}: {verdict}", [fact]
    if mod in _WASTE:
        drug = is_drug(rec)
        fact = F.fact(store, "Drug", "yes: billed per unit of a drug" if drug else "no: not a drug code",
                      rec.get("anweb") or rec.get("mpfs"), (code,))
        if drug:
            return (f"{mod} reports {_WASTE[mod]}; it goes on the drug line ({code}). Medicare asks for "
                    "JW (the wasted units on their own line) or JZ (nothing wasted) on drugs from "
                    "single-dose containers."), [fact]
        return (f"{code} is not a drug code: {mod} reports {_WASTE[mod]} and belongs on the drug's own "
                "line, not here."), [fact]
    return "", []

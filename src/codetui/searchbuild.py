"""Building the search index from a store (seconds, once; the result is cached on disk).

Kept apart from ``codetui.searchindex`` (the reader) so a query never imports the builder.
"""

from __future__ import annotations

import datetime as _dt
import marshal
import re
from array import array
from typing import TYPE_CHECKING, Any

from codetui.searchindex import (
    ALT_SEP,
    F_BILLABLE,
    F_BILLABLE_KNOWN,
    F_LATER,
    F_TERMINATED,
    SYSTEMS,
    TABLES,
    IndexData,
    pack,
)
from codetui.searchtext import stem, tokenize
from codetui.store import SUMMARY_MARK, classification_title

if TYPE_CHECKING:
    from codetui.store import CodeStore

_LONG_TITLE = 60  # token count used for documents without a title of their own (CPT without descriptors)


def _ints(values: list[int]) -> bytes:
    return array("i", values).tobytes()


def _postings(vocab: list[str], post: dict[str, list[int]]) -> tuple[array, array]:
    """All posting lists in vocabulary order as one int array, plus start offsets."""
    flat = array("i")
    offs = array("i", [0])
    for w in vocab:
        flat.extend(post.get(w, ()))
        offs.append(len(flat))
    return flat, offs


def _strings(items: list[str]) -> tuple[bytes, bytes]:
    """(UTF-8 blob, int32 byte offsets with a final end) of a string list."""
    blobs = [s.encode() for s in items]
    offs = [0]
    for b in blobs:
        offs.append(offs[-1] + len(b))
    return b"".join(blobs), _ints(offs)


def _index_terms(store: CodeStore) -> dict[str, list[str]]:
    """ICD key -> index-term texts ("Neoplasm, bladder, dome - Malignant Primary").

    Index codes may omit the 7th character ("T39.1X1"); those resolve to the record itself (and
    its billable "A" initial-encounter code) when the store has it, else to the first stored
    code starting with it.
    """
    import bisect

    icd = store.icd_table
    keys = sorted(icd)
    out: dict[str, list[str]] = {}
    for doc in store.table("terms").values():
        term = doc.get("term", "")
        for column, code in (doc.get("codes") or {}).items():
            key = code if code in icd else ""
            if not key:
                i = bisect.bisect_left(keys, code)
                if i < len(keys) and keys[i].startswith(code):
                    key = keys[i]
            if not key:
                continue
            text = term if column in ("code", "subcat", "seecat") else f"{term} - {column}"
            targets = [key]
            if not icd[key].get("billable") and icd.get(key + "A", {}).get("billable"):
                targets.append(key + "A")  # "T39.1X1-": the initial encounter is what gets billed
            for target in targets:
                lst = out.setdefault(target, [])
                if text not in lst:
                    lst.append(text)
    return out


def _hcpcs_texts(rec: dict[str, Any], title: str) -> tuple[list[str], list[str]]:
    """(synonyms: the short descriptor; labels: CCS and RBCS categories) of a CPT/HCPCS code."""
    syns: list[str] = []
    labels: list[str] = []
    short = (rec.get("anweb") or {}).get("short", "")
    if short and short.lower() != title.lower():
        syns.append(short)
    ccs = rec.get("ccs")
    if ccs and ccs.get("label"):
        labels.append(f"CCS: {ccs['label']}")
    rbcs = rec.get("rbcs")
    if rbcs:
        parts = [rbcs.get(k, "") for k in ("category", "subcategory", "family")]
        label = " / ".join(p for p in parts if p and p.lower() not in ("no relevant family", "na"))
        if label:
            labels.append(f"RBCS: {label}")
    return syns, labels


# Words that make a title longer without making it more specific: "Heart failure, unspecified"
# is the default heart failure code, not a narrower one.
_NEUTRAL = frozenset(["unspecified", "nos", "not", "specified", "site", "organism", "elsewhere", "classified"])
_PARENS = re.compile(r"\([^)]*\)")
# "without complications", "not intractable, without status migrainosus": a negated qualifier
# describes the default case, so its words do not narrow the title (up to the next comma)
_NEGATED = re.compile(r"\b(?:without|not)\b[^,;]*")
# ICD-10-CM guideline I.C.4.a.2: diabetes of undocumented type is coded E11 (type 2); among
# otherwise equal diabetes codes the default category comes first
_GUIDELINE_DEFAULT = frozenset(["E11"])


def specificity(title: str, key: str = "") -> int:
    """Words that narrow a title down (parenthesised nonessential modifiers, 'unspecified' and
    negated qualifiers do not); fewer means more
    general, which wins ties."""
    text = _NEGATED.sub(" ", _PARENS.sub(" ", title))
    words = [w for w in tokenize(text) if w not in _NEUTRAL]
    return len(words) - 1 if key[:3] in _GUIDELINE_DEFAULT else len(words)


# the 7th-character part of a title: ", initial encounter for closed fracture", ", sequela"
_ENCOUNTER = re.compile(r",\s*(?:initial encounter|subsequent encounter|sequela|encounter)\b.*$", re.IGNORECASE)


def _is_seventh(key: str, rec: dict[str, Any]) -> bool:
    return bool(rec.get("seventh_from")) and len(key) == 8


def _icd_base_title(store: CodeStore, key: str, rec: dict[str, Any]) -> str:
    """The title without the 7th-character part ("..., initial encounter for closed fracture")."""
    if _is_seventh(key, rec):
        base = store.icd_table.get(key[:-1])
        if base is not None:
            return str(base.get("title", ""))
        # "S72.91XA": the placeholder-X parent is not a record; cut the encounter words instead
        return _ENCOUNTER.sub("", str(rec.get("title", "")))
    return str(rec["title"]) if "title" in rec else ""


def build_index(store: CodeStore, today: str | None = None) -> IndexData:
    """Turn a store into an IndexData (2-3 s on the full store, then cached)."""
    today = today or _dt.date.today().isoformat()
    index_terms = _index_terms(store)
    raw: list[tuple[tuple[Any, ...], str, int, int, int, str, list[str], list[str], str]] = []
    for t_i, table in enumerate(TABLES):
        for key, rec in store.table(table).items():
            if table == "icd10cm" and rec.get("kind") not in ("category", "code"):
                continue
            title = store.record_title(table, rec)
            rank_title = title
            term = ""
            flags = 0
            labels: list[str] = []
            if table == "hcpcs":
                rank_title = title.removesuffix(SUMMARY_MARK)  # a CPT summary's words, not the mark
                system = rec.get("system") or ("HCPCS" if key[:1].isalpha() else "CPT")
                syns, labels = _hcpcs_texts(rec, title)
                term = (rec.get("anweb") or {}).get("term", "")
                if term and term < today:
                    flags |= F_TERMINATED
            elif table == "icd10cm":
                system = "ICD-10-CM"
                syns = list(rec.get("inclusion", ())) + list(rec.get("includes", ())) + index_terms.get(key, [])
                flags |= F_BILLABLE_KNOWN | (F_BILLABLE if rec.get("billable") else 0)
                rank_title = _icd_base_title(store, key, rec)
            else:
                system = "Modifier"
                syns = []
            bad = bool(flags & F_TERMINATED) or (table == "icd10cm" and not rec.get("billable"))
            # 7th-character siblings: the initial encounter ("A", or "0") first, the rest later
            later = (table == "icd10cm" and (
                (_is_seventh(key, rec) and key[-1] not in "A0")
                # manifestation codes can never be listed first on a claim
                or "in diseases classified elsewhere" in title.lower()
            )) or (system == "CPT" and key.endswith("T")) or (  # Category III: emerging technology
                # S codes: private-payer codes, used only when no national code describes the item
                system == "HCPCS" and key.startswith("S"))
            if later:
                flags |= F_LATER
            words = specificity(rank_title, key if table == "icd10cm" else "") if title else _LONG_TITLE
            if table == "hcpcs" and title and title == classification_title(rec):
                # a bracketed RBCS/CCS class names a family, not the code: real titles and
                # summaries come first among equal matches ("chest x-ray": 71046, not 71010)
                words += _LONG_TITLE
            compact = key.replace(".", "").upper()
            rank = (bad, later, words, len(compact), len(rank_title), compact)
            raw.append((rank, key, t_i, SYSTEMS.index(system), flags, title, syns, labels, term))
    raw.sort(key=lambda r: r[0])

    codes: list[str] = []
    tables = bytearray()
    systems = bytearray()
    flag_b = bytearray()
    titles: list[str] = []
    alts: list[str] = []
    term_dates: dict[int, str] = {}
    tpost: dict[str, list[int]] = {}
    spost: dict[str, list[int]] = {}
    apost: dict[str, list[int]] = {}
    code_pairs: list[tuple[str, int]] = []
    for doc, (_, key, t_i, s_i, flags, title, syns, labels, term) in enumerate(raw):
        codes.append(key)
        tables.append(t_i)
        systems.append(s_i)
        flag_b.append(flags)
        titles.append(title)
        alts.append(ALT_SEP.join(syns + labels))
        if term:
            term_dates[doc] = term
        code_pairs.append((key.replace(".", "").upper(), doc))
        # title, then synonyms (inclusion/index terms, short descriptors), then the broader
        # category labels (CCS, RBCS): each word is posted once, in the best field having it
        # words in parentheses are nonessential modifiers ("Unspecified systolic (congestive)
        # heart failure"): they match like a synonym, so the code that is *about* the word wins
        # (ICD only: HCPCS titles put acronyms in parentheses, "(tens) device")
        nonessential = _PARENS.findall(title) if TABLES[t_i] == "icd10cm" else []
        text = title.removesuffix(SUMMARY_MARK)  # "(our summary)" marks a CPT title; not its words
        title_words = set(tokenize(_PARENS.sub(" ", text) if nonessential else text))
        for w in title_words:
            tpost.setdefault(w, []).append(doc)
        syn_words: set[str] = set(tokenize(" ".join(nonessential)))
        for syn in syns:
            syn_words.update(tokenize(syn))
        syn_words -= title_words
        for w in syn_words:
            spost.setdefault(w, []).append(doc)
        label_words: set[str] = set()
        for label in labels:
            label_words.update(tokenize(label))
        for w in label_words - title_words - syn_words:
            apost.setdefault(w, []).append(doc)
    code_pairs.sort()
    vocab = sorted(set(tpost) | set(spost) | set(apost))
    stems: dict[str, list[str]] = {}
    for w in vocab:
        stems.setdefault(stem(w), []).append(w)
    stem_rows = sorted((s, w) for s, ws in stems.items() if len(ws) > 1 for w in ws)
    df = [0] * len(vocab)
    sections: dict[str, bytes] = {}
    for name, post in (("t", tpost), ("s", spost), ("a", apost)):
        blob, offs = _postings(vocab, post)
        sections[name + "post"], sections[name + "off"] = blob.tobytes(), offs.tobytes()
        for wid in range(len(vocab)):
            df[wid] += offs[wid + 1] - offs[wid]
    word_ids = {w: i for i, w in enumerate(vocab)}
    next_change = min((d for d in term_dates.values() if d >= today), default="")
    for name, items in (
        ("codes", codes),
        ("titles", titles),
        ("alts", alts),
        ("vocab", vocab),
        ("stem_keys", [s for s, _ in stem_rows]),
        ("code_keys", [k for k, _ in code_pairs]),
    ):
        sections[name + "/blob"], sections[name + "/off"] = _strings(items)
    sections.update(
        tables=bytes(tables),
        systems=bytes(systems),
        flags=bytes(flag_b),
        df=_ints(df),
        stem_ids=_ints([word_ids[w] for _, w in stem_rows]),
        code_docs=_ints([d for _, d in code_pairs]),
        meta=marshal.dumps((term_dates, today, next_change)),
    )
    return IndexData(pack(sections))

"""The trigger lexicon, speech and light verbs are data: check they load and agree with PLOVER."""

from __future__ import annotations

from collections import Counter

import pytest

from newsevents.config import DATA_DIR
from newsevents.datafiles import load_table, read_words
from newsevents.events.lexicon import ACTOR_SLOT, Trigger, load_lexicon

EVENTS = DATA_DIR / "events"
MIN_TRIGGERS_PER_TYPE = 8

# PLOVER modes per type (docs: ../shared/guides/PLOVER.md, "Modes"); types absent here take none.
PLOVER_MODES: dict[str, frozenset[str]] = {
    "CONSULT": frozenset({"visit", "third-party", "multilateral", "phone"}),
    "RETREAT": frozenset({"withdraw", "release", "disarm", "ceasefire", "access", "resign"}),
    "REQUEST": frozenset({"assist", "change", "yield", "meet"}),
    "REJECT": frozenset({"assist", "change", "yield", "meet"}),
    "ACCUSE": frozenset({"disapprove", "investigate", "allege"}),
    "THREATEN": frozenset({"restrict", "arrest", "relations", "expel", "territory", "violence"}),
    "PROTEST": frozenset({"demo", "riot", "strike", "hunger", "boycott", "obstruct", "vandalize"}),
    "SANCTION": frozenset({"convict", "expel", "withdraw", "discontinue"}),
    "MOBILIZE": frozenset({"troops", "weapons", "police", "militia"}),
    "COERCE": frozenset({
        "seize", "restrict", "censor", "curfew", "martial-law", "arrest", "deport", "withhold",
        "misinformation", "cyber",
    }),
    "ASSAULT": frozenset({
        "abduct", "beat", "torture", "sexual", "targeted", "destroy", "primitive", "firearms",
        "explosives", "suicide-attack", "aerial", "drone", "heavy-weapons", "crowd-control",
        "unconventional",
    }),
}

PLOVER_CONTEXTS = frozenset("""
    military intelligence executive legislative election political_institutions pro_democracy
    pro_autocracy economic legal reparations human_rights rights_freedoms repression
    human_security gender lgbt religion_ethnicity inequality diplomatic territory peacekeeping
    health asylum migration disasters natural_resource environment technology terrorism cbrn cyber
    misinformation crime corruption illegal_drugs trafficking
""".split())

# CAMEO root -> the PLOVER types it may carry (PLOVER.md, "CAMEO roots beside PLOVER").
CAMEO_ROOT_TYPES: dict[str, frozenset[str]] = {
    "03": frozenset({"AGREE"}),
    "04": frozenset({"CONSULT"}),
    "05": frozenset({"SUPPORT"}),
    "06": frozenset({"COOPERATE"}),
    "07": frozenset({"AID"}),
    "08": frozenset({"CONCEDE", "RETREAT"}),
    "09": frozenset({"ACCUSE"}),
    "10": frozenset({"REQUEST"}),
    "11": frozenset({"ACCUSE"}),
    "12": frozenset({"REJECT"}),
    "13": frozenset({"THREATEN"}),
    "14": frozenset({"PROTEST"}),
    "15": frozenset({"MOBILIZE"}),
    "16": frozenset({"SANCTION"}),
    "17": frozenset({"COERCE"}),
    "18": frozenset({"ASSAULT"}),
    "19": frozenset({"ASSAULT"}),
    "20": frozenset({"ASSAULT"}),
}

# CAMEO codes whose PLOVER type is not their root's, each with the source of the decision.
CAMEO_EXCEPTIONS: dict[str, tuple[str, str]] = {
    "055": ("CONCEDE", "PLOVER files apologies under CONCEDE; CAMEO 055 is under 05"),
    "116": ("SANCTION", "PLOVER SANCTION mode convict; CAMEO 116 'find guilty' is under 11"),
    "175": ("ASSAULT", "CAMEO2PLOVER: violent repression / crowd control is ASSAULT"),
    "1712": ("ASSAULT", "CAMEO2PLOVER: destroying property is ASSAULT destroy"),
    "191": ("COERCE", "CAMEO2PLOVER: blockades are COERCE restrict"),
}

LEMMA_CONSTRAINTS = ("prt", "prep", "obj", "mod")
VERB_ONLY_CONSTRAINTS = frozenset({"prt", "comp"})
NOUN_ONLY_CONSTRAINTS = frozenset({"mod"})

# Verbs that undo, refuse or judge an event noun: never light verbs ("lifted sanctions").
NOT_LIGHT = frozenset(
    {"lift", "end", "cancel", "postpone", "reject", "condemn", "welcome", "suspend", "halt",
     "violate", "refuse", "oppose", "criticise", "criticize", "stop", "ease"}
)


def all_triggers() -> list[Trigger]:
    lexicon = load_lexicon()
    return sorted((t for group in lexicon.by_lemma.values() for t in group), key=lambda t: t.line)


def trigger_id(trigger: Trigger) -> str:
    return f"L{trigger.line}-{trigger.lemma}-{trigger.pos}"


TRIGGERS = all_triggers()


def test_lexicon_loads_every_row():
    assert len(load_lexicon()) == len(TRIGGERS) >= 400


@pytest.mark.parametrize("plover_type", sorted(load_lexicon().types))
def test_every_type_has_enough_triggers(plover_type):
    counts = Counter(t.type for t in TRIGGERS)
    assert counts[plover_type] >= MIN_TRIGGERS_PER_TYPE


def test_types_table_covers_the_sixteen_plover_types():
    assert set(load_lexicon().types) == set().union(*CAMEO_ROOT_TYPES.values())


def test_no_two_rows_share_lemma_pos_and_constraints():
    keys = Counter(
        (t.lemma, t.pos, frozenset((c.key, c.values) for c in t.constraints)) for t in TRIGGERS
    )
    assert [key for key, n in keys.items() if n > 1] == []


def offending(check) -> list[str]:
    """Rows for which ``check`` fails, named by line and lemma so a failure points at the file."""
    return [trigger_id(t) for t in TRIGGERS if not check(t)]


def mode_is_plover(trigger: Trigger) -> bool:
    return trigger.mode is None or trigger.mode in PLOVER_MODES.get(trigger.type, frozenset())


def cameo_agrees(trigger: Trigger) -> bool:
    if trigger.blocks:  # a NONE row codes nothing, so it has no CAMEO code
        return not trigger.cameo
    if trigger.cameo in CAMEO_EXCEPTIONS:
        return trigger.type == CAMEO_EXCEPTIONS[trigger.cameo][0]
    return trigger.type in CAMEO_ROOT_TYPES.get(trigger.cameo[:2], frozenset())


def well_formed(trigger: Trigger) -> bool:
    keys = [c.key for c in trigger.constraints]
    wrong_pos_keys = NOUN_ONLY_CONSTRAINTS if trigger.pos == "VERB" else VERB_ONLY_CONSTRAINTS
    return (
        trigger.lemma == trigger.lemma.strip().lower()
        and " " not in trigger.lemma
        and bool(trigger.example.strip())
        and set(trigger.contexts) <= PLOVER_CONTEXTS
        and len(keys) == len(set(keys))
        and not set(keys) & wrong_pos_keys
        and all(v == ACTOR_SLOT or v == v.lower() for c in trigger.constraints for v in c.values)
    )


def test_every_mode_is_one_plover_defines_for_the_type():
    assert offending(mode_is_plover) == []


def test_cameo_root_agrees_with_the_plover_type():
    assert offending(cameo_agrees) == []


def test_rows_are_well_formed():
    """Lower-case one-word lemmas, an example, PLOVER contexts, one condition per key, and
    conditions that fit the part of speech (particles and complements on verbs, mod on nouns)."""
    assert offending(well_formed) == []


def test_speech_verbs_parse():
    verbs = read_words(EVENTS / "speech_verbs.txt")
    assert len(verbs) >= 20
    assert all(v == v.strip().lower() and v.isalpha() for v in verbs)
    assert len(verbs) == len(set(verbs))
    assert {"say", "tell", "announce"} <= set(verbs)


def test_light_verbs_parse():
    rows = [row for _, row in load_table(EVENTS / "light_verbs.txt", ("lemma", "note")).rows]
    assert all(row["lemma"].isalpha() and row["note"] for row in rows)
    verbs = [row["lemma"] for row in rows]
    assert len(verbs) == len(set(verbs))
    assert {"hold", "launch", "stage", "carry", "impose"} <= set(verbs)
    assert not set(verbs) & NOT_LIGHT


# Lemmas en_core_web_sm gets wrong in the row's example ("raped" -> "rap"); fixed upstream, these
# xfails turn into failures and the entry can leave this list.
KNOWN_LEMMA_GAPS = frozenset({("rape", "VERB")})
POS_TAGS = {"VERB": frozenset({"VERB"}), "NOUN": frozenset({"NOUN", "PROPN"})}


def example_problems(nlp, trigger: Trigger) -> list[str]:
    """The example holds the trigger word and, per word-valued condition, a word it names."""
    doc = nlp(trigger.example)
    problems = []
    if not any(t.lemma_.lower() == trigger.lemma and t.pos_ in POS_TAGS[trigger.pos] for t in doc):
        problems.append(f"no {trigger.pos} with lemma {trigger.lemma!r}")
    lemmas = {t.lemma_.lower() for t in doc} | {t.lower_ for t in doc}
    for constraint in trigger.constraints:
        words = constraint.values - {ACTOR_SLOT}
        if constraint.key in LEMMA_CONSTRAINTS and words and not words & lemmas:
            problems.append(f"{constraint.key}: none of {sorted(words)} in the example")
    return problems


@pytest.mark.model
def test_examples_show_their_trigger(nlp):
    checked = [t for t in TRIGGERS if (t.lemma, t.pos) not in KNOWN_LEMMA_GAPS]
    failures = {trigger_id(t): p for t in checked if (p := example_problems(nlp, t))}
    assert failures == {}


@pytest.mark.model
@pytest.mark.xfail(strict=True, reason="en_core_web_sm lemmatises these verbs wrongly")
def test_examples_with_known_lemma_gaps(nlp):
    gaps = [t for t in TRIGGERS if (t.lemma, t.pos) in KNOWN_LEMMA_GAPS]
    assert gaps and all(not example_problems(nlp, t) for t in gaps)


def test_lexicon_every_word_has_a_default_row():
    """The lexicon is open: each (lemma, pos) has a constraint-free row, last among its rows,
    saying what the bare word codes when no frame refines it (an event, or NONE)."""
    lexicon = load_lexicon(EVENTS)
    missing = sorted(f"{lemma}/{pos}" for (lemma, pos), rows in lexicon.by_lemma.items()
                     if rows[-1].constraints)
    assert not missing, f"no default row for {missing[:20]} ({len(missing)} in all)"

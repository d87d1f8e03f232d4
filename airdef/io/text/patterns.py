"""Patterns of weapon sentences: verbs, list glue, anaphora, negation and hedges.

Used by :mod:`airdef.io.text.extract`; each pattern is named for what it finds.
The verb lists decide a count's field:

* :data:`INTERCEPT`: shot down, downed, destroyed, intercepted, neutralised, ...;
* :data:`LAUNCH`: launched, fired, used, sent, deployed, detected, "attacked ...
  with", "a barrage of", "an attack involving";
* :data:`SUPPRESS`: lost (to electronic warfare), locationally lost, jammed,
  disappeared (from radar);
* :data:`OTHER`: hit, struck, reached, fell, crashed: the count is not recorded.
"""

from __future__ import annotations

import re

INTERCEPT = (
    # "shot down or suppressed 106 drones": one figure, recorded as intercepted
    r"(?:shot\s+down|destroyed|downed|intercepted)\s+or\s+(?:suppressed|neutrali[sz]ed)|shot\s+down|shoot(?:s|ing)?\s+down|down(?:ed|ing|s)|(?<=to\s)down|destroy(?:ed|s|ing)?|"
    r"intercept(?:ed|s|ing|ions?)?|neutrali[sz](?:ed|es|ing|e)|eliminat(?:ed|es|ing|e)|"
    r"brought\s+down|bring(?:s|ing)?\s+down|took\s+down|taken\s+down|tak(?:e|es|ing)\s+down|"
    r"knock(?:ed|s)?\s+(?:out|down)|repel(?:led|s)?|repuls(?:ed|es)|defeated|"
    r"finish(?:ed|es|ing)?\s+off"
)
WITH = r"(?:[\w'-]+,?\s+){0,5}?(?:with|using)"
LAUNCH = (
    rf"(?:attack(?:ed|s|ing)?|struck|strik(?:e|es|ing)|target(?:ed|s|ing)|hit(?:s|ting)?|"
    rf"bombard(?:ed|s|ing)?|pound(?:ed|s|ing)?|shell(?:ed|s|ing)?|pummel(?:l?ed)?|"
    rf"assault(?:ed)?|raid(?:ed)?)\s+{WITH}|"
    r"(?:attack|assault|strike|raid|barrage|salvo|swarm|wave|volley|launch)(?:e?s)?\s+"
    r"(?:of|with|using|involving|by)|"
    r"launch(?:ed|es|ing)?|fir(?:ed|es|ing|e)|us(?:ed|es|ing)|sen(?:t|ds?|ding)|"
    r"deploy(?:ed|s|ing)?|unleash(?:ed|es|ing)?|hurl(?:ed|s|ing)?|lob(?:bed|s|bing)?|"
    r"dispatch(?:ed|es)?|detect(?:ed|s|ing)?|track(?:ed|s)?|record(?:ed|s)?|spotted|"
    r"involv(?:ed|ing|es)|includ(?:ed|es)|attack(?:ed|ing)|employ(?:ed|s)?"
)
SUPPRESS = (
    r"suppressed\s+or\s+neutrali[sz]ed|lost\s+track\s+of|"
    r"(?:locationally\s+)?lost|suppressed|jammed|(?:neutrali[sz]ed|downed)\s+by\s+electronic\s+"
    r"warfare|disappeared|vanished|went\s+missing|went\s+astray|divert(?:ed)?|redirect(?:ed)?|"
    r"(?:to\s+)?(?:go|went|gone|going)\s+off\s+(?:the\s+)?radars?"
)
OTHER = (
    r"hit|hits|struck|reached|fell|crashed|flew|returned|remain(?:ed|s)?|headed|damaged|missed|"
    r"impact(?:ed|s)?|landed|plunged|left|crossed|strayed|veered|"
    r"made\s+it\s+(?:past|through)|got\s+(?:past|through)|evaded|penetrated|broke\s+through|"
    r"evade|penetrate|break\s+through|get\s+(?:past|through)|make\s+it\s+(?:past|through)|"
    r"failed\s+to\s+reach|did\s+not\s+reach|exploded"
)
VERB = re.compile(
    rf"\b(?:(?P<s>{SUPPRESS})|(?P<i>{INTERCEPT})|(?P<l>{LAUNCH})|(?P<o>{OTHER}))\b",
    re.IGNORECASE,
)
AUX = re.compile(
    r"\b(?:were|was|have\s+been|had\s+been|has\s+been|are\s+being|were\s+being|being|got|are|is|"
    r"have|has|had)"
    r"\s+(?:[\"']?(?:(?:confirmed|reported|said|believed)\s+to\s+have\s+been|all|successfully|"
    r"reportedly|also|later|then|subsequently|eventually|effectively|either|confirmed|likely|"
    r"probably|already|able\s+to|managed\s+to)\s+)*",
    re.IGNORECASE,
)
FWD_VERB = re.compile(
    rf"[\"']?(?:(?P<s>{SUPPRESS})|(?P<i>{INTERCEPT})|(?P<l>launched|fired|used|sent|deployed|detected|"
    rf"recorded|tracked|involved|spotted|directed|employed)|(?P<o>{OTHER}))\b",
    re.IGNORECASE,
)
# a list set off by a comma before its passive: "six Kalibr missiles, and 31 of 36 drones, were"
COMMA_PASSIVE = re.compile(
    rf"\s*,\s*(?:were|was|have\s+been|had\s+been)\s+(?:(?:all|also|successfully|reportedly)\s+)*"
    rf"(?:(?P<s>{SUPPRESS})|(?P<i>{INTERCEPT}))\b",
    re.IGNORECASE,
)
RELATIVE_LAUNCHED = re.compile(
    r"\s*,?\s*(?:that|which)\s+(?:were|was|had\s+been|have\s+been)\s+(?:launched|fired|used|sent)\b",
    re.IGNORECASE,
)
# the predicate of a list of counts after it: "53 missiles ..., as well as 47 drones, targeted
# Ukraine overnight"
LIST_PREDICATE = re.compile(
    r",\s+(?:targeted|attacked|struck|were\s+(?:launched|fired)\s+(?:at|against|on))\s+"
    r"(?:Ukraine|the\s+country|[A-Z][\w'-]+)",
    re.IGNORECASE,
)
FWD_ACTIVE = re.compile(r"\s+(?:also\s+|reportedly\s+)?(?:attacked|targeted)\b", re.IGNORECASE)
FWD_WEAK = re.compile(
    r"\s*,?\s*[\"']?(?:(?P<l>launched|fired|used|sent|attacking|deployed)|(?P<i>shot\s+down|"
    r"destroyed|downed|intercepted|neutrali[sz]ed)|(?P<s>(?:locationally\s+)?lost|jammed|"
    r"suppressed|(?:more\s+)?(?:disappeared|vanished|went\s+missing|went\s+astray|diverted)|(?:to\s+)?(?:go|went|gone|going)\s+off\s+(?:the\s+)?radars?))\b",
    re.IGNORECASE,
)
GLUE = re.compile(
    # an optional reduced relative ("... drones launched by Russia overnight, as well as")
    r"(?:\s+(?:launched|fired|used|sent|deployed)\b[^,;.:]{0,50}?)?"
    r"\s*(?:,\s*)?(?:(?:and|&|plus|as\s+well\s+as|along\s+with|together\s+with|in\s+addition\s+to)"
    r"\s+)?(?:also\s+)?(?:another\s+|all\s+(?:of\s+)?(?:the\s+)?)?$",  # "... and all ten drones"
    re.IGNORECASE,
)
COLON = re.compile(r"\s*[:-]\s*$")
CHILD = re.compile(
    r"\s*,?\s*(?:\(|-\s*)?(?:including|among\s+them|among\s+which|among\s+these|of\s+which|"
    r"of\s+them|of\s+these)\s*,?\s*$",
    re.IGNORECASE,
)
ALL_BEFORE = re.compile(r"\ball\s+(?:of\s+)?(?:the\s+)?$", re.IGNORECASE)
ADDITIVE = re.compile(
    r"\b(?:another|a\s+further|an\s+additional|a\s+other|further|additional)\s+$", re.IGNORECASE
)
CORRECTION = re.compile(
    r"\b(?:correct|revis|updat|amend|adjust|clarifi|chang|rais|lower)\w*\b", re.IGNORECASE
)
INITIAL = re.compile(
    r"\b(?:initially|originally|(?:earlier|first|previously)\s+(?:reported|said|stated|put|gave))\b",
    re.IGNORECASE,
)
TO_FIGURE = re.compile(
    r"(?:figure|number|count|tally|total|toll|data|it|this|that)?\s*(?:to|at)\s+$", re.IGNORECASE
)
VAGUE = re.compile(
    r"\b(?:dozens|scores|hundreds|thousands|a\s+number|a\s+barrage|a\s+swarm|a\s+wave|waves|"
    r"a\s+salvo|a\s+volley|(?:several\s+)?groups|a\s+group|a\s+series|a\s+hail|a\s+mix)"
    r"\s+of\s+(?:the\s+)?|\b(?:several|numerous|multiple|many|a\s+few|various)\s+",
    re.IGNORECASE,
)
ARTICLE = re.compile(r"\b(?<!such\sas\s)an?\s+", re.IGNORECASE)
PRONOUN = re.compile(r"(?:them|these|those|which|it)\b", re.IGNORECASE)
OF = re.compile(
    r"\s+(?:out\s+)?of\s+(?:the\s+|these\s+|those\s+|its\s+|their\s+|a\s+)?(?:total\s+(?:of\s+)?)?",
    re.IGNORECASE,
)
BARE_NEXT = re.compile(
    r"\s*(?:[.,;:)!?]|$|(?:were|was|have|had|has|are|is|in\s+total|overall|more|of\s+(?:them|these|"
    r"which|those)|shot\s+down|destroyed|downed|intercepted|neutrali[sz]ed|lost|jammed|"
    r"suppressed|disappeared|vanished|went\s+astray|others?)\b)",
    re.IGNORECASE,
)
ALL_PRONOUN = re.compile(
    r"\bboth\s+(?:of\s+them\s+)?(?:were|was|have\s+been|had\s+been)\b|\ball\s+(?:of\s+)?(?:them|these|those|which)\b|\b(?:them|which|these)\s+(?:were\s+)?all\b|"
    r"\ball\s+(?:were|was|have\s+been|had\s+been)\b|\b(?:were|was|have\s+been)\s+all\b",
    re.IGNORECASE,
)
VERB_ALL = re.compile(
    rf"\b(?:{INTERCEPT})\s+(?:them\s+)?all\b(?!\s+(?:but|of\s+the\s+)?\d)"
    r"(?!\s+(?:of\s+)?(?:the|these|those)\s)",  # "shooting down all the drones": those only
    re.IGNORECASE,
)
OF_LEAD = re.compile(r"\W*(?:of|out\s+of)\s+(?:the\s+|these\s+|those\s+)?(?:total\s+of\s+)?", re.I)
ALL_BUT = re.compile(r"\ball\s+but\s+", re.IGNORECASE)
ALL_BUT_END = re.compile(r"\ball\s+but\s+$", re.IGNORECASE)
NONE = re.compile(
    r"\bnone\s+(?!of\s+the\b)(?:of\s+(?:them|these|those)\s+)?|\bnot\s+(?:a\s+)?single\s+(?:one\s+)?|"
    r"\b(?:failed|unable|could\s+not|couldn't|did\s+not|didn't|were\s+not\s+able|was\s+not\s+able)"
    r"\s+(?:to\s+)?(?=(?:" + INTERCEPT + r")\s+(?:any|a\s+single)\b)",
    re.IGNORECASE,
)
NONE_PHRASE = re.compile(r"\b(?:none\s+of\s+the|no)\s+", re.IGNORECASE)
NAME_START = re.compile(r"(?<![\w/-])[\"']?[A-Z\u0400-\u042F][\w\u0400-\u04FF/-]*")
PARALLEL = re.compile(
    rf"\s*(?:(?:were|was|have\s+been|had\s+been|has\s+been)\s+(?:{INTERCEPT}|{SUPPRESS}|launched|"
    rf"fired)(?:\s+(?:by|over|in|to|due\s+to)\s+[\w\s-]{{0,30}}?)?)?\s*,?\s*(?:and|while|but|whereas)?\s*",
    re.IGNORECASE,
)
PERIOD = re.compile(
    r"\bsince\s+(?:the\s+(?:start|beginning|outbreak)|the\s+full[\s-]+scale|the\s+war|the\s+invasion|"
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December)?"
    r"\s*(?:19|20)\d\d)|\b(?:so\s+far\s+)?this\s+(?:year|month|week)\b|"
    r"\b(?:over|during|in)\s+the\s+(?:past|last)\s+(?:\w+\s+)?(?:weeks?|months?|years?)\b|"
    r"\bin\s+(?:January|February|March|April|May|June|July|August|September|October|November|"
    r"December)\s+alone\b|\bsince\s+the\s+start\s+of\s+the\s+(?:year|month)",
    re.IGNORECASE,
)
THE_ONE = re.compile(rf"\b(?:{INTERCEPT})\s+(?:also\s+)?(?P<the>the)\s+", re.IGNORECASE)
LEAD_MODIFIERS = re.compile(
    r"(?:(?:Russian|Iranian|enemy|hostile|single|lone|Russia-launched|incoming)\s+){1,2}",
    re.IGNORECASE,
)
COMPARISON = re.compile(
    r"\b(?:exceed(?:ed|s)?|surpass(?:ed|es)?|compared\s+(?:with|to)|larger\s+than|bigger\s+than)"
    r"\s+(?:that\s+of\s+)?(?:the\s+)?(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}\s+|previous\s+|earlier\s+)?"
    r"(?:attack|strike|barrage|assault|record)",
    re.IGNORECASE,
)
NEGATED_AFTER = re.compile(
    r"\s*,?\s*(?:that|which|who)\s+(?:were|was|have|had|are|is)\s+(?:not|never)\b",
    re.IGNORECASE,
)
CAPACITY = re.compile(
    r"\b(?:(?:total\s+)?(?:volley|salvo)\s+(?:capacity\s+)?of|capacity\s+of|capable\s+of\s+"
    r"(?:carrying|launching|firing)|carrying|armed\s+with|loaded\s+with|equipped\s+with)\s+"
    r"(?:up\s+to\s+|as\s+many\s+as\s+|about\s+)?$",
    re.IGNORECASE,
)
CASUALTY_BEFORE = re.compile(
    r"\b(?:killed|killing|injured|injuring|wounded|wounding|hurt|hurting)\s+$", re.IGNORECASE
)
# people after "N of them": "two of them children" counts the injured, not weapons
PEOPLE_AFTER = re.compile(
    r"\s*,?\s*(?:(?:are|were|being)\s+)?(?:children|child|kids|women|men|teenagers|minors|"
    r"civilians|people|rescuers|boys|girls|infants|babies|police\s+officers)\b",
    re.IGNORECASE,
)
CASUALTY_NEXT = re.compile(
    r"\s+(?:(?:people|persons|civilians|residents|children|others|more|of\s+them)\s+)?"
    r"(?:(?:were|was|have\s+been|had\s+been|are|is)\s+)?(?:reportedly\s+)?"
    r"(?:killed|injured|wounded|hurt|dead|died|hospitali[sz]ed)\b",
    re.IGNORECASE,
)
TYPE_WORD = re.compile(
    r"(?<![\w-])(?:cruise|ballistic|aero-?ballistic|anti-aircraft|surface-to-air|guided|anti-ship|"
    r"Kh-|X-|Х-|Iskander|Kalibr|Kinzhal|Kinzhals|S-300|S-400|Onyx|Oniks|Zircon|Tsirkon|KN-23)",
    re.IGNORECASE,
)
# a weapon count as the subject of an active verb: "12 missiles reached their targets",
# "two drones destroyed an administrative building" (what the weapons did, not a count)
SUBJECT = re.compile(
    r"\s+(?:are|were|is|was|remain(?:ed|s)?)\s+still\s+(?:in\s+the\s+(?:air|sky)|airborne|flying)\b|"
    rf"\s+(?:(?:also|reportedly|then|later|apparently|still)\s+)?(?:(?:{OTHER})\b(?!\s+by\b)|"
    r"(?:destroyed|damaged|downed)\s+(?:a|an|the|their|its|several|some|two|three|four|five|"
    r"\d+|\w+ing)\b)",
    re.IGNORECASE,
)
# "seven drones failed to reach their targets and were lost": a passive joined to what
# the weapons did says what became of them
AND_PASSIVE = re.compile(
    rf"[^,;.:]{{0,60}}?\s+and\s+(?:were|was|have\s+been|had\s+been)\s+(?:(?P<s>{SUPPRESS})|"
    rf"(?P<i>{INTERCEPT}))\b",
    re.IGNORECASE,
)
CLAUSE_CUT = re.compile(r"[,;:]\s|\s(?:while|whereas|but|adding|bringing)\b", re.IGNORECASE)
# words that date an attack (a clause with one is no total over a period)
ATTACK_TIME = re.compile(
    r"\b(?:overnight|last\s+night|tonight|this\s+morning|early\s+hours|on\s+the\s+night)\b",
    re.IGNORECASE,
)
# a figure of the Russian side: its air defence, its ministry, Ukrainian weapons
RUSSIAN_CLAIM = re.compile(
    r"\b(?:Russian|Russia's|Moscow's)\s+(?:air\s+defen[cs]es?|(?:Defen[cs]e\s+)?Ministry|"
    r"(?:defen[cs]e\s+)?ministry|military\s+said|forces\s+(?:said|claimed))\b|"
    r"\bUkrainian\s+(?:drones|UAVs|missiles|unmanned)|\bUkrain(?:e|ian)-launched\b|"
    r"\bover\s+Russian\s+(?:territory|regions?)\b",
    re.IGNORECASE,
)
# one weapon as the subject of a singular passive: "the Kh-22 cruise missile was launched"
SINGULAR_PASSIVE = re.compile(
    rf"\s+(?:was|has\s+been|had\s+been)\s+(?:also\s+)?(?:{INTERCEPT}|launched|fired)\b",
    re.IGNORECASE,
)
THE = re.compile(r"\b(?P<the>the)\s+", re.IGNORECASE)
FEW_WORDS = re.compile(r"(?:[a-z][\w-]*\s+){1,2}")
# a relative clause saying a listed count was also shot down
RELATIVE_DOWNED = re.compile(
    # "three drones over Ukraine, which were shot down"
    rf"(?:\s+(?:over|above|across|in)\s+(?:the\s+)?[A-Z][\w'-]+(?:\s+(?:region|oblast))?)?"
    rf"\s*,?\s*(?:which|that|all\s+of\s+which)\s+(?:were|was|have\s+been|had\s+been)\s+"
    rf"(?:all\s+|also\s+|later\s+)?(?:{INTERCEPT})\b",
    re.IGNORECASE,
)
# a count whose noun is left out after a place phrase: "... and one over the Mykolaiv region"
ELIDED_GAP = re.compile(
    r"\s+(?:over|in|above|near|on|at)\s+[^,;.\d]{1,40}?\s*,?\s*(?:and|while|but)\s+(?:another\s+)?",
    re.IGNORECASE,
)
ELIDED_AFTER = re.compile(r"\s+(?:more\s+)?(?:over|in|above|near)\b", re.IGNORECASE)
# every weapon of the attack but one: "All the projectiles, except for the Iskander-M missile"
ALL_EXCEPT = re.compile(
    r"\ball\s+(?:of\s+)?(?:the\s+)?(?:projectiles|weapons|targets|air\s+targets|missiles\s+and\s+"
    r"drones|of\s+them)\s*,?\s*(?:except|but|save)\s+(?:for\s+)?(?:the\s+|an?\s+|one\s+)?",
    re.IGNORECASE,
)
# what got through the defences: "one of 12 missiles made it past air defences"
EVADED = re.compile(
    r"\b(?:made\s+it\s+(?:past|through)|got\s+(?:past|through)|evaded|penetrated|"
    r"broke\s+through)\s+(?:the\s+)?(?:Ukrainian\s+|Ukraine's\s+)?air\s+defen[cs]es?\b",
    re.IGNORECASE,
)
CLAUSE_END = re.compile(r"[,;:]")
# a clause of condition or question: its numbers are no counts ("if it was a missile")
HYPOTHETICAL = re.compile(r"\b(?:if|whether|unless|how\s+many|in\s+case)\b", re.IGNORECASE)
INTERCEPT_RE = re.compile(rf"\b(?:{INTERCEPT})\b", re.IGNORECASE)


def verb_field(m: re.Match[str]) -> str | None:
    return {"s": "suppressed", "i": "intercepted", "l": "launched"}.get(m.lastgroup or "", None)


# a share of a stated whole: "shot down the majority of 135 drones" (135 is the whole)
SHARE_OF = re.compile(
    r"\b(?:the\s+)?(?:majority|most|bulk|part|some|half)\s+of\s+(?:the\s+)?$", re.IGNORECASE
)
REDUCED_RELATIVE = re.compile(
    r"\s+(?:launched|fired|used|sent|deployed)\b[^,;.]{0,80}?(?=\s+(?:were|was|have\s+been|"
    r"had\s+been)\s)",
    re.IGNORECASE,
)

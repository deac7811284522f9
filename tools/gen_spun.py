#!/usr/bin/env python3
"""Regenerates rules/spun/spun-generated.toml: synonym-spun news collocations.

Usage: python3 tools/gen_spun.py [--wordnet DIR] [--corpus DEV_JSONL] [--out FILE] [--report]

An article spinner replaces words one at a time with a thesaurus synonym, whatever the sense:
"spy agency" becomes "detective agency", "arms transfers" "branches transfers". This script
does the same, in reverse, to find the fingerprints such a spinner leaves in wire copy:

1. Seeds: the news collocations in tools/spun_seeds.txt ("spy agency", "interest rates").
2. Spin: every content word of a seed is replaced, one at a time, by each single-word lemma
   of each WordNet synset of that word (WordNet 3.0 from Debian's wordnet-base, read directly
   from /usr/share/wordnet/data.* and index.*; WordNet's license is permissive: use, copy,
   modify and distribute for any purpose, with its copyright notice kept). A plural seed word
   gets a plural synonym.
3. Clean copy: a candidate is dropped if it occurs, case-insensitively and word-bounded, in
   - the even-position stories (0-based) of the Reuters development corpus (the odd half is
     kept for measuring the rule; the corpus is read, never copied),
   - tests/fixtures/spun-generated/clean.txt,
   - WordNet itself: its multi-word lemmas (which are English collocations, "detective
     agency") and its glosses and example sentences,
   - the seed list (a candidate that is another seed is fine English).
4. Heuristic filters (the "review" a spinner never does), documented at each constant below:
   the synonym must come from a different sense than the seed word's news sense and must not
   be close to that sense in WordNet (so "weapons transfers" and "arms shipments", which are
   fine, are not produced); rare or archaic lemmas (no occurrence in the SemCor sense counts
   of cntlist.rev) are dropped; inflections and derivations of the seed word are dropped;
   hand-reviewed candidates that are still fine English (REVIEWED_FINE) are dropped.
5. Candidates that the hand-curated rule rules/spun/spun-collocation.toml already matches
   are left out, so one spun phrase never gets two findings.

The output is deterministic (sorted, no timestamps). --report prints the counts of each
step and which of the seed story's spun phrases the spinner reproduces.

Python 3 standard library only.
"""

import argparse
import json
import os
import re
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DEFAULT_WORDNET = "/usr/share/wordnet"
DEFAULT_CORPUS = os.path.normpath(
    os.path.join(ROOT, "..", "shared", "corpora", "reuters-21578", "dev.jsonl"))
SEEDS = os.path.join(ROOT, "tools", "spun_seeds.txt")
CLEAN_FIXTURE = os.path.join(ROOT, "tests", "fixtures", "spun-generated", "clean.txt")
CURATED = os.path.join(ROOT, "rules", "spun", "spun-collocation.toml")
DEFAULT_OUT = os.path.join(ROOT, "rules", "spun", "spun-generated.toml")

# Words of a seed that are never spun: function words and words whose synonyms are all
# ordinary paraphrases.
KEEP_WORDS = {"of", "and", "the", "a", "an", "to", "in", "on", "for", "no", "non",
              "per", "white", "house", "united", "nations"}

# A synonym must have at least this many sense-tagged occurrences in SemCor (cntlist.rev),
# summed over all its senses: a lemma that never occurs there ("tec", "sleuthhound") is rare
# or archaic, and a spinner's thesaurus rarely offers it.
MIN_LEMMA_COUNT = 3

# Synonyms shorter than this are mostly abbreviations or slang ("ma", "tec", "pa").
MIN_SYNONYM_LENGTH = 4

# The seed word's news sense, when it is not WordNet's first sense of the word in its role:
# word -> a lemma (other than the word) of the news synset, or the synset's 1-based rank.
NEWS_SENSE = {
    "arms": 1, "arm": "weapon", "spy": 1, "rates": "charge per unit", "rate": "charge per unit",
    "interest": "involvement", "state": "province", "bank": "depository financial institution",
    "market": "securities industry", "stock": "common stock", "deficit": 1, "trade": "commerce",
    "party": 1, "minister": "curate", "press": "public press", "power": 1, "plant": "works",
    "fire": "firing", "line": 1, "house": 1, "guard": 1, "police": 1, "force": "military unit",
    "forces": "military unit", "strike": "work stoppage", "strikes": "airstrike", "sanctions": 1,
    "record": 1, "release": "handout", "agency": "bureau", "depots": "storehouse",
    "depot": "storehouse", "toll": 1, "office": 1, "court": "tribunal", "talks": "negotiation",
    "talk": "negotiation", "program": "programme", "programme": "program", "deal": "trade",
    "hall": 1, "chief": 1, "board": 1, "service": 1, "services": 1, "council": 1, "union": "labor union",
}

# How near the news sense a synonym may not come: a lemma of the news synset's hypernyms,
# hyponyms, similar-to and also-see synsets, or of the sense a lemma shares with the news
# synset, is an ordinary paraphrase ("arms" -> "weapons").
NEAR_POINTERS = {"@", "@i", "~", "~i", "&", "^", "+", "=", "$", "*", ">"}

# The first line of REVIEWED_FINE_TEXT holds the entries removed after they fired on the
# odd half of the Reuters corpus ("Air Force Station", "the principal of government debts"),
# the half kept for measuring: the rule's held-out figure was taken before that removal.
# Candidates read through by hand and dropped: fine English ("peace accord", "trust vote",
# "home ministry"), a term of some other field ("central rates", "trading book", "weapons
# yield"), or words that often meet innocently ("stock rally", "keep standards", "court
# type": court as a verb, "reason troops": "for that reason troops"). Exact candidates,
# separated by "|".
REVIEWED_FINE_TEXT = """
force station | principal of government | principal of state | principals of state
abrupt drop | abrupt fall | abrupt rise | absent people | acute drop | acute fall
acute rise | administration critics | administration delegation | administration spokesman
aged aide | aged commander | aged diplomat | aged fellow | aged officials | aid dispatches
air distance | air effect | air foundation | air strength | airplane crash | alien workers
amber mine | amber reserves | ancestry market | area hospital | armed powers
armed radicals | arms dispatches | arms hand | arms manufacture | arms mess | arms pile
arms provisions | army basis | army foundation | army home | army root | artillery blast
artillery manufacturing | atmosphere pollution | atmosphere space | attention workers
austerity bills | austerity criteria | austerity standards | bank contributions
basis forces | basis offensive | basis troops | behind warning | belligerent groups
blade production | blast helicopters | bleak market | blood exchange | blood index
blood market | blood price | blood prices | bomb bang | bond takes | border encounters
border neighborhood | border precautions | border safeguards | border skirmishes
bottom warning | branch agency | branch authority | branch bureau | branch function
branch part | branch place | branch position | branch post | branch power | branch role
branches control | branches deal | branches supplies | brand production | breed exchange
breed index | breed market | breed price | breed prices | budget slashes | budget slices
budget swings | budget tracks | bull prices | business action | business trust
cancel disaster | cancel gas | capital profits | care agencies | care convoy | care package
care shipments | cease-fire accord | cease-fire arrangement | ceasefire accord
ceasefire arrangement | central politics | central rate | central rates | chief judge
chief of government | chief office | chiefs of state | civic rights | civic servants
civic service | civic society | civil company | clean weapons | clear weapons
climate variety | coalition administration | coalition politics | coast safety | cold crack
cold cracking | cold shot | collective profits | combat performances | combat processes
commonwealth mines | competitive groups | consumer damages | consumer trust
corporate gains | corruption accusations | corruption commissions | corruption complaints
cost of support | country agency | country broadcaster | country budget | country companies
country department | country firms | country funeral | country media | country mines
country officials | country police | country radio | country secrets | country television
country visit | court audience | court cause | court character | court eccentric
court event | court face | court society | court subject | court type | cover job
cover official | cover post | craft agreement | craft bill | craft deal | craft figures
craft mission | craft policy | craft restrictions | craft route | criminal accusations
criminal commissions | criminal formation | criminal system | crop price | crown aide
crown brass | crown commander | crown diplomat | crown job | crown meeting | crown official
crown post | crush freedom | crush reports | crushing frustration | damage controls
damage increases | damage rise | dangerous drought | deal protests | death time
debt respite | debt substitute | deliveries accounts | democratic vote | diplomatic answer
diplomatic associations | diplomatic charge | diplomatic commission | diplomatic course
diplomatic dissent | diplomatic quarrel | diplomatic references | diplomatic resolution
diplomatic result | diplomatic seeds | diplomatic words | diplomatic wrangle
disastrous market | discipline hospital | disk levels | dissent march | domestic need
domestic requirement | drone blasts | drug accusations | drug commissions | drug complaints
drug directions | drug kicks | drug rushes | drug thrills | dry patch | dry piece
earnings profit | earthy oil | ease efforts | ease supplies | ease workers | easy weapons
economic attention | economic authorities | economic care | economic insurance
economies accounts | elderly aide | elderly commander | elderly diplomat | elderly fellow
elderly officials | election answers | election cause | election charge | election crusade
election direction | election drive | election effort | election frustration
election mission | election movement | election resolutions | election solutions
electoral direction | electoral mission | elimination orders | emergency attention
emergency forces | emergency offices | emergency protections | emergency respite
emergency rest | emergency substitute | enemy arguments | enemy businesses | enemy channels
enemy leader | enemy parties | enemy powers | enemy strengths | exceptional forces
exceptional session | exchange bank | explosive twists | external community
external pressure | external sanctions | extra forces | extra session
fact-finding commission | fake charges | family occupation | family secretary | farm damages
federal administration | federal politics | final profit | financial attention
financial care | fire help | firm warning | fiscal insurance | food care | food provisions
force lines | force shortages | force supply | foreign attention | foreign care
foreign central | foreign insurance | foreign substitutes | forest flames
formal accusations | formal commissions | formal complaints | formal directions
formal dissent | fraud accusations | fraud commissions | fraud complaints | free craft
front business | front businesses | front channel | front channels | fuel damages
fund index | fund market | fund price | fund prices | fusion partners | fusion talks
gain margins | gas damages | gas escape | gold substitutes | government authors
government generators | government references | government reservoirs | government seeds
grave casualties | grave drought | grave losses | great casualties | great fighting
great gains | great losses | great punishment | great rain | great rains | great shelling
great snow | great spending | great traffic | great weapons | grim market | grim warning
gross oil | ground effects | ground mines | ground powers | guerrilla radicals
hard casualties | hard drought | hard fighting | hard losses | hard rain | hard rains
hard shelling | hard snow | hard traffic | hard weapons | head agency | head authority
head bureau | head economist | head function | head justice | head negotiator
head of administration | head of country | head of land | head of nation | head of politics
head part | head place | head position | head post | head power | head role | head spot
heads of country | heads of nation | health assurances | heavy companies | heavy departures
heavy releases | holding fellowship | holding society | home anthem | home assembly
home elections | home interest | home minister | home ministry | home security
hostage departure | hostage loss | house secretary | housing jumps | housing offsets
humanitarian attention | humanitarian care | humble businesses | idle weapons
immigration insurance | independent query | independent question | index cuts | index lines
industrial yield | inflation pace | inquiry center | insurgent radicals | intelligence helps
intelligence means | intelligence representation | interchange rate | interchange rates
interim administration | interim politics | interior assembly | interior guard
interior security | interior team | internal assembly | internal elections | internal guard
internal interest | internal secretary | internal team | internal unity
international authorities | international insistence | inventory exchange | inventory index
inventory market | inventory price | inventory prices | investor trust | irregular groups
jail conviction | jail time | job departures | job releases | job slices | job swings
job tracks | judge ministry | keep standards | king lines | labor effect | labor power
labor prices | labor strength | labor violence | lacking people | land agency | land budget
land companies | land department | land firms | land officials | land police | land radio
land visit | large casualties | large snow | large societies | large traffic | large weapons
last penalty | last sentence | legal activity | liberal trade | life conviction | life costs
life standards | life time | limited forces | limited session | line activity | line base
line confidence | line defence | line defense | line exchange | line force | line index
line leaders | line market | line pollution | line price | line prices | line raid
line space | line strikes | line traffic | line travel | livestock exchange
livestock index | livestock market | livestock price | livestock prices | living prices
local administration | local assurances | local sanctions | loose weapons | main inquiry
margin area | margin dispute | margin region | market considerations | market contribution
market effects | market exchange | market excitement | market powers | market references
market seeds | market strengths | market terms | market tumult | mass elimination
meanwhile government | media releases | militant radicals | military ability
military activity | military administration | military alignment | military attention
military authors | military backing | military basis | military bond | military care
military cause | military crusade | military dominion | military drive | military effort
military foundation | military foundations | military front | military functioning
military generators | military grounds | military help | military home | military homes
military index | military king | military living | military movement | military news
military objectives | military objects | military office | military performance
military politics | military practices | military procedure | military process
military radical | military radicals | military references | military root | military roots
military terror | military theme | military word | minor arms | minor businesses
minority administration | minority politics | minute margin | missile organization
missile platform | missile scheme | modest arms | modest businesses | monetary insurance
money provision | mortar blast | mountain graves | movement line | movement lines
murder accusations | murder commissions | murder complaints | murder thrills
narrow frustration | narrow tolerance | nation radio | national certificate
national gathering | national minister | national ministry | national pursuit
national safety | national sake | national secretary | national single | national stake
natural calamity | natural tragedy | naval basis | naval home | naval powers
naval strengths | news loss | news means | news officials | news outlet | news passing
news representation | nuclear ability | nuclear bargain | nuclear curriculum | nuclear force
nuclear hand | nuclear mass | nuclear mess | nuclear office | nuclear pile | nuclear plan
nuclear platform | nuclear push | occupation activity | occupation leaders | office cuts
office lines | office outage | office plant | office shortages | office station
office supply | office vacuum | official builds | official designs | official forms
official names | official numbers | official patterns | official query | official question
oil area | oil consequences | oil damages | oil fall | oil implications | oil release
oil study | oil subject | oil substitutes | oil tumble | oil yield | operating gain
opponent forces | opponent leader | opponent parties | opposition lines | opposition powers
opposition strengths | origin exchange | origin index | origin market | origin price
origin prices | outlaw charges | outlaw organization | outside community | outside sanctions
overflow damage | overflow waters | parcel price | parcel prices | parent society
party argument | party business | party channel | party note | party strain | party tune
pass office | passing polls | peace accord | peace arrangement | peace bargain
peace commission | peace hand | peace mass | peace mess | peace opening | peace operation
peacekeeping commission | peacekeeping powers | peak job | people evacuation
people protests | pilot zone | plain hospital | point of government | point of state
point office | points of state | police functioning | police hands | police performance
police post | police power | police procedure | police process | police references
police strength | police violence | political answer | political backing
political resolution | political result | potent warning | poverty argument
poverty business | poverty contrast | power arguments | power businesses | power cables
power channels | power place | power post | power provision | power slices | power strains
power swings | power tracks | prescribed figures | prescribed statement | press button
press means | press outlet | press representation | price advance | price boost
price climb | price raise | price slices | price tracks | principal office
prison conviction | prison precautions | prison safeguards | prison time | prisoner rally
private sphere | problem cuts | problem losses | profit profit | profits profit
profound losses | project camp | project costs | project dispute | project force
project market | project union | prominent companies | property company | public agency
public bank | public bureau | public function | public insistence | public part
public post | public power | public query | public question | public role | public ruling
public situation | public sphere | public spot | push minister | push prices
quarter warning | question of government | question of state | question office
questions of state | radiation layers | radiation points | radiation stages | rally rate
rally rates | rate boost | rate raise | rate swing | rate track | rear warning
reason forces | reason offensive | reason troops | rebel powers | record first
record gains | record points | record stories | regional administration | regional politics
release polls | relentless warning | relief provisions | rescue commission
rescue performance | rescue procedure | rescue process | research core | research substance
respite agencies | respite workers | rest efforts | rest supplies | rest workers
rocket blast | rocket blasts | rocket flame | ruling poll | ruling polls | seat warning
security amounts | security bills | security criteria | security effects
security generators | security helps | security performance | security powers
security precautions | security procedure | security process | security references
security safeguards | security standards | security strengths | select minister
senior mate | sensitive offer | severe warning | share terms | sharp advance | sharp boost
sharp cliff | sharp climb | sharp descent | sharp hike | sharp raise | sharp tumble
sharp upgrade | short weapons | small lines | small subdivisions | sniper blast
solid warning | sound action | sound challenge | sound fighting | sound losses | sound rain
sound rains | sound shelling | sound snow | sound traffic | sound weapons | sovereign court
spending slices | spending swings | spending tracks | spy means | stake payments
stake rates | stamp offer | standard exchange | standard index | standard market
standard prices | state callers | state fellowships | state means | state mines
state representation | state societies | stock central | stock damage | stock damages
stock indicator | stock rally | store exchange | store index | store market | store price
store prices | strain base | strain defence | strain defense | strain exchange
strain force | strain index | strain market | strain price | strain space | strain traffic
strain travel | strange affairs | strange aid | strange debt | strange delegation
strange diplomats | strange envoy | strange exchange | strange fighters | strange investment
strange minister | strange ministry | strange policy | strange reserves | strange secretary
strange troops | strange workers | straw harvest | study force | study hospital
subdivisions control | subdivisions deal | subdivisions supplies | subject hospital
substantial earthquake | substantial estate | substantial warning | substitute efforts
substitute package | substitute supplies | substitute workers | supply arguments
supply businesses | supply cables | supply channels | supply notes | supply roads
supply strains | support costs | support standards | suspended conviction | suspended time
tail warning | takeover play | tank blast | tank flame | tariff slices | tariff swings
tariff tracks | task costs | task dispute | tax slices | tax swings | tax tracks
temporary protections | terror blast | terrorism accusations | terrorism commissions
terrorism complaints | terrorism thrills | terrorist blast | terrorist blasts
terrorist radicals | threat attack | timber fires | top administration | top establishment
top face | top office | top organization | top problem | top spot | top stake
trade arrangement | trade bargain | trade break | trade builds | trade charge
trade correspondence | trade designs | trade example | trade forms | trade frames
trade hand | trade insurance | trade interruption | trade mess | trade note | trade numbers
trade opening | trade patterns | trade peak | trade road | trade shapes | trading book
trading intensity | train smash | training minister | trial appointment | trial engagement
trust vote | turkey attack | turkey blast | vote boxes | vote papers | vote tally
voting boxes | voting papers | wardrobe agency | warm offer | weak weapons | weapon fire
weapons arrangements | weapons organizations | weapons output | weapons schemes
weapons yield | wood fires | woods fires | word services | work effect | work power
work strength | work violence | world office | world opinion | world pressure | world sector
world spending
"""
REVIEWED_FINE = set(x.strip() for x in REVIEWED_FINE_TEXT.replace("\n", "|").split("|") if x.strip())

# --- spun-tortured: entries picked by hand from the tortured-phrases list of scientific
# papers (shared/data/tortured-phrases-science/tortured.csv, MIT license), only those a news
# story could carry. tortured phrase (as in the CSV, less any bracketed acronym) -> the
# wire form (the CSV's expected phrase, cleaned: "financial losses" for "financial damages").
TORTURED_CSV = os.path.normpath(
    os.path.join(ROOT, "..", "shared", "data", "tortured-phrases-science", "tortured.csv"))
TORTURED_OUT = os.path.join(ROOT, "rules", "spun", "spun-tortured.toml")
TORTURED_CLEAN_FIXTURE = os.path.join(ROOT, "tests", "fixtures", "spun-tortured", "clean.txt")
TORTURED_PICKS = {
    "as seeks after": "as follows",
    "as takes after": "as follows",
    "at the off danger": "on the off chance",
    "bank steadiness": "bank stability",
    "bosom carcinoma": "breast cancer",
    "bosom disease": "breast cancer",
    "bosom growth": "breast cancer",
    "bosom malignancy": "breast cancer",
    "bosom malignant": "breast cancer",
    "bosom peril": "breast cancer",
    "bosom tumor": "breast cancer",
    "bound together domain": "United Kingdom",
    "brobdingnagian information": "big data",
    "carbon dioxide emanation": "carbon dioxide emission",
    "carbon emanation": "carbon emission",
    "carbon secretion": "carbon emission",
    "cause them their life": "cost them their life",
    "chest peril": "breast cancer",
    "colossal information": "big data",
    "computerized reasoning": "artificial intelligence",
    "convivial media": "social media",
    "counterfeit consciousness": "artificial intelligence",
    "counterfeit news": "fake news",
    "covid-19 pestilence": "COVID-19 pandemic",
    "creation expenses": "production costs",
    "crown epidemic": "coronavirus epidemic",
    "digital promoting": "digital marketing",
    "district of the body": "part of the body",
    "earth-wide temperature boost": "global warming",
    "elective vitality": "renewable energy",
    "european financial people group": "European Economic Community",
    "european money related framework": "European Monetary System",
    "european national bank": "European Central Bank",
    "european people group": "European Community",
    "european speculation bank": "European Investment Bank",
    "european streamlined commerce affiliation": "European Free Trade Association",
    "european swapping scale component": "European Exchange Rate Mechanism",
    "feeling examination": "sentiment analysis",
    "flexibly chain": "supply chain",
    "general wellbeing authorities": "public health officials",
    "greenhouse gas discharges": "greenhouse gas emissions",
    "gregarious media": "social media",
    "gross domestic item": "gross domestic product",
    "gross national item": "gross national product",
    "heart assault": "heart attack",
    "hefty metals": "heavy metals",
    "immature nations": "developing countries",
    "in genuine time": "in real time",
    "in this think about": "in this study",
    "information mining": "data mining",
    "inventory network the board": "supply chain management",
    "joined along states": "United States",
    "joined countries high official for outcasts": "United Nations High Commissioner for Refugees",
    "joined together kingdom": "United Kingdom",
    "joined together states": "United States",
    "kidney disappointment": "kidney failure",
    "kidney relocate": "kidney transplant",
    "kidney relocation": "kidney transplant",
    "kidney rock": "kidney stone",
    "lung canker": "lung cancer",
    "lung disappointment": "lung failure",
    "lung most cancer": "lung cancer",
    "man-made brainpower": "artificial intelligence",
    "man-made reasoning": "artificial intelligence",
    "monetary emergency": "financial crisis",
    "monetary loan costs": "interest rates",
    "monetary misfortunes": "financial losses",
    "monetary progression": "economic development",
    "money related area": "financial sector",
    "money related framework": "financial system",
    "money related trade": "financial transaction",
    "money-related decision": "financial decision",
    "money-related emergency": "financial crisis",
    "money-related guess": "financial forecast",
    "money-related security": "financial security",
    "money-related strategy": "financial strategy",
    "net household item": "gross domestic product",
    "nursery gas": "greenhouse gas",
    "outside direct speculation": "foreign direct investment",
    "outside direct venture": "foreign direct investment",
    "remote direct speculation": "foreign direct investment",
    "remote direct venture": "foreign direct investment",
    "renewable vitality": "renewable energy",
    "right of method": "right of way",
    "stock charge bubbles": "stock market bubbles",
    "ten a long time": "ten years",
    "tend to area unit": "are",
    "ultimate comes about": "final result",
    "worldwide heating": "global warming",
    "worldwide temperature alteration": "global warming",
}


def words_of(line):
    return re.findall(r"[a-z0-9]+(?:[-'][a-z0-9]+)*|[^\sa-z0-9]", line.lower())


class WordNet:
    POS = {"noun": "n", "verb": "v", "adj": "a", "adv": "r"}

    def __init__(self, root):
        self.index = {}      # (lemma, pos) -> [offset]
        self.synsets = {}    # (pos, offset) -> (lemmas, pointers, gloss)
        self.count = {}      # lemma -> SemCor tag count, all senses
        self.exc = {}        # (inflected, pos) -> [base]
        self.compounds = set()  # multi-word lemmas, space separated
        self.lexfile = {}    # (pos, offset) -> lexicographer file number (noun.body, ...)
        self.plural_exc = {}  # noun -> irregular plural ("policeman" -> "policemen")
        for name, pos in self.POS.items():
            with open(os.path.join(root, "index." + name), encoding="latin-1") as f:
                for line in f:
                    if line.startswith(" "):
                        continue
                    parts = line.split()
                    lemma, synset_cnt, p_cnt = parts[0], int(parts[2]), int(parts[3])
                    offsets = parts[4 + p_cnt + 2:]
                    self.index[(lemma, pos)] = offsets[:synset_cnt]
            with open(os.path.join(root, "data." + name), encoding="latin-1") as f:
                for line in f:
                    if line.startswith(" "):
                        continue
                    head, _, gloss = line.partition("|")
                    parts = head.split()
                    offset, w_cnt = parts[0], int(parts[3], 16)
                    lemmas = []
                    for i in range(w_cnt):
                        w = parts[4 + 2 * i]
                        w = re.sub(r"\([a-z]+\)$", "", w)  # adjective markers: (a), (p), (ip)
                        lemmas.append(w.replace("_", " "))
                        if "_" in w:
                            self.compounds.add(w.replace("_", " ").lower())
                    k = 4 + 2 * w_cnt
                    p_cnt = int(parts[k])
                    pointers = []
                    for i in range(p_cnt):
                        sym, off, ppos = parts[k + 1 + 4 * i: k + 4 + 4 * i]
                        pointers.append((sym, "a" if ppos == "s" else ppos, off))
                    self.synsets[(pos, offset)] = (lemmas, pointers, gloss.strip())
                    self.lexfile[(pos, offset)] = int(parts[1])
            exc = os.path.join(root, name + ".exc")
            with open(exc, encoding="latin-1") as f:
                for line in f:
                    parts = line.split()
                    self.exc.setdefault((parts[0], pos), []).extend(parts[1:])
                    if pos == "n":
                        for b in parts[1:]:
                            self.plural_exc.setdefault(b, parts[0])
        with open(os.path.join(root, "cntlist.rev"), encoding="latin-1") as f:
            for line in f:
                key, _, cnt = line.split()
                lemma = key.split("%")[0].replace("_", " ")
                self.count[lemma] = self.count.get(lemma, 0) + int(cnt)

    def senses(self, lemma, pos):
        return [(pos, off) for off in self.index.get((lemma.replace(" ", "_"), pos), [])]

    def bases(self, word, pos):
        """(base, inflected) readings of a word form: WordNet's own morphy, simplified."""
        out = []
        if self.senses(word, pos):
            out.append((word, False))
        for b in self.exc.get((word, pos), []):
            out.append((b, True))
        rules = {"n": [("ies", "y"), ("ses", "s"), ("xes", "x"), ("ches", "ch"), ("shes", "sh"),
                       ("s", "")],
                 "a": [], "r": [], "v": []}[pos]
        for suf, rep in rules:
            if word.endswith(suf) and len(word) > len(suf) + 2:
                b = word[: -len(suf)] + rep
                if self.senses(b, pos) and (b, True) not in out:
                    out.append((b, True))
                    break
        return out


def plural_forms(noun):
    if noun.endswith("man"):
        return [noun[:-3] + "men"]
    if re.search(r"(s|x|z|ch|sh)$", noun):
        return [noun + "es"]
    if re.search(r"[^aeiou]y$", noun):
        return [noun[:-1] + "ies"]
    if noun.endswith("o"):
        return [noun + "es", noun + "s"]
    return [noun + "s"]


def pluralize(wn, noun, vocab):
    """The plural of a noun if clean text attests it; None for mass nouns ("violences") and
    plural-only lemmas ("terms" -> "termses")."""
    if noun in wn.plural_exc:
        return wn.plural_exc[noun]
    if noun.endswith("s") and not noun.endswith("ss"):
        return None
    for p in plural_forms(noun):
        if p in vocab:
            return p
    return None


def related(a, b):
    """Inflections and derivations of one stem: "transfer"/"transference", "arm"/"arms"."""
    a, b = a.lower(), b.lower()
    if a == b or a.startswith(b) or b.startswith(a):
        return True
    n = 0
    while n < min(len(a), len(b)) and a[n] == b[n]:
        n += 1
    return n >= 5


def load_seeds(path):
    seeds = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.split("#")[0].strip()
            if line and line not in seeds:
                seeds.append(line)
    return seeds


def ngram_set(texts, max_n):
    grams = set()
    for text in texts:
        toks = words_of(text)
        for n in range(2, max_n + 1):
            for i in range(len(toks) - n + 1):
                grams.add(" ".join(toks[i:i + n]))
    return grams


def curated_matches(path):
    out = set()
    with open(path, encoding="utf-8") as f:
        for line in f:
            m = re.match(r'\s*match\s*=\s*(.*)$', line)
            if m:
                out.update(x.lower() for x in re.findall(r'"([^"]*)"', m.group(1)))
    return out


def news_sense(wn, word, base, pos):
    senses = wn.senses(base, pos)
    if not senses:
        return None
    want = NEWS_SENSE.get(word, NEWS_SENSE.get(base, 1))
    if isinstance(want, int):
        return senses[min(want, len(senses)) - 1]
    for s in senses:
        if want in wn.synsets[s][0]:
            return s
    return senses[0]


def near_lemmas(wn, synset):
    """Lemmas of the news synset and of the synsets next to it."""
    out = set(l.lower() for l in wn.synsets[synset][0])
    for sym, ppos, off in wn.synsets[synset][1]:
        if sym in NEAR_POINTERS and (ppos, off) in wn.synsets:
            out.update(l.lower() for l in wn.synsets[(ppos, off)][0])
    return out


def spin(wn, seeds, stats, vocab):
    """All candidates: (candidate, seed, replaced word, synonym, reason-or-None)."""
    out = []
    for seed in seeds:
        toks = seed.split()
        for i, word in enumerate(toks):
            if word in KEEP_WORDS or "-" in word:
                continue
            head = i == len(toks) - 1 or toks[i + 1] in KEEP_WORDS
            # Roles: a head is a noun; a modifier a noun or an adjective; "-ly" an adverb.
            if word.endswith("ly") and not head:
                poses = ["r"]
            elif head:
                poses = ["n"]
            else:
                poses = ["a", "n"]
            readings = []
            for pos in poses:
                for base, inflected in wn.bases(word, pos):
                    readings.append((pos, base, inflected and pos == "n" and base != word))
            if not readings:
                stats["seed words unknown to WordNet"] += 1
                continue
            # The news sense is taken from the first reading (the word as written if WordNet
            # has it: "arms" the weaponry before "arm" the limb).
            npos, nbase, _ = readings[0]
            ns = news_sense(wn, word, nbase, npos)
            near = near_lemmas(wn, ns) if ns else set()
            for pos, base, plural in readings:
                for s in wn.senses(base, pos):
                    lemmas = wn.synsets[s][0]
                    for lemma in lemmas:
                        stats["synonyms seen"] += 1
                        reason = None
                        if " " in lemma or "-" in lemma or not lemma.isalpha():
                            reason = "multi-word or non-alphabetic lemma"
                        elif lemma != lemma.lower():
                            reason = "capitalized lemma (a name)"
                        elif related(lemma, base) or related(lemma, word):
                            reason = "identical, inflection or derivation"
                        elif s == ns or lemma in near:
                            reason = "news sense or next to it"
                        elif pos == "n" and ns and ns[0] == "n" and wn.lexfile[s] == wn.lexfile[ns]:
                            # Same lexicographer file (both artifacts, both acts): too often
                            # the same meaning in other words ("weapons" for "arms").
                            reason = "same semantic field as the news sense"
                        elif wn.count.get(lemma, 0) < MIN_LEMMA_COUNT:
                            reason = "rare lemma"
                        elif len(lemma) < MIN_SYNONYM_LENGTH:
                            reason = "short lemma"
                        form = lemma
                        if plural:
                            form = pluralize(wn, lemma, vocab)
                            if form is None:
                                form = lemma + "(s)"
                                reason = reason or "no attested plural"
                        cand = " ".join(toks[:i] + [form] + toks[i + 1:])
                        out.append((cand, seed, word, form, reason))
    return out


def toml_str(s):
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def tortured_rule(corpus_grams, gloss_grams, compounds, report):
    """spun-tortured.toml: TORTURED_PICKS that the CSV holds and clean copy never uses."""
    import csv
    listed = {}
    with open(TORTURED_CSV, encoding="utf-8") as f:
        for row in csv.DictReader(f):
            phrase = re.sub(r"\s*\([^)]*\)\s*", " ", row["tortured_phrase"]).replace('"', " ")
            phrase = " ".join(phrase.lower().split())
            listed[phrase] = row["expected_phrase"]
    clean = set()
    if os.path.exists(TORTURED_CLEAN_FIXTURE):
        with open(TORTURED_CLEAN_FIXTURE, encoding="utf-8") as f:
            clean = ngram_set([f.read()], 6)
    kept = []
    for phrase, expected in sorted(TORTURED_PICKS.items()):
        norm = " ".join(words_of(phrase))
        reason = None
        if phrase not in listed:
            reason = "not in tortured.csv"
        elif norm in corpus_grams or norm in clean:
            reason = "in clean copy"
        elif norm in gloss_grams or phrase in compounds:
            reason = "in WordNet"
        if reason:
            if report:
                print("spun-tortured: dropped %r: %s" % (phrase, reason), file=sys.stderr)
            continue
        kept.append((phrase, expected))
    lines = [
        "# GENERATED by tools/gen_spun.py (TORTURED_PICKS) from tortured.csv; do not edit.",
        "# Regenerate: python3 tools/gen_spun.py",
        "#",
        "# The entries come from the tortured-phrases list of the repository",
        "# hahuyhoang411/tortured-phrase, under this license:",
        "#",
        "# MIT License",
        "#",
        "# Copyright (c) 2025 Hoang Ha",
        "#",
    ]
    with open(os.path.join(os.path.dirname(TORTURED_CSV), "LICENSE"), encoding="utf-8") as f:
        lic = f.read().split("\n")
    # The notice after the title and copyright lines, verbatim.
    start = next(i for i, l in enumerate(lic) if l.startswith("Permission"))
    for l in lic[start:]:
        lines.append(("# " + l).rstrip())
    while lines[-1] == "#":
        lines.pop()
    lines += [
        "",
        'id = "spun-tortured"',
        'kind = "phrase"',
        'severity = "warning"',
        'category = "accuracy/mistranslation"',
        "message = \"'{match}' reads like a synonym-spun phrase; wire copy says '{expected}'.\"",
        'description = """',
        "Tortured phrases: fixed terms mangled by a synonym spinner (\"counterfeit news\" for fake",
        "news, \"bosom malignancy\" for breast cancer). The entries are a hand-picked, news-relevant",
        "subset of the tortured-phrases list collected from scientific papers by",
        "hahuyhoang411/tortured-phrase (MIT License, Copyright (c) 2025 Hoang Ha; the notice is at",
        "the top of this file), each checked to be absent from clean copy (half of the Reuters",
        "development corpus and WordNet's glosses).\"\"\"",
        "",
        "[examples]",
        "fire = [",
        '  "Counterfeit news about the vote spread quickly on gregarious media.",',
        "]",
        "clean = [",
        '  "Fake news about the vote spread quickly on social media.",',
        "]",
        "",
    ]
    for phrase, expected in kept:
        lines += ["[[phrases]]", "match = " + toml_str(phrase), "expected = " + toml_str(expected), ""]
    with open(TORTURED_OUT, "w", encoding="utf-8") as f:
        f.write("\n".join(lines))
    print("%d entries written to %s" % (len(kept), os.path.relpath(TORTURED_OUT, ROOT)),
          file=sys.stderr)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--wordnet", default=DEFAULT_WORDNET)
    ap.add_argument("--corpus", default=DEFAULT_CORPUS)
    ap.add_argument("--out", default=DEFAULT_OUT)
    ap.add_argument("--report", action="store_true")
    ap.add_argument("--no-tortured", action="store_true",
                    help="do not rewrite rules/spun/spun-tortured.toml")
    ap.add_argument("--dump", help="write every candidate with its fate to this TSV file")
    args = ap.parse_args()

    wn = WordNet(args.wordnet)
    seeds = load_seeds(SEEDS)
    stats = {k: 0 for k in ["seed words unknown to WordNet", "synonyms seen"]}
    # Clean copy: the even half of the corpus, the clean fixture, WordNet's glosses.
    texts = []
    with open(args.corpus, encoding="utf-8") as f:
        for pos, line in enumerate(f):
            if pos % 2 == 0 and line.strip():
                story = json.loads(line)
                texts.append(story.get("title", "") + "\n" + story.get("body", ""))
    if os.path.exists(CLEAN_FIXTURE):
        with open(CLEAN_FIXTURE, encoding="utf-8") as f:
            texts.append(f.read())
    corpus_grams = ngram_set(texts, 4)
    gloss_grams = ngram_set((g for (_, _, g) in wn.synsets.values()), 4)
    vocab = set()
    for g in list(corpus_grams) + list(gloss_grams):
        vocab.update(g.split())
    cands = spin(wn, seeds, stats, vocab)
    seed_set = set(seeds)
    curated = curated_matches(CURATED)

    fate = {}
    source = {}
    for cand, seed, word, form, reason in cands:
        if cand in fate and fate[cand] is None:
            continue
        if reason is None:
            if cand in seed_set:
                reason = "another seed"
            elif cand in corpus_grams:
                reason = "in clean copy (Reuters even half or clean fixture)"
            elif cand in wn.compounds:
                reason = "WordNet collocation"
            elif cand in gloss_grams:
                reason = "in WordNet glosses"
            elif cand in REVIEWED_FINE:
                reason = "reviewed: fine English"
            elif cand in curated:
                reason = "already in spun-collocation"
        if cand not in fate or reason is None:
            fate[cand] = reason
            source[cand] = seed

    # A candidate that contains a shorter surviving one ("deputy bloom minister" and "bloom
    # minister") would give two findings for one phrase: the shorter entry is enough.
    kept = [c for c, r in fate.items() if r is None]
    kept_set = set(kept)
    for c in kept:
        toks = c.split()
        for n in range(2, len(toks)):
            for i in range(len(toks) - n + 1):
                if " ".join(toks[i:i + n]) in kept_set:
                    fate[c] = "contains a shorter entry"
    survivors = sorted(c for c, r in fate.items() if r is None)

    if args.dump:
        with open(args.dump, "w", encoding="utf-8") as f:
            for c in sorted(fate):
                f.write("%s\t%s\t%s\n" % (c, source[c], fate[c] or "KEPT"))

    if args.report:
        counts = {}
        for r in fate.values():
            counts[r or "kept"] = counts.get(r or "kept", 0) + 1
        print("seeds: %d" % len(seeds), file=sys.stderr)
        for k, v in sorted(stats.items()):
            print("%s: %d" % (k, v), file=sys.stderr)
        for k, v in sorted(counts.items(), key=lambda kv: -kv[1]):
            print("candidates, %s: %d" % (k, v), file=sys.stderr)
        story = ["detective agency", "hands transfers", "weapons wastes", "military cohesion",
                 "unique warning", "studies teacher", "economically disturbed"]
        allc = set(c for c, *_ in cands)
        for s in story:
            print("seed story phrase %-24s %s" % (s, ("produced: " + str(fate[s])) if s in allc
                                                   else "not produced"), file=sys.stderr)

    lines = [
        "# GENERATED by tools/gen_spun.py from tools/spun_seeds.txt and WordNet 3.0; do not edit.",
        "# Regenerate: python3 tools/gen_spun.py  (add seeds to tools/spun_seeds.txt, and",
        "# candidates found to be fine English to REVIEWED_FINE in the script).",
        'id = "spun-generated"',
        'kind = "phrase"',
        'severity = "warning"',
        'category = "accuracy/mistranslation"',
        "message = \"'{match}' reads like a synonym-spun phrase; wire copy says '{expected}'.\"",
        'description = """',
        "Machine-made, then reviewed: each entry is a news collocation (tools/spun_seeds.txt,",
        "curated by hand) with one word swapped for a WordNet 3.0 synonym from another sense of",
        "that word, the way an article spinner swaps words (\"interest rates\" -> \"involvement",
        "rates\"). Candidates were dropped when they occur in clean copy (half of the Reuters",
        "development corpus, WordNet's own collocations and glosses), when the synonym is rare or",
        "close to the news sense, or when a read-through found them to be fine English. The lists",
        "are not exhaustive and a match can still be innocent in an unusual context. WordNet 3.0",
        "is Copyright 2006 Princeton University, used under its permissive WordNet license.\"\"\"",
        "",
        "[examples]",
        "fire = [",
        '  "Analysts expect the central bank to cut involvement rates next month.",',
        '  "Prosecutors filed crook charges against the former mayor.",',
        "]",
        "clean = [",
        '  "Analysts expect the central bank to cut interest rates next month.",',
        '  "Prosecutors filed criminal charges against the former mayor.",',
        "]",
        "",
    ]
    for c in survivors:
        lines.append("[[phrases]]")
        lines.append("match = " + toml_str(c))
        lines.append("expected = " + toml_str(source[c]))
        lines.append("")
    with open(args.out, "w", encoding="utf-8") as f:
        f.write("\n".join(lines))
    print("%d entries written to %s" % (len(survivors), os.path.relpath(args.out, ROOT)),
          file=sys.stderr)
    if not args.no_tortured:
        tortured_rule(corpus_grams, gloss_grams, wn.compounds, args.report)


if __name__ == "__main__":
    main()

//! Named entities: people, places and organisations, who mentions them and who is quoted.
//!
//! Names are runs of capitalised words ("Aleksandr Loekasjenko", "Institute for the Study of
//! War", with the particles "van", "de", "for", "the" inside). A capitalised word that opens a
//! sentence or a quotation counts only when the same word is also written with a capital
//! mid-sentence somewhere in the compared texts, or is in the alias table: "Maandag" and
//! "Deskundigen" are not names. Months, weekdays and nationality adjectives ("Russische",
//! "Oekraïense") are never names.
//!
//! One entity, one key: an alias-table name is keyed by its group ("Belarus" = "Wit-Rusland");
//! a two- or three-word personal name by its last word, so that "Eva Hartog", "correspondent
//! Hartog" and "Hartog" are one person. The kind comes from the evidence around the name:
//! a title before it ("woordvoerder", "hoogleraar", "analist", "president"…) or a quotation it
//! speaks makes a person; an organisation word ("persbureau", "denktank", "Institute",
//! "Universiteit") or an acronym an organisation; a preposition of place ("in", "naar", "uit")
//! or the built-in place list a place.

use std::ops::Range;

use rustc_hash::{FxHashMap, FxHashSet};
use serde::Serialize;

use super::quotes::QuoteReport;
use super::words::{Doc, Sentence};
use crate::export::{csv_row, CSV_EOL};
use crate::search::alias::{name_key, AliasTable};
use crate::text::fold::fold;
use crate::time::expressions::is_month_or_weekday;

/// Words that say what a person is; they precede a name ("woordvoerder Dmitri Peskov").
const PERSON_TITLES: &[&str] = &[
    "president",
    "premier",
    "minister",
    "woordvoerder",
    "woordvoerster",
    "hoogleraar",
    "analist",
    "correspondent",
    "commandant",
    "leider",
    "dictator",
    "generaal",
    "kanselier",
    "koning",
    "koningin",
    "burgemeester",
    "ambassadeur",
    "directeur",
    "voorzitter",
    "topman",
    "topvrouw",
    "oppositieleider",
    "deskundige",
    "expert",
    "onderzoeker",
    "journalist",
    "schrijver",
    "politicus",
    "senator",
    "dhr",
    "mevrouw",
    "meneer",
    "mevr",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "professor",
    "prof",
    "analyst",
    "chancellor",
    "general",
    "chief",
    "secretary",
    "governor",
    "mayor",
    "ambassador",
    "director",
    "chairman",
    "chairwoman",
    "boss",
    "mr",
    "mrs",
    "ms",
    "dr",
    "sir",
    "lord",
    "lady",
    "king",
    "queen",
    "prince",
    "senator",
    "researcher",
    "economist",
    "econoom",
    "advocaat",
    "lawyer",
    "coach",
    "trainer",
    "manager",
    "striker",
    "captain",
    "aanvoerder",
    "bondscoach",
    "veldheer",
    "opperbevelhebber",
    "staatshoofd",
    "ministers",
    "presidenten",
    "analisten",
    "woordvoerders",
    "leiders",
    "correspondenten",
    "experts",
    "deskundigen",
    "hoogleraren",
    "generaals",
    "ministers",
    "analysts",
    "leaders",
];

/// Words that open sentences and are written with a capital there only; a capitalised word
/// after them is still a name ("Volgens Minsk"), but they never begin one.
const STARTERS: &[&str] = &[
    "volgens",
    "toen",
    "daarna",
    "daarom",
    "ook",
    "nu",
    "hoewel",
    "omdat",
    "terwijl",
    "tijdens",
    "sinds",
    "na",
    "voor",
    "nadat",
    "zowel",
    "maar",
    "want",
    "dus",
    "wel",
    "niet",
    "geen",
    "volgende",
    "vorige",
    "deze",
    "die",
    "dat",
    "dit",
    "het",
    "de",
    "een",
    "in",
    "op",
    "bij",
    "met",
    "uit",
    "aan",
    "naar",
    "over",
    "onder",
    "tegen",
    "zonder",
    "ondanks",
    "dankzij",
    "eerder",
    "later",
    "vandaag",
    "gisteren",
    "morgen",
    "intussen",
    "inmiddels",
    "wie",
    "wat",
    "waarom",
    "hoe",
    "waar",
    "wanneer",
    "ook",
    "zo",
    "alleen",
    "according",
    "after",
    "before",
    "when",
    "while",
    "since",
    "during",
    "although",
    "but",
    "and",
    "so",
    "yet",
    "however",
    "in",
    "on",
    "at",
    "for",
    "from",
    "with",
    "without",
    "the",
    "a",
    "an",
    "this",
    "that",
    "these",
    "those",
    "mr",
    "mrs",
    "ms",
    "dr",
    "sir",
    "if",
    "as",
    "by",
    "of",
    "to",
    "why",
    "how",
    "what",
    "who",
    "where",
    "meanwhile",
    "last",
    "next",
    "earlier",
    "later",
    "today",
    "yesterday",
];

/// Short adjectives of nationality the suffix rules miss.
const SHORT_ADJECTIVES: &[&str] = &[
    "britse",
    "franse",
    "duitse",
    "turkse",
    "poolse",
    "zweedse",
    "noorse",
    "deense",
    "schotse",
    "ierse",
    "finse",
    "griekse",
    "russische",
    "british",
    "french",
    "german",
    "dutch",
    "polish",
    "swedish",
    "danish",
    "irish",
    "scottish",
    "welsh",
    "english",
    "spanish",
    "turkish",
    "greek",
    "finnish",
    "american",
    "european",
    "african",
    "asian",
    "westerse",
    "oosterse",
    "western",
    "eastern",
    "northern",
    "southern",
    "noordelijke",
    "zuidelijke",
    "oostelijke",
    "westelijke",
];

/// Words that say what an organisation is; they precede its name ("persbureau Interfax").
const ORG_TITLES: &[&str] = &[
    "persagentschap",
    "persbureau",
    "agentschap",
    "nieuwsagentschap",
    "denktank",
    "nieuwssite",
    "krant",
    "dagblad",
    "weekblad",
    "zender",
    "omroep",
    "bank",
    "bedrijf",
    "partij",
    "ministerie",
    "organisatie",
    "concern",
    "website",
    "agency",
    "newspaper",
    "broadcaster",
    "firm",
    "company",
    "group",
    "party",
    "ministry",
    "magazine",
    "network",
    "channel",
    "bureau",
    "institute",
];

/// Words inside a name that make it an organisation ("Chatham House", "Universiteit van …").
const ORG_WORDS: &[&str] = &[
    "house",
    "institute",
    "instituut",
    "universiteit",
    "university",
    "ministerie",
    "ministry",
    "bank",
    "partij",
    "party",
    "raad",
    "council",
    "commissie",
    "commission",
    "agency",
    "times",
    "news",
    "post",
    "kremlin",
    "navo",
    "nato",
    "unie",
    "union",
    "corporation",
    "inc",
    "ltd",
    "plc",
    "group",
    "fund",
    "fonds",
    "court",
    "hof",
    "parlement",
    "parliament",
    "congress",
    "senaat",
    "senate",
    "club",
    "fc",
    "united",
    "association",
    "vereniging",
    "federatie",
    "federation",
    "bbc",
    "reuters",
    "interfax",
    "tass",
    "zaken",
    "defensie",
    "department",
];

/// Places Newsprism knows without evidence (the alias table adds its own).
const PLACES: &[&str] = &[
    "europa",
    "europe",
    "azie",
    "asia",
    "afrika",
    "africa",
    "amerika",
    "america",
    "washington",
    "amsterdam",
    "brussel",
    "brussels",
    "londen",
    "london",
    "parijs",
    "paris",
    "berlijn",
    "berlin",
    "minsk",
    "china",
    "kazachstan",
    "kazakhstan",
    "polen",
    "poland",
    "litouwen",
    "lithuania",
    "letland",
    "latvia",
    "estland",
    "estonia",
    "duitsland",
    "germany",
    "frankrijk",
    "france",
    "nederland",
    "netherlands",
    "belgie",
    "belgium",
    "engeland",
    "england",
    "brittannie",
    "britain",
    "schotland",
    "scotland",
    "wales",
    "ierland",
    "ireland",
    "japan",
    "india",
    "iran",
    "israel",
    "turkije",
    "turkey",
    "syrie",
    "syria",
    "georgie",
    "georgia",
    "moldavie",
    "moldova",
    "westen",
    "west",
    "oosten",
    "noorden",
    "zuiden",
    "krim",
    "crimea",
    "donbas",
    "charkiv",
    "kharkiv",
    "cherson",
    "kherson",
    "marioepol",
    "mariupol",
    "odessa",
    "new york",
    "beijing",
    "peking",
    "tokyo",
    "rome",
    "madrid",
    "wenen",
    "vienna",
    "genève",
    "geneva",
    "den haag",
];

/// Prepositions after which a name is a place.
const PLACE_PREPOSITIONS: &[&str] = &[
    "in", "naar", "uit", "vanuit", "te", "richting", "nabij", "from", "to", "into", "near",
];

/// Words joining the parts of a name.
const PARTICLES: &[&str] = &[
    "van", "de", "der", "den", "von", "al", "bin", "le", "la", "du", "of", "for", "the", "and",
];

/// Whether a folded word is a person title, directly or as the tail of a compound
/// ("defensieanalist", "Kremlin-woordvoerder").
pub fn is_person_title(folded: &str) -> bool {
    let tail = folded.rsplit('-').next().unwrap_or(folded);
    PERSON_TITLES.contains(&tail)
        || PERSON_TITLES
            .iter()
            .any(|t| t.len() >= 6 && tail.len() > t.len() && tail.ends_with(t))
}

fn is_org_title(folded: &str) -> bool {
    ORG_TITLES.contains(&folded)
        || ORG_TITLES
            .iter()
            .any(|t| t.len() >= 6 && folded.ends_with(t))
}

/// Whether a capitalised word is an adjective of nationality or origin ("Russische",
/// "Oekraïense", "Belarussian"): never a name on its own.
pub fn is_name_adjective(folded: &str) -> bool {
    let tail = folded.rsplit(['-', ' ']).next().unwrap_or(folded);
    let n = tail.chars().count();
    SHORT_ADJECTIVES.contains(&tail)
        || n > 4
            && (tail.ends_with("sche")
                || tail.ends_with("isch")
                || tail.ends_with("ische")
                || tail.ends_with("ense")
                || tail.ends_with("aanse")
                || tail.ends_with("iaans")
                || tail.ends_with("ese") && n > 6
                || tail.ends_with("ian") && n > 6
                || tail.ends_with("se") && n > 7 && !tail.ends_with("house"))
}

/// What kind of thing a name names.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum EntityKind {
    /// A person.
    Person,
    /// A place: a country, city, region.
    Place,
    /// An organisation, institution or outlet.
    Organisation,
    /// A name of unknown kind.
    Other,
}

impl EntityKind {
    /// A lowercase name for CSS classes and exports.
    pub fn name(self) -> &'static str {
        match self {
            EntityKind::Person => "person",
            EntityKind::Place => "place",
            EntityKind::Organisation => "organisation",
            EntityKind::Other => "other",
        }
    }
}

/// A name found in a sentence.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NameSpan {
    /// Word indices in the sentence.
    pub words: Range<usize>,
    /// Byte range in the unit.
    pub range: Range<usize>,
    /// The name as written.
    pub text: String,
    /// Evidence of kind from the words before it.
    pub hint: Option<EntityKind>,
}

/// What the compared texts say about capitalisation: which words are names wherever they stand.
#[derive(Debug, Default)]
pub struct NameContext {
    /// Folded words written with a capital somewhere other than at the start of a sentence.
    mid_capitals: FxHashSet<String>,
    /// Name keys of the last words of two- and three-word personal names ("hartog").
    surnames: FxHashSet<String>,
}

impl NameContext {
    /// Learns from the documents.
    pub fn new(docs: &[Doc]) -> NameContext {
        let mut ctx = NameContext::default();
        for d in docs {
            for s in &d.sentences {
                for (i, w) in s.words.iter().enumerate() {
                    if w.capital && !starts_clause(d, s, i) {
                        ctx.mid_capitals.insert(w.key.clone());
                    }
                }
            }
        }
        for d in docs {
            for s in &d.sentences {
                for n in ctx.names(d, s) {
                    let parts: Vec<&str> = n.text.split_whitespace().collect();
                    if (2..=3).contains(&parts.len())
                        && !parts.iter().any(|p| PARTICLES.contains(&fold(p).as_str()))
                        && !parts
                            .iter()
                            .any(|p| ORG_WORDS.contains(&fold(p).as_str()) || is_acronym(p))
                        && n.hint != Some(EntityKind::Organisation)
                    {
                        if let Some(last) = parts.last() {
                            ctx.surnames.insert(name_key(last));
                        }
                    }
                }
            }
        }
        ctx
    }

    /// Whether a name key is the surname of a two- or three-word personal name.
    pub fn is_surname(&self, key: &str) -> bool {
        self.surnames.contains(key)
    }

    /// The names in a sentence.
    pub fn names(&self, doc: &Doc, s: &Sentence) -> Vec<NameSpan> {
        let text = doc.units[s.unit].text;
        let ws = &s.words;
        let nameish = |k: usize| -> bool {
            let w = &ws[k];
            w.capital
                && w.key.chars().count() > 1
                && !w.key.starts_with(|c: char| c.is_ascii_digit())
                && !is_month_or_weekday(&w.key)
                && !is_name_adjective(&w.key)
                && !crate::text::stopwords::is_stopword(&w.key)
                // "Wit-Russische", "Oost-Europese": the compound is an adjective.
                && !(w.joined && ws.get(k + 1).is_some_and(|n| is_name_adjective(&n.key)))
                // "S-400": a letter joined to digits is a model name.
                && !(w.joined && ws.get(k + 1).is_some_and(|n| n.key.starts_with(|c: char| c.is_ascii_digit())))
        };
        let mut out = Vec::new();
        let mut i = 0;
        while i < ws.len() {
            let w = &ws[i];
            let alias = |k: usize| ws[k].stem.starts_with('=');
            let ok_start = nameish(i)
                && (alias(i)
                    || !starts_clause(doc, s, i)
                    || self.mid_capitals.contains(&w.key)
                    // "Konrad Muzyka, een defensieanalist": a first name opening a sentence.
                    || (!STARTERS.contains(&w.key.as_str())
                        && !w.joined
                        && i + 1 < ws.len()
                        && nameish(i + 1)
                        && text[w.range.end..ws[i + 1].range.start] == *" "));
            if !ok_start {
                i += 1;
                continue;
            }
            let mut last = i;
            // A compound with a lowercase tail ("Kremlin-woordvoerder", "NAVO-functionarissen")
            // names its head only; an alias-table name is complete in itself.
            let extendable = !alias(i) && (!w.joined || ws.get(i + 1).is_some_and(|n| n.capital));
            if extendable {
                let mut j = i + 1;
                let mut particles = 0;
                while j < ws.len() {
                    let gap = &text[ws[j - 1].range.end..ws[j].range.start];
                    if !gap.chars().all(|c| c == ' ' || c == '-') {
                        break;
                    }
                    if nameish(j) && !(particles > 0 && alias(j)) {
                        last = j;
                        particles = 0;
                        if alias(j) {
                            break;
                        }
                        j += 1;
                    } else if PARTICLES.contains(&ws[j].key.as_str()) && particles < 2 {
                        particles += 1;
                        j += 1;
                    } else {
                        break;
                    }
                }
            }
            let range = ws[i].range.start..ws[last].range.end;
            let hint = hint_before(s, i);
            out.push(NameSpan {
                words: i..last + 1,
                text: text[range.clone()].to_string(),
                range,
                hint,
            });
            i = last + 1;
            // Skip the lowercase tail of a compound.
            while i < ws.len() && ws[i - 1].joined && !ws[i].capital {
                i += 1;
            }
        }
        out
    }

    /// The entity key of a name: its alias group, the surname of a personal name, or the name.
    pub fn key(&self, name: &str, aliases: &AliasTable) -> String {
        if let Some(c) = aliases.canonical(name) {
            return format!("={}", name_key(c));
        }
        // Dutch genitive: "Poetins", "Moskous", "Loekasjenko's".
        let bare = name
            .strip_suffix("'s")
            .or_else(|| name.strip_suffix("’s"))
            .or_else(|| name.strip_suffix('s'))
            .filter(|b| b.chars().count() > 2 && !b.contains(' '));
        if let Some(b) = bare {
            if let Some(c) = aliases.canonical(b) {
                return format!("={}", name_key(c));
            }
            if self.surnames.contains(&name_key(b)) {
                return name_key(b);
            }
        }
        let parts: Vec<&str> = name.split_whitespace().collect();
        if let Some(last) = parts.last() {
            if parts.len() > 1 {
                if let Some(c) = aliases.canonical(last) {
                    return format!("={}", name_key(c));
                }
                if self.surnames.contains(&name_key(last)) {
                    return name_key(last);
                }
            }
        }
        name_key(name)
    }
}

fn is_acronym(word: &str) -> bool {
    let letters: Vec<char> = word.chars().filter(|c| c.is_alphabetic()).collect();
    letters.len() >= 2 && letters.iter().all(|c| c.is_uppercase())
}

/// Whether word `i` opens its sentence, a quotation or what follows a colon.
pub fn starts_clause(doc: &Doc, s: &Sentence, i: usize) -> bool {
    if i == 0 {
        return true;
    }
    let text = doc.units[s.unit].text;
    let before = &text[s.words[i - 1].range.end..s.words[i].range.start];
    before
        .chars()
        .rev()
        .find(|c| !c.is_whitespace())
        .is_some_and(|c| {
            matches!(
                c,
                '„' | '“' | '"' | '‘' | '\'' | '«' | ':' | '(' | '.' | '!' | '?' | '–' | '—'
            )
        })
}

/// What the words just before a name say about its kind.
fn hint_before(s: &Sentence, i: usize) -> Option<EntityKind> {
    let ws = &s.words;
    // Up to three words back, past determiners and adjectives ("de Britse denktank").
    for k in (i.saturating_sub(3)..i).rev() {
        let w = &ws[k];
        if is_person_title(&w.key) {
            return Some(EntityKind::Person);
        }
        if is_org_title(&w.key) {
            return Some(EntityKind::Organisation);
        }
        if k + 1 == i && PLACE_PREPOSITIONS.contains(&w.key.as_str()) {
            return Some(EntityKind::Place);
        }
        if !(w.key == "de"
            || w.key == "het"
            || w.key == "the"
            || is_name_adjective(&w.key)
            || w.content)
        {
            break;
        }
    }
    None
}

/// One entity across the compared articles.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Entity {
    /// Its key.
    pub key: String,
    /// The fullest form written.
    pub name: String,
    /// Its kind.
    pub kind: EntityKind,
    /// Every form written.
    pub forms: Vec<String>,
    /// Mentions per party.
    pub mentions: Vec<u32>,
    /// Quotations attributed to it, per party.
    pub quoted: Vec<u32>,
    /// Mentions per article (in comparison order).
    pub per_article: Vec<u32>,
}

impl Entity {
    /// How many parties mention it.
    pub fn party_count(&self) -> usize {
        self.mentions.iter().filter(|&&m| m > 0).count()
    }

    /// All mentions.
    pub fn total(&self) -> u32 {
        self.mentions.iter().sum()
    }
}

/// The entities of the compared articles, most widely mentioned first.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct EntityReport {
    /// The entities.
    pub entities: Vec<Entity>,
}

#[derive(Default)]
struct Acc {
    forms: Vec<String>,
    votes: FxHashMap<EntityKind, u32>,
    mentions: Vec<u32>,
    per_article: Vec<u32>,
    multiword: bool,
}

impl EntityReport {
    /// Finds the entities; `party_of[i]` is the party of `docs[i]`.
    pub fn build(
        docs: &[Doc],
        party_of: &[usize],
        quotes: &QuoteReport,
        ctx: &NameContext,
        aliases: &AliasTable,
    ) -> EntityReport {
        let parties = party_of.iter().copied().max().map_or(0, |m| m + 1);
        let mut acc: FxHashMap<String, Acc> = FxHashMap::default();
        let mut order: Vec<String> = Vec::new();
        for (d, doc) in docs.iter().enumerate() {
            for s in &doc.sentences {
                for n in ctx.names(doc, s) {
                    let key = ctx.key(&n.text, aliases);
                    let e = acc.entry(key.clone()).or_insert_with(|| {
                        order.push(key.clone());
                        Acc {
                            mentions: vec![0; parties],
                            per_article: vec![0; docs.len()],
                            ..Acc::default()
                        }
                    });
                    if !e.forms.contains(&n.text) {
                        e.forms.push(n.text.clone());
                    }
                    if let Some(h) = n.hint {
                        *e.votes.entry(h).or_default() += 1;
                    }
                    e.multiword |= n.text.contains(' ') && !n.text.contains(" van ");
                    e.mentions[party_of[d]] += 1;
                    e.per_article[d] += 1;
                }
            }
        }
        let mut entities: Vec<Entity> = order
            .into_iter()
            .filter_map(|key| {
                let a = acc.remove(&key)?;
                let mut quoted = vec![0u32; parties];
                for q in &quotes.quotes {
                    if q.speaker.as_ref().is_some_and(|s| s.key == key) {
                        quoted[q.party] += 1;
                    }
                }
                let name = a
                    .forms
                    .iter()
                    .max_by_key(|f| (f.split_whitespace().count(), f.len()))
                    .cloned()
                    .unwrap_or_default();
                let folded = fold(&name);
                let words: Vec<&str> = name.split_whitespace().collect();
                let person_shaped = (2..=3).contains(&words.len())
                    && !words.iter().any(|w| PARTICLES.contains(&fold(w).as_str()));
                let kind = if words.iter().any(|w| ORG_WORDS.contains(&fold(w).as_str()))
                    || is_acronym(&name)
                    || a.votes.get(&EntityKind::Organisation).is_some_and(|&v| {
                        v >= a.votes.get(&EntityKind::Person).copied().unwrap_or(0)
                    }) {
                    EntityKind::Organisation
                } else if is_place(&folded, aliases) {
                    EntityKind::Place
                } else if quoted.iter().any(|&q| q > 0)
                    || a.votes.contains_key(&EntityKind::Person)
                    || (person_shaped && a.multiword)
                    || ctx.is_surname(&key)
                {
                    EntityKind::Person
                } else if a.votes.contains_key(&EntityKind::Place) {
                    EntityKind::Place
                } else {
                    EntityKind::Other
                };
                Some(Entity {
                    key,
                    name,
                    kind,
                    forms: a.forms,
                    mentions: a.mentions,
                    quoted,
                    per_article: a.per_article,
                })
            })
            .collect();
        entities.sort_by(|a, b| {
            b.party_count()
                .cmp(&a.party_count())
                .then(b.total().cmp(&a.total()))
                .then(a.name.cmp(&b.name))
        });
        EntityReport { entities }
    }

    /// The entity matrix as CSV: one row per entity, mentions and quotations per party.
    pub fn to_csv(&self, party_labels: &[String]) -> String {
        let mut head = vec!["entity".to_string(), "kind".into(), "forms".into()];
        for p in party_labels {
            head.push(format!("{p}: mentions"));
            head.push(format!("{p}: quoted"));
        }
        let refs: Vec<&str> = head.iter().map(String::as_str).collect();
        let mut out = csv_row(&refs);
        out.push_str(CSV_EOL);
        for e in &self.entities {
            let mut row = vec![e.name.clone(), e.kind.name().into(), e.forms.join(" | ")];
            for (m, q) in e.mentions.iter().zip(&e.quoted) {
                row.push(m.to_string());
                row.push(q.to_string());
            }
            let refs: Vec<&str> = row.iter().map(String::as_str).collect();
            out.push_str(&csv_row(&refs));
            out.push_str(CSV_EOL);
        }
        out
    }

    /// The entity matrix as JSON.
    pub fn to_json(&self, party_labels: &[String]) -> String {
        let rows: Vec<serde_json::Value> = self
            .entities
            .iter()
            .map(|e| {
                let by: Vec<serde_json::Value> = party_labels
                    .iter()
                    .enumerate()
                    .map(|(i, p)| {
                        serde_json::json!({"source": p, "mentions": e.mentions.get(i), "quoted": e.quoted.get(i)})
                    })
                    .collect();
                serde_json::json!({"entity": e.name, "kind": e.kind.name(), "forms": e.forms, "sources": by})
            })
            .collect();
        serde_json::to_string_pretty(&rows).unwrap_or_default()
    }
}

fn is_place(folded: &str, aliases: &AliasTable) -> bool {
    PLACES.contains(&folded)
        || aliases.canonical(folded).is_some_and(|c| {
            let c = fold(c);
            PLACE_GROUPS.contains(&c.as_str())
        })
}

/// Alias-table groups (by first spelling, folded) that are places.
const PLACE_GROUPS: &[&str] = &[
    "wit-rusland",
    "kiev",
    "oekraine",
    "rusland",
    "moskou",
    "sint-petersburg",
    "vs",
];

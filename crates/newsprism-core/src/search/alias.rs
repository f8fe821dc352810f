//! Name aliases: one person or place, many spellings across languages and outlets.
//!
//! "Belarus" and "Wit-Rusland" are the same country; "Poetin", "Putin" and "Poutine" the same man.
//! The table is data the user can edit; this module only stores it and looks names up. Lookups
//! compare folded names, so case and diacritics never matter.

use std::collections::HashMap;

use crate::text::fold::fold;

/// The built-in groups: each line is one name in its spellings.
const BUILT_IN: &[&[&str]] = &[
    &["Poetin", "Putin", "Poutine", "Poetien"],
    &[
        "Loekasjenko",
        "Lukashenko",
        "Loekasjenka",
        "Lukasjenko",
        "Lukashenka",
        "Lukaschenko",
        "Łukaszenka",
    ],
    &[
        "Wit-Rusland",
        "Belarus",
        "Witrusland",
        "Wit Rusland",
        "Byelorussia",
        "Belorussia",
        "Weißrussland",
    ],
    &[
        "Wit-Russisch",
        "Belarussisch",
        "Belarusian",
        "Belarussian",
        "Byelorussian",
    ],
    &["Kiev", "Kyiv", "Kiew", "Kyjiv", "Kijev"],
    &[
        "Zelensky",
        "Zelenski",
        "Zelenskyy",
        "Zelenskyj",
        "Selenskyj",
        "Zelenskiy",
    ],
    &["Oekraïne", "Ukraine", "Oekraine"],
    &["Oekraïens", "Oekraïense", "Ukrainian"],
    &["Rusland", "Russia", "Russland"],
    &["Russisch", "Russische", "Russian"],
    &["Sjojgoe", "Shoigu", "Schoigu", "Sjojgu"],
    &["Peskov", "Peskow"],
    &["Lavrov", "Lavrow", "Lawrow"],
    &["Moskou", "Moscow", "Moskau"],
    &["Navalny", "Navalnyj", "Nawalny", "Navalni"],
    &[
        "Tichanovskaja",
        "Tsikhanouskaya",
        "Tichanovskaya",
        "Tikhanovskaya",
    ],
    &[
        "Sint-Petersburg",
        "Saint Petersburg",
        "St. Petersburg",
        "Sankt-Peterburg",
    ],
    &["NAVO", "NATO", "OTAN"],
    &["VN", "Verenigde Naties", "UN", "United Nations"],
    &["EU", "Europese Unie", "European Union"],
    &["VS", "Verenigde Staten", "US", "USA", "United States"],
    &["Kremlin", "Kreml"],
];

/// One group of spellings that name the same thing.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AliasGroup {
    /// The spellings, as they should be shown.
    pub names: Vec<String>,
}

/// The editable alias table.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AliasTable {
    groups: Vec<AliasGroup>,
    /// Name key → group, rebuilt on every edit: a query looks up every word it has.
    lookup: HashMap<String, usize>,
}

impl Default for AliasTable {
    fn default() -> Self {
        let mut table = AliasTable {
            groups: BUILT_IN
                .iter()
                .map(|g| AliasGroup {
                    names: g.iter().map(|s| s.to_string()).collect(),
                })
                .collect(),
            lookup: HashMap::new(),
        };
        table.reindex();
        table
    }
}

/// How names are compared: folded, with hyphens and full stops read as spaces.
pub fn name_key(name: &str) -> String {
    fold(name)
        .split(|c: char| c.is_whitespace() || c == '-' || c == '.')
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

impl AliasTable {
    /// An empty table.
    pub fn empty() -> Self {
        AliasTable {
            groups: Vec::new(),
            lookup: HashMap::new(),
        }
    }

    fn reindex(&mut self) {
        self.lookup = self
            .groups
            .iter()
            .enumerate()
            .flat_map(|(i, g)| g.names.iter().map(move |n| (name_key(n), i)))
            .collect();
    }

    /// The groups.
    pub fn groups(&self) -> &[AliasGroup] {
        &self.groups
    }

    /// Adds a group; names already in another group join that group instead.
    pub fn add_group(&mut self, names: &[&str]) {
        let names: Vec<String> = names
            .iter()
            .map(|n| n.trim().to_string())
            .filter(|n| !n.is_empty())
            .collect();
        if names.len() < 2 {
            return;
        }
        let existing = names.iter().find_map(|n| self.group_index(n));
        match existing {
            Some(i) => {
                for n in names {
                    if !self.groups[i]
                        .names
                        .iter()
                        .any(|m| name_key(m) == name_key(&n))
                    {
                        self.groups[i].names.push(n);
                    }
                }
            }
            None => self.groups.push(AliasGroup { names }),
        }
        self.reindex();
    }

    /// Removes the group that holds this name.
    pub fn remove_group_of(&mut self, name: &str) {
        if let Some(i) = self.group_index(name) {
            self.groups.remove(i);
            self.reindex();
        }
    }

    fn group_index(&self, name: &str) -> Option<usize> {
        self.lookup.get(&name_key(name)).copied()
    }

    /// The group's first spelling for a name in the table: one key for every spelling, so that
    /// comparison counts "Belarus" and "Wit-Rusland" as one place.
    ///
    /// ```
    /// use newsprism_core::search::alias::AliasTable;
    /// let table = AliasTable::default();
    /// assert_eq!(table.canonical("Belarus"), table.canonical("wit-rusland"));
    /// assert_eq!(table.canonical("Minsk"), None);
    /// ```
    pub fn canonical(&self, name: &str) -> Option<&str> {
        self.group_index(name)
            .and_then(|i| self.groups[i].names.first())
            .map(String::as_str)
    }

    /// The most words any spelling in the table has ("Verenigde Naties" has two).
    pub fn longest_name_words(&self) -> usize {
        self.lookup
            .keys()
            .map(|k| k.split(' ').count())
            .max()
            .unwrap_or(1)
    }

    /// The other spellings of a name (not the name itself), or nothing.
    ///
    /// ```
    /// use newsprism_core::search::alias::AliasTable;
    /// let table = AliasTable::default();
    /// assert!(table.others("belarus").contains(&"Wit-Rusland".to_string()));
    /// assert!(table.others("Minsk").is_empty());
    /// ```
    pub fn others(&self, name: &str) -> Vec<String> {
        self.others_of(name)
    }

    /// For a prefix query: the other spellings of every group with a name starting with
    /// `prefix` (`lukas*` → "Loekasjenko", "Loekasjenka"), not those that start with it too.
    ///
    /// ```
    /// use newsprism_core::search::alias::AliasTable;
    /// let table = AliasTable::default();
    /// let others = table.others_by_prefix("lukas");
    /// assert!(others.contains(&"Loekasjenko".to_string()));
    /// assert!(!others.iter().any(|n| n.starts_with("Lukas")));
    /// ```
    pub fn others_by_prefix(&self, prefix: &str) -> Vec<String> {
        let prefix = name_key(prefix);
        if prefix.chars().count() < 3 {
            return Vec::new();
        }
        let mut out = Vec::new();
        for g in &self.groups {
            if g.names.iter().any(|n| name_key(n).starts_with(&prefix)) {
                out.extend(
                    g.names
                        .iter()
                        .filter(|n| !name_key(n).starts_with(&prefix))
                        .cloned(),
                );
            }
        }
        out
    }

    fn others_of(&self, name: &str) -> Vec<String> {
        let key = name_key(name);
        match self.group_index(name) {
            Some(i) => self.groups[i]
                .names
                .iter()
                .filter(|n| name_key(n) != key)
                .cloned()
                .collect(),
            None => Vec::new(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_issue_pairs_find_each_other() {
        let t = AliasTable::default();
        let pairs = [
            ("Poetin", "Putin"),
            ("Loekasjenko", "Lukashenko"),
            ("Lukasjenko", "Loekasjenka"),
            ("Wit-Rusland", "Belarus"),
            ("wit rusland", "Belarus"),
            ("Kiev", "Kyiv"),
            ("Kiew", "Kyjiv"),
            ("Zelensky", "Zelenskyy"),
            ("Oekraine", "Ukraine"),
            ("Rusland", "Russia"),
            ("Sjojgoe", "Shoigu"),
            ("Peskov", "Peskow"),
        ];
        for (a, b) in pairs {
            assert!(
                t.others(a).iter().any(|n| name_key(n) == name_key(b)),
                "{a} → {b}"
            );
        }
    }

    #[test]
    fn groups_can_be_edited() {
        let mut t = AliasTable::empty();
        t.add_group(&["Schraibman", "Shraibman"]);
        assert_eq!(t.others("shraibman"), ["Schraibman"]);
        t.add_group(&["Shraibman", "Sjraibman"]);
        assert_eq!(t.groups().len(), 1);
        assert_eq!(t.others("Schraibman").len(), 2);
        t.remove_group_of("Sjraibman");
        assert!(t.others("Schraibman").is_empty());
        t.add_group(&["alleen"]);
        assert!(t.groups().is_empty());
    }
}

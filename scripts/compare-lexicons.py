#!/usr/bin/env python3
"""Compares candidate lemma lexicons on the project's gold data (issue 14), before one is chosen.

For every inflected token of UD LassySmall (form != lemma) and every row of the English gold table,
a lexicon is looked up with the lowercased form; it is right when it gives the gold lemma (compared
lowercased, with a compound's `_` removed). Coverage is how often the form is in the lexicon at all.
Prints accuracy and coverage overall, by part of speech and for lemmas with and without `_`, and
each lexicon's size.

Usage (the wheels come from PyPI: `pip download --no-deps simplemma spacy-lookups-data`):
  scripts/compare-lexicons.py --simplemma simplemma-*.whl --spacy spacy_lookups_data-*.whl \\
      ../shared/corpora/ud-nl-lassysmall/*.conllu crates/newsprism-core/tests/gold/english-lemmas.tsv
"""

import argparse
import collections
import gzip
import json
import importlib.util
import os
import zipfile


def simplemma_tables(wheel):
    """simplemma's tables, read as make-lexicon.py reads them (one reader of the wheel), keys
    lowercased."""
    spec = importlib.util.spec_from_file_location(
        "make_lexicon", os.path.join(os.path.dirname(os.path.abspath(__file__)), "make-lexicon.py")
    )
    make_lexicon = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(make_lexicon)
    return {
        lang: {k.lower(): v for k, v in table.items()}
        for lang, table in make_lexicon.tables(wheel).items()
    }


def spacy_tables(wheel):
    """spacy-lookups-data: data/<lang>_lemma_lookup.json(.gz), form -> lemma."""
    out = {}
    with zipfile.ZipFile(wheel) as z:
        names = z.namelist()
        for lang in ("nl", "en"):
            hit = [n for n in names if n.endswith(f"/{lang}_lemma_lookup.json") or n.endswith(f"/{lang}_lemma_lookup.json.gz")]
            if not hit:
                continue
            raw = z.read(hit[0])
            if hit[0].endswith(".gz"):
                raw = gzip.decompress(raw)
            table = json.loads(raw)
            out[lang] = {k.lower(): v for k, v in table.items()}
    return out


def ud_tokens(paths):
    for path in paths:
        with open(path, encoding="utf-8") as f:
            for line in f:
                if line.startswith("#") or not line.strip():
                    continue
                cols = line.rstrip("\n").split("\t")
                if len(cols) < 4 or not cols[0].isdigit():
                    continue
                form, lemma, upos = cols[1], cols[2], cols[3]
                if not any(c.isalpha() for c in lemma):
                    continue
                if form.lower() == lemma.lower().replace("_", ""):
                    continue
                yield form, lemma, upos


def english_rows(path):
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            form, lemma, upos = line.rstrip("\n").split("\t")[:3]
            yield form, lemma, upos


def score(table, items):
    """(right, covered, total) overall and per group."""
    groups = collections.defaultdict(lambda: [0, 0, 0])
    for form, lemma, upos in items:
        want = lemma.lower().replace("_", "")
        got = table.get(form.lower())
        keys = ["all", upos, "with _" if "_" in lemma else "without _"]
        for k in keys:
            g = groups[k]
            g[2] += 1
            if got is not None:
                g[1] += 1
                if got.lower().replace("_", "") == want:
                    g[0] += 1
    return groups


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--simplemma")
    ap.add_argument("--spacy")
    ap.add_argument("files", nargs="+")
    a = ap.parse_args()
    lexicons = {}
    if a.simplemma:
        lexicons["simplemma"] = simplemma_tables(a.simplemma)
    if a.spacy:
        lexicons["spacy"] = spacy_tables(a.spacy)
    conllu = [f for f in a.files if f.endswith(".conllu")]
    tsv = [f for f in a.files if f.endswith(".tsv")]
    nl = list(ud_tokens(conllu))
    en = [r for p in tsv for r in english_rows(p)]
    for name, tables in lexicons.items():
        for lang, items in (("nl", nl), ("en", en)):
            table = tables.get(lang)
            if table is None:
                print(f"{name} {lang}: no table")
                continue
            lemmas = len(set(table.values()))
            print(f"{name} {lang}: {len(table):,} forms, {lemmas:,} lemmas")
            groups = score(table, items)
            order = ["all", "without _", "with _"] + sorted(k for k in groups if k not in ("all", "without _", "with _"))
            for k in order:
                if k not in groups:
                    continue
                right, covered, total = groups[k]
                if total < 20 and k not in ("all", "without _", "with _"):
                    continue
                print(f"  {k:<10} accuracy {right / total:.3f}  coverage {covered / total:.3f}  ({total} tokens)")


if __name__ == "__main__":
    main()

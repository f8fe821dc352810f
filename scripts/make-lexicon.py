#!/usr/bin/env python3
"""Writes Newsprism's lemma lexicon from simplemma's dictionaries (MIT; see
crates/newsprism-core/data/README.md): `make lexicon` runs it.

Output: crates/newsprism-core/data/lexicon.txt, with an `@nl` and an `@en` section, one line per
word form whose dictionary form differs from it (a form that is its own lemma needs no line),
lowercased, sorted, front-coded (see `front_coded`), forms with digits or spaces left out. The
core folds the forms once more when it loads them, with the same folding as the search index.

Usage: scripts/make-lexicon.py simplemma-2.0.0-py3-none-any.whl
(the wheel comes from PyPI: `pip download --no-deps simplemma==2.0.0`)
"""

import lzma
import os
import sys
import tempfile
import zipfile

OUT = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "crates", "newsprism-core", "data")


def tables(wheel):
    """simplemma 2.x: data/<lang>.plzma, an LZMA-compressed front-coded stream, read with the
    wheel's own decoder."""
    out = {}
    with tempfile.TemporaryDirectory() as tmp:
        with zipfile.ZipFile(wheel) as z:
            z.extractall(tmp)
        sys.path.insert(0, tmp)
        from simplemma.strategies.dictionaries.frontcode import _decode_stream

        for lang in ("nl", "en"):
            with lzma.open(f"{tmp}/simplemma/strategies/dictionaries/data/{lang}.plzma") as f:
                out[lang] = {k.decode(): v.decode() for k, v in _decode_stream(f.read()).items()}
        sys.path.remove(tmp)
    return out


def usable(word):
    return word and not any(c.isdigit() or c.isspace() or c == "\t" for c in word)


def front_coded(pairs):
    """`<n><rest>\t<k><suffix>` lines: the form shares its first n characters with the previous
    form; the lemma is the form with its last k characters replaced by suffix."""
    previous = ""
    for form in sorted(pairs):
        lemma = pairs[form]
        n = 0
        while n < min(len(previous), len(form)) and previous[n] == form[n]:
            n += 1
        j = 0
        while j < min(len(form), len(lemma)) and form[j] == lemma[j]:
            j += 1
        yield f"{n}{form[n:]}\t{len(form) - j}{lemma[j:]}\n"
        previous = form


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    os.makedirs(OUT, exist_ok=True)
    path = os.path.join(OUT, "lexicon.txt")
    with open(path, "w", encoding="utf-8", newline="\n") as out:
        out.write("# Newsprism lemma lexicon, from simplemma 2.0.0 (MIT, Adrien Barbaresi; see LICENSE-simplemma).\n")
        out.write("# Regenerate with `make lexicon`. Format: crates/newsprism-core/src/text/lemma/mod.rs.\n")
        for lang, table in tables(sys.argv[1]).items():
            pairs = {}
            for form, lemma in table.items():
                f, l = form.lower(), lemma.lower()
                if f != l and usable(f) and usable(l):
                    pairs.setdefault(f, l)
            out.write(f"@{lang}\n")
            out.writelines(front_coded(pairs))
            print(f"{lang}: {len(pairs):,} forms")
    print(f"{path}: {os.path.getsize(path):,} bytes")


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Writes Newsprism's lemma lexicon from simplemma's dictionaries (MIT; see
crates/newsprism-core/data/README.md): `make lexicon` runs it.

Output: DIR/nl.tsv and DIR/en.tsv, one `form<TAB>lemma` line per word form whose dictionary form
differs from it (a form that is its own lemma needs no line), lowercased, sorted, forms with digits
or spaces left out. `examples/pack_lexicon.rs` then keys and packs them into
crates/newsprism-core/data/lexicon.txt (see crates/newsprism-core/src/text/lemma/file.rs).

Usage: scripts/make-lexicon.py simplemma-2.0.0-py3-none-any.whl DIR
(the wheel comes from PyPI: `pip download --no-deps simplemma==2.0.0`)
"""

import lzma
import os
import sys
import tempfile
import zipfile



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
    """Words of two letters or more without digits or spaces: a one-letter form ("n" for "and",
    "t" for "het") would join every stray letter to a common word."""
    return len(word.replace("'", "").replace("’", "")) >= 2 and not any(c.isdigit() or c.isspace() or c == "\t" for c in word)


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    out_dir = sys.argv[2]
    os.makedirs(out_dir, exist_ok=True)
    for lang, table in tables(sys.argv[1]).items():
        pairs = {}
        for form, lemma in table.items():
            f, l = form.lower(), lemma.lower()
            if f != l and usable(f) and usable(l):
                pairs.setdefault(f, l)
        path = os.path.join(out_dir, f"{lang}.tsv")
        with open(path, "w", encoding="utf-8", newline="\n") as out:
            for f in sorted(pairs):
                out.write(f"{f}\t{pairs[f]}\n")
        print(f"{path}: {len(pairs):,} forms")


if __name__ == "__main__":
    main()

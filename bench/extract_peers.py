#!/usr/bin/env python3
"""Runs the peer extractors on the shared web pages, for `make bench-extract`.

trafilatura 2.3, readability-lxml and jusText (the extractors issue 15 names) read each page of
DIR/pages and DIR/dated; their article text and publication dates are written to OUT as JSON
({"extractor": {"pages": {file: text}, "dates": {file: "YYYY-MM-DD"}, "seconds": s}}), for
examples/extract_score.rs to score exactly as it scores Newsprism. Time is the extraction alone
(files are read first). Each peer's text is led by the page title trafilatura's metadata finds,
as Newsprism's text is led by its headline. Dates: htmldate (trafilatura's) fast mode.
Usage: extract_peers.py DIR OUT
"""
import json
import os
import sys
import time

import justext
import lxml.html
import trafilatura
from htmldate import find_date
from readability import Document

STOPLISTS = {"de": "German", "en": "English", "fr": "French", "nl": "Dutch", "es": "Spanish",
             "it": "Italian", "pl": "Polish", "pt": "Portuguese"}


def read_pages(folder):
    pages = {}
    for name in sorted(os.listdir(folder)):
        with open(os.path.join(folder, name), "rb") as f:
            pages[name] = f.read()
    return pages


def title_of(html):
    meta = trafilatura.extract_metadata(html)
    return (meta.title or "") if meta else ""


def run_trafilatura(html):
    return trafilatura.extract(html, include_comments=False) or ""


def run_readability(html):
    doc = Document(html)
    summary = doc.summary(html_partial=True)
    return lxml.html.fromstring(summary).text_content() if summary.strip() else ""


def run_justext(html):
    tree = lxml.html.fromstring(html)
    lang = (tree.get("lang") or "en")[:2].lower()
    stoplist = justext.get_stoplist(STOPLISTS.get(lang, "English"))
    paragraphs = justext.justext(html, stoplist)
    return "\n".join(p.text for p in paragraphs if not p.is_boilerplate)


# Rounds timed; the fastest counts, as in the extract_score example.
ROUNDS = 3

EXTRACTORS = {"trafilatura": run_trafilatura, "readability": run_readability, "justext": run_justext}


def main():
    folder, out = sys.argv[1], sys.argv[2]
    pages = read_pages(os.path.join(folder, "pages"))
    dated = read_pages(os.path.join(folder, "dated"))
    titles = {}
    for name, raw in pages.items():
        try:
            titles[name] = title_of(raw)
        except Exception:  # a page a peer cannot parse gets no title
            titles[name] = ""
    result = {}
    for label, run in EXTRACTORS.items():
        rounds = []
        for _ in range(ROUNDS):
            texts, started = {}, time.perf_counter()
            for name, raw in pages.items():
                try:
                    texts[name] = run(raw)
                except Exception:  # a page the peer fails on scores as empty
                    texts[name] = ""
            rounds.append(time.perf_counter() - started)
        seconds = min(rounds)
        result[label] = {"pages": {n: (titles[n] + "\n" + t) for n, t in texts.items()}, "seconds": seconds}
        print(f"{label}: {len(pages)} pages in {seconds:.1f} s (fastest of {ROUNDS} rounds)", file=sys.stderr)
    rounds = []
    for _ in range(ROUNDS):
        dates, started = {}, time.perf_counter()
        for name, raw in dated.items():
            try:
                dates[name] = find_date(raw.decode("utf-8", "replace"), extensive_search=False) or ""
            except Exception:
                dates[name] = ""
        rounds.append(time.perf_counter() - started)
    result["htmldate"] = {"dates": dates, "seconds": min(rounds)}
    with open(out, "w") as f:
        json.dump(result, f)


main()

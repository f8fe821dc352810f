#!/usr/bin/env python3
"""The house's structure, checked: `make lint` runs this and fails on any finding.

1. Arrows point down. Each top-level module of a crate has a layer (LAYERS below, drawn in
   DEVELOPERS.md); a module imports only from its own layer or lower ones, never from above.
2. No import circles between modules (file-level: `compare::quotes` and `compare::entities`
   may not import each other, even within one layer).
3. Browser glue (`web_sys`, `js_sys`, `wasm_bindgen`) only under src/browser/ (and main.rs,
   bin/).
4. Rooms of a readable size: no file over MAX_FILE_LINES lines, no function over
   MAX_FN_LINES, outside the generated tables in EXEMPT. Test code (an inline test module, or
   a module file named tests.rs) counts towards its file's length but not towards the
   function rule: a table of cases reads best in one piece.

Imports are read from `use` lines and `crate::…` paths in code above a file's first
`#[cfg(test)]` (tests may reach anywhere). Usage: scripts/check-structure.py [--report]
(--report prints the findings and exits 0).
"""

import os
import re
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

# Lower numbers are lower layers. A module may import from its own layer and below.
LAYERS = {
    "crates/newsprism-core/src": {
        "text": 0,
        "export": 0,
        "bytes": 0,
        "sorting": 0,
        "article": 1,
        "error": 1,
        "project": 2,
        "search": 2,
        "time": 2,
        "ingest": 3,
        "compare": 3,
        "corpus": 4,
        "analysis": 5,
        "publish": 5,
        "lib": 6,
    },
    "src": {
        "route": 0,
        "seeds": 0,
        "browser": 1,
        "state": 2,
        "components": 3,
        "views": 4,
        "app": 5,
        "lib": 6,
        "main": 6,
        "bin": 6,
    },
}

MAX_FILE_LINES = 600
MAX_FN_LINES = 80
# Generated tables, not rooms anyone reads.
EXEMPT = {
    "crates/newsprism-core/src/text/fold_table.rs",
    "crates/newsprism-core/src/text/compose_table.rs",
}
GLUE = re.compile(r"\b(web_sys|js_sys|wasm_bindgen)::")


def code_lines(path):
    """The file's lines above its first #[cfg(test)] (the test module sits at the end)."""
    out = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.strip().startswith("#[cfg(test)]"):
                break
            out.append(line)
    return out


def module_of(crate_src, path):
    """'compare/quotes/mod.rs' -> ['compare', 'quotes']."""
    rel = os.path.relpath(path, os.path.join(ROOT, crate_src))
    parts = rel[:-3].split(os.sep)
    if parts[-1] == "mod":
        parts = parts[:-1]
    return parts or ["lib"]


def strip_comments(line):
    return line.split("//", 1)[0]


def imports(lines, own):
    """Module paths this file imports from its crate: `crate::a::b`, `super::x`, and the
    brace groups of `use crate::{a, b::c}`."""
    text = "".join(strip_comments(l) for l in lines)
    found = set()
    for m in re.finditer(r"\bcrate::((?:[a-z_][a-z0-9_]*::)*[a-z_][a-z0-9_]*)", text):
        found.add(tuple(m.group(1).split("::")))
    for m in re.finditer(r"\bcrate::\{([^}]*)\}", text):
        for item in m.group(1).split(","):
            item = item.strip()
            if item and item[0].islower():
                found.add(tuple(item.split("::")[0:2]))
    for m in re.finditer(r"\bsuper::((?:[a-z_][a-z0-9_]*::)*[a-z_][a-z0-9_]*)", text):
        found.add(tuple(own[:-1]) + tuple(m.group(1).split("::")))
    return found


def resolve(path, modules):
    """The longest prefix of an import path that is a module file."""
    for n in range(len(path), 0, -1):
        if tuple(path[:n]) in modules:
            return tuple(path[:n])
    return None


def functions(lines):
    """(name, first line, length) of each fn, by brace matching outside strings and comments."""
    out = []
    depth = 0
    open_fns = []  # (name, start line, depth at which its body opened)
    pending = None
    in_block_comment = False
    for i, raw in enumerate(lines):
        line = raw
        if in_block_comment:
            if "*/" in line:
                line = line.split("*/", 1)[1]
                in_block_comment = False
            else:
                continue
        line = re.sub(r'r#*"[^"]*"#*', '""', line)
        line = re.sub(r'"(\\.|[^"\\])*"', '""', line)
        line = re.sub(r"'(\\.|[^'\\])'", "''", line)
        line = strip_comments(line)
        if "/*" in line:
            line, _ = line.split("/*", 1)
            in_block_comment = True
        m = re.search(r"\bfn\s+([a-zA-Z_][a-zA-Z0-9_]*)", line)
        if m:
            pending = (m.group(1), i)
        square = 0
        for ch in line:
            if ch == "[":
                square += 1
            elif ch == "]":
                square -= 1
            elif ch == "{":
                depth += 1
                if pending is not None:
                    open_fns.append((pending[0], pending[1], depth))
                    pending = None
            elif ch == "}":
                if open_fns and open_fns[-1][2] == depth:
                    name, start, _ = open_fns.pop()
                    out.append((name, start + 1, i - start + 1))
                depth -= 1
            elif ch == ";" and pending is not None and square <= 0:
                pending = None  # a declaration without a body (a trait item)
    return out


def check():
    findings = []
    for crate_src, layers in LAYERS.items():
        base = os.path.join(ROOT, crate_src)
        files = {}
        for dirpath, _, names in os.walk(base):
            for n in names:
                if n.endswith(".rs"):
                    p = os.path.join(dirpath, n)
                    files[tuple(module_of(crate_src, p))] = p
        graph = {}
        for mod, path in sorted(files.items()):
            rel = os.path.relpath(path, ROOT)
            lines = code_lines(path)
            top = mod[0]
            if top not in layers:
                findings.append(f"{rel}: module `{top}` has no layer in scripts/check-structure.py")
                continue
            deps = set()
            for imp in imports(lines, list(mod)):
                target = resolve(imp, files)
                if target is None or target == mod:
                    continue
                if target[0] not in layers:
                    continue
                # A parent's mod.rs declaring its children is not an import.
                if target[: len(mod)] == mod:
                    continue
                deps.add(target)
                if layers[target[0]] > layers[top]:
                    findings.append(
                        f"{rel}: imports `{'::'.join(target)}` from a layer above "
                        f"({target[0]} is {layers[target[0]]}, {top} is {layers[top]})"
                    )
            graph[mod] = deps
            if crate_src == "src" and top not in ("browser", "main", "bin"):
                for n, line in enumerate(lines, 1):
                    if GLUE.search(strip_comments(line)):
                        findings.append(f"{rel}:{n}: browser glue outside src/browser/")
            whole = sum(1 for _ in open(path, encoding="utf-8"))
            if rel not in EXEMPT:
                if whole > MAX_FILE_LINES:
                    findings.append(f"{rel}: {whole} lines (at most {MAX_FILE_LINES})")
                test_file = os.path.basename(path) == "tests.rs"
                for name, start, length in ([] if test_file else functions(lines)):
                    if length > MAX_FN_LINES:
                        findings.append(
                            f"{rel}:{start}: fn {name} is {length} lines (at most {MAX_FN_LINES})"
                        )
        findings.extend(cycles(graph, crate_src))
    return findings


def cycles(graph, crate_src):
    """Import circles, by Tarjan's strongly connected components."""
    index, low, stack, on, out = {}, {}, [], set(), []
    counter = [0]

    def visit(v):
        index[v] = low[v] = counter[0]
        counter[0] += 1
        stack.append(v)
        on.add(v)
        for w in graph.get(v, ()):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = []
            while True:
                w = stack.pop()
                on.discard(w)
                comp.append(w)
                if w == v:
                    break
            if len(comp) > 1:
                names = sorted("::".join(c) for c in comp)
                out.append(f"{crate_src}: import circle between {', '.join(names)}")

    sys.setrecursionlimit(10000)
    for v in sorted(graph):
        if v not in index:
            visit(v)
    return out


def main():
    findings = check()
    for f in findings:
        print(f)
    if "--report" in sys.argv:
        return 0
    if findings:
        print(f"check-structure: {len(findings)} findings", file=sys.stderr)
        return 1
    print("check-structure: layers, circles, glue and sizes all fine")
    return 0


if __name__ == "__main__":
    sys.exit(main())

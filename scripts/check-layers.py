#!/usr/bin/env python3
"""The layer check that `make test` runs first (docs/design.md, "Layers"). It fails, naming file
and line, when

  sql      a file outside src/store/ holds an SQL statement (or a fragment of one) in a string
           literal: every statement lives in a store/ repository;
  json     a header under src/service/ includes nlohmann/json: services take and return plain
           C++ types, and api/ holds the JSON codecs;
  include  an #include runs against the allowed directions below (an upward include).

Tests (*_test.cc) and test helpers (*/testing/*) may read what the store wrote with SQL of their
own and build JSON fixtures, so the sql and json rules skip them; the include rule holds for them
too.

scripts/check-layers.allowlist lists the files that offend today, as `RULE PATH COUNT`. A listed
file must offend exactly COUNT times: more fails (new SQL in a file that is being emptied), and
fewer fails too, asking for the line to be lowered or removed, so the list only shrinks.

    scripts/check-layers.py           # exit 1 with one line per problem
    scripts/check-layers.py --list    # every offence, allowlisted or not (for updating the list)
"""
import os
import re
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
ALLOWLIST = os.path.join(ROOT, "scripts", "check-layers.allowlist")

# What each layer (the first folder under src/) may include besides itself. cli is the top and
# may include anything; nothing may include cli.
ALLOWED = {
    "util": set(),
    "core": {"util"},
    "text": {"core", "util"},
    "store": {"text", "core", "util"},
    "import": {"text", "core", "util"},
    "export": {"text", "core", "util"},
    "auth": {"text", "core", "util"},
    "http": {"util"},
    "service": {"store", "import", "export", "auth", "text", "core", "util"},
    "api": {"service", "http", "store", "import", "export", "auth", "text", "core", "util"},
    "cli": {"api", "service", "http", "store", "import", "export", "auth", "text", "core", "util"},
}
# Tests may also read back what their layer writes: the export tests open the DOCX/XLSX they
# wrote with the importer's zip reader and parser.
ALLOWED_IN_TESTS = {"export": {"import"}}

SQL_PATTERNS = [
    re.compile(r"\bSELECT\b[\s\S]*\bFROM\b"),
    re.compile(r"\bINSERT\s+(OR\s+\w+\s+)?INTO\b"),
    re.compile(r"\bUPDATE\s+\w+\s+SET\b"),
    re.compile(r"\bDELETE\s+FROM\b"),
    re.compile(r"\b(CREATE|DROP|ALTER)\s+(TEMP(ORARY)?\s+|UNIQUE\s+)?"
               r"(TABLE|INDEX|VIEW|TRIGGER|SCHEMA|SEQUENCE)\b"),
    re.compile(r"\bWITH\s+RECURSIVE\b"),
    re.compile(r"^\s*SELECT\b"),
    re.compile(r"\b(ORDER|GROUP)\s+BY(\s*$|\s+\w+\(|\s+[\w.()]+(\s+(ASC|DESC)|\s*,|\s*$|\s+LIMIT))"),
    re.compile(r"(^|\s)((LEFT|INNER|CROSS)\s+)?JOIN(\s|$)"),
    re.compile(r"\bIS\s+(NOT\s+)?NULL\b|\bCOALESCE\("),
    # Fragments appended to a statement: " AND p.search_key LIKE ?", " WHERE a.entity = ?".
    re.compile(r"\b(WHERE|AND|OR|ON)\s+[\w.]+\s*(=|<>|!=|<=|>=|<|>|\bLIKE\b|\bIN\b|\bIS\b)"),
    re.compile(r"[\w.)]\s*(=|<>|<=|>=|<|>|\bLIKE\b)\s*\?"),
    re.compile(r"\bLIMIT\s+(\?|\d)"),
]


def string_literals(text):
    """(line, text) of each string literal, adjacent literals ("a" "b") merged into one."""
    out = []
    i, n, line = 0, len(text), 1
    last_end = None  # index just after the last literal, while only blanks/comments followed
    while i < n:
        c = text[i]
        if c == "\n":
            line += 1
            i += 1
        elif text.startswith("//", i):
            j = text.find("\n", i)
            i = n if j < 0 else j
        elif text.startswith("/*", i):
            j = text.find("*/", i + 2)
            j = n if j < 0 else j + 2
            line += text.count("\n", i, j)
            i = j
        elif c == "'" and not (i > 0 and text[i - 1].isalnum()):  # char literal, not 1'000
            j = i + 1
            while j < n and text[j] != "'":
                j += 2 if text[j] == "\\" else 1
            i = j + 1
            last_end = None
        elif c == '"' or (c == "R" and text.startswith('R"', i)):
            start_line = line
            if c == "R" and (i == 0 or not (text[i - 1].isalnum() or text[i - 1] == "_")
                             or text[i - 2:i] in ("u8",) or text[i - 1] in "uUL"):
                m = re.match(r'R"([^(\s]*)\(', text[i:])
                end = text.find(")" + m.group(1) + '"', i + m.end())
                body = text[i + m.end():end]
                j = end + len(m.group(1)) + 2
            elif c == "R":
                i += 1
                continue
            else:
                j, parts = i + 1, []
                while j < n and text[j] != '"':
                    if text[j] == "\\":
                        parts.append(text[j:j + 2])
                        j += 2
                    else:
                        parts.append(text[j])
                        j += 1
                body = "".join(parts)
                j += 1
            line += text.count("\n", i, j)
            if last_end is not None and out:
                out[-1] = (out[-1][0], out[-1][1] + body)
            else:
                out.append((start_line, body))
            i = j
            last_end = j
            continue
        else:
            if not c.isspace():
                last_end = None
            i += 1
    return out


def layer_of(path):
    parts = path.split("/")
    return parts[1] if len(parts) > 2 and parts[0] == "src" else None


def is_test(path):
    return path.endswith("_test.cc") or "/testing/" in path


def offences(path, text):
    """(rule, line, message) for each offence in one file under src/."""
    found = []
    layer = layer_of(path)
    if layer != "store" and not is_test(path) and path.endswith((".cc", ".h")):
        for line, body in string_literals(text):
            if any(p.search(body) for p in SQL_PATTERNS):
                shown = " ".join(body.split())[:70]
                found.append(("sql", line, f'SQL in a string literal outside src/store/: "{shown}"'))
    for number, source in enumerate(text.splitlines(), 1):
        m = re.match(r'\s*#\s*include\s*([<"])([^>"]+)[>"]', source)
        if not m:
            continue
        target = m.group(2)
        if (layer == "service" and path.endswith(".h") and not is_test(path)
                and target.startswith("nlohmann/json")):
            found.append(("json", number, f"service header includes <{target}>: services return "
                                          "plain types; JSON codecs live in src/api/"))
        if m.group(1) != '"' or layer not in ALLOWED:
            continue
        to = target.split("/")[0]
        if to == layer or to not in ALLOWED:
            continue
        allowed = ALLOWED[layer] | (ALLOWED_IN_TESTS.get(layer, set()) if is_test(path) else set())
        if to not in allowed:
            found.append(("include", number, f'{layer}/ may not include "{target}" '
                                             f"(allowed: {', '.join(sorted(allowed)) or 'nothing'})"))
    return found


def read_allowlist():
    allowed = {}
    with open(ALLOWLIST, encoding="utf-8") as f:
        for number, raw in enumerate(f, 1):
            line = raw.split("#", 1)[0].strip()
            if not line:
                continue
            fields = line.split()
            if len(fields) != 3 or fields[0] not in ("sql", "json", "include") or not fields[2].isdigit():
                sys.exit(f"{ALLOWLIST}:{number}: expected `RULE PATH COUNT`, got '{line}'")
            allowed[(fields[0], fields[1])] = int(fields[2])
    return allowed


def main():
    list_all = "--list" in sys.argv[1:]
    by_file = {}
    for top, dirs, files in os.walk(os.path.join(ROOT, "src")):
        dirs.sort()
        for name in sorted(files):
            if not name.endswith((".cc", ".h")):
                continue
            path = os.path.relpath(os.path.join(top, name), ROOT)
            with open(os.path.join(ROOT, path), encoding="utf-8", errors="replace") as f:
                for rule, line, message in offences(path, f.read()):
                    by_file.setdefault((rule, path), []).append((line, message))
    if list_all:
        for (rule, path), items in sorted(by_file.items()):
            print(f"{rule} {path} {len(items)}")
        return 0
    allowed = read_allowlist()
    problems = []
    for (rule, path), items in sorted(by_file.items()):
        count = allowed.get((rule, path))
        if count is None:
            problems += [f"{path}:{line}: {message}" for line, message in items]
        elif len(items) > count:
            problems.append(f"{path}: {len(items)} {rule} offence(s), the allowlist admits {count} "
                            "(move the new ones where they belong):")
            problems += [f"{path}:{line}: {message}" for line, message in items]
    for (rule, path), count in sorted(allowed.items()):
        have = len(by_file.get((rule, path), []))
        if have == 0:
            problems.append(f"{os.path.relpath(ALLOWLIST, ROOT)}: {path} no longer offends ({rule}): "
                            "remove its line")
        elif have < count:
            problems.append(f"{os.path.relpath(ALLOWLIST, ROOT)}: {path} has {have} {rule} "
                            f"offence(s), not {count}: lower its count to {have}")
    for p in problems:
        print(p, file=sys.stderr)
    if problems:
        print(f"check-layers: {len(problems)} problem(s); see docs/design.md, \"Layers\"",
              file=sys.stderr)
        return 1
    print(f"check-layers: layers hold ({sum(allowed.values())} allowlisted offences in "
          f"{len(allowed)} entries left for phase B)")
    return 0


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
"""Unlabelled documents as a second check on `lienthong import`.

../shared/textcorpus/admin-vi.txt.xz holds 426 real administrative documents (plans, decisions,
circulars, official letters), one paragraph per line, with a train/test split in its manifest.
They have no gold, so this checks what the text itself shows: where a field is visibly printed
(a "Số:" line, a "<place>, ngày … tháng … năm …" line, a type name, a "Nơi nhận:" list, a
signature block, "Căn cứ … số …" citations), the import must have found one, and a file must
come out as one document. These are silver checks, reported per part, never a gate.

Documents that are also in ../shared/corpus (found by their number) are left out of both parts,
so the corpus's check part stays unseen. The manifest's "train" documents are the part rules may
be read from ("tuning"); its "test" documents are only scored ("check").

    scripts/textcorpus-check.py BUILD_DIR [--verbose]
"""
import json
import lzma
import re
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
TYPE_LINE = re.compile(r"^(KẾ HOẠCH|QUYẾT ĐỊNH|CHỈ THỊ|THÔNG BÁO|HƯỚNG DẪN|NGHỊ QUYẾT|BÁO CÁO|"
                       r"CHƯƠNG TRÌNH|TỜ TRÌNH|KẾT LUẬN|QUY CHẾ|QUY ĐỊNH|ĐỀ ÁN|THÔNG TƯ|NGHỊ ĐỊNH)\b")
NUMBER_LINE = re.compile(r"^Số\s*[:.]?\s*(\d\S*)")
DATE_LINE = re.compile(r"^([^,\d]{2,40}),\s*ngày\s+\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+\d{4}")
CITED = re.compile(r"số\s*:?\s*(\d{1,5}(?:/\d{4})?[/-][A-ZĐ][^\s,;()]*[A-ZĐa-z0-9])")
SIGNING = ("TM.", "T/M", "KT.", "TL.", "Q.")


def documents():
    text = lzma.open(SHARED / "textcorpus" / "admin-vi.txt.xz", "rt", encoding="utf-8").read()
    docs = [d for d in text.split("\n\n") if d.strip()]
    manifest = lzma.open(SHARED / "textcorpus" / "admin-vi.manifest.tsv.xz", "rt", encoding="utf-8")
    rows = [line.rstrip("\n").split("\t") for line in manifest][1:]
    if len(docs) != len(rows):
        sys.exit(f"textcorpus-check: {len(docs)} documents but {len(rows)} manifest rows")
    return [(i, doc, row[6]) for i, (doc, row) in enumerate(zip(docs, rows))]


def corpus_numbers():
    numbers = set()
    for gold in (SHARED / "corpus").glob("*.gold.json"):
        for d in json.loads(gold.read_text(encoding="utf-8")).get("documents", []):
            if d.get("number") and any(c.isdigit() for c in d["number"]):
                numbers.add(d["number"].replace(" ", ""))
    return numbers


def expectations(lines):
    """What the text visibly prints: field -> the line that shows it (or True)."""
    head = lines[:14]
    want = {"one document": True}
    number = next((m for m in map(NUMBER_LINE.match, head) if m), None)
    if number:
        want["number"] = number.group(1).rstrip(".,;")
    date = next((m for m in map(DATE_LINE.match, head) if m), None)
    if date:
        want["date"] = True
        want["place"] = True
    if lines and lines[0].isupper() and "CỘNG HÒA" not in lines[0] and "CỘNG HOÀ" not in lines[0]:
        want["issuer"] = True
    if any(TYPE_LINE.match(l) for l in head):
        want["title"] = True
    if any(l.startswith(SIGNING) for l in lines[-25:]):
        want["signer"] = True
    if any(l.startswith("Nơi nhận") for l in lines):
        want["recipients"] = True
    cited = []
    for l in lines[:60]:
        if re.match(r"^(I\.|1\.|Điều 1|Chương|QUYẾT ĐỊNH:|NGHỊ QUYẾT:)", l):
            break
        if re.match(r"^-?\s*(Căn cứ|Thực hiện|Triển khai)", l):
            cited += [m.group(1) for m in CITED.finditer(l)]
    if cited:
        want["legal bases"] = cited
    return want


def found(field, want, docs):
    if field == "one document":
        return len(docs) == 1
    d = docs[0]
    if field == "number":
        return d.get("number") == want
    if field == "signer":
        return bool((d.get("signer") or {}).get("name"))
    if field == "legal bases":
        return set(want) <= set(d.get("legal_bases") or [])
    key = {"title": "title", "issuer": "issuer", "date": "date", "place": "place",
           "recipients": "recipients"}[field]
    return bool(d.get(key))


def main(argv):
    if len(argv) < 2:
        sys.exit(__doc__)
    binary = Path(argv[1]).resolve() / "lienthong"
    verbose = "--verbose" in argv
    if not (SHARED / "textcorpus" / "admin-vi.txt.xz").exists() or not binary.exists():
        print("textcorpus-check: ../shared/textcorpus or the lienthong binary missing, skipped")
        return 0
    seen = corpus_numbers()
    parts = {"tuning": {}, "check": {}}
    misses = []
    left_out = 0
    with tempfile.TemporaryDirectory() as tmp:
        for index, doc, split in documents():
            if any(n in doc[:1500].replace(" ", "") for n in seen):
                left_out += 1
                continue
            path = Path(tmp) / f"{index:03d}.txt"
            path.write_text(doc + "\n", encoding="utf-8")
            run = subprocess.run([str(binary), "import", "--format", "json", str(path)],
                                 capture_output=True, text=True, timeout=120)
            try:
                docs = json.loads(run.stdout).get("documents", [])
            except json.JSONDecodeError:
                docs = []
            part = parts["tuning" if split == "train" else "check"]
            for field, want in expectations([l.strip() for l in doc.split("\n")]).items():
                ok = bool(docs) and found(field, want, docs)
                counts = part.setdefault(field, [0, 0])
                counts[0] += ok
                counts[1] += 1
                if not ok and split == "train":
                    misses.append(f"  {index:03d} {field}")
    print(f"textcorpus-check: {left_out} documents also in ../shared/corpus left out")
    for name, part in parts.items():
        total = sum(c[0] for c in part.values()), sum(c[1] for c in part.values())
        fields = "  ".join(f"{f}={c[0]}/{c[1]}" for f, c in part.items())
        print(f"textcorpus-check: {name}: {total[0]}/{total[1]} fields found; {fields}")
    if verbose:
        print("textcorpus-check: tuning misses (document index in admin-vi, field):")
        print("\n".join(misses))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))

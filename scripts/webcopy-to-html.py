#!/usr/bin/env python3
"""Turns a web copy of an official document (the corpus's text form: table cells between lines
holding a lone `|`, `**bold**`, `*italic*`, paragraphs wrapped mid-line and separated by blank
lines) back into the document it was copied from, as HTML: tables as tables, one paragraph per
paragraph, bold and italic kept. scripts/format-transfer.sh renders that HTML to DOCX, PDF and a
scanned page, so the importer can be scored on the same documents in the forms users also bring.

usage: webcopy-to-html.py IN.txt > OUT.html
"""
import html
import re
import sys

# A line that starts a paragraph of its own even without a blank line before it: list markers
# and numbered headings (Decree 30/2020 Appendix I: I., 1., 1.1., a), -, +), in bold or italic too.
ITEM_START = re.compile(r"^\**(?:[-+•–]\s|[a-zđ]\)\s|\d+(?:\.\d+)*[.)]\s|[IVXLC]+\.\s|\*\*(?=\S))")


def inline(text):
    """Markdown-ish emphasis to HTML; everything else escaped."""
    out = html.escape(text, quote=False)
    out = re.sub(r"\*\*(.+?)\*\*", r"<b>\1</b>", out)
    out = re.sub(r"\*(.+?)\*", r"<i>\1</i>", out)
    out = re.sub(r"(?<!_)__([^_]+?)__(?!_)", r"<u>\1</u>", out)  # "__Nơi nhận__:" is underlined
    return out.replace("*", "")


def is_caps(line):
    letters = [c for c in line if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


def paragraphs(lines, in_cell=False):
    """Wrapped lines joined back into paragraphs. In a table cell (the two-column header, a task
    table) a line after a closing emphasis marker starts a new paragraph, as the header's lines
    are separate paragraphs in the original, and the rule lines under the names (`-----`, drawn
    as a line in the original) are left out."""
    paras, current = [], []
    for raw in lines:
        line = raw.strip()
        if re.fullmatch(r"-{3,}", line):
            line = ""  # a rule under a name or a title: drawn in the original, no text
        if in_cell and current and current[-1].endswith("*") and current[-1].strip("*"):
            paras.append(" ".join(current))
            current = []
        elif in_cell and current and current[-1] == "**":
            paras.append(" ".join(current))
            current = []
        elif current and line and is_caps(current[-1]) != is_caps(line) and (
                in_cell or (is_caps(current[-1]) and len(current[-1].split()) >= 3 and line[:1].isupper())):
            # A signature's title in capitals above the signer's name, the issuer's name above
            # the number, a title in capitals above the preamble: separate paragraphs in the
            # original.
            paras.append(" ".join(current))
            current = []
        if not line:
            if current:
                paras.append(" ".join(current))
                current = []
            continue
        joined = " ".join(current)
        # A paragraph set wholly in bold or italic (the type name, an italic "Căn cứ …;") ends
        # where its emphasis closes.
        whole_emphasis = len(joined) > 2 and joined[0] == "*" and joined[-1] == "*" and joined.strip("*")
        if current and ((ITEM_START.match(line) and not current[-1].endswith("**")) or whole_emphasis):
            paras.append(joined)
            current = []
        current.append(line)
    if current:
        paras.append(" ".join(current))
    # Bold opened on one line and closed on the next was joined with a space inside the markers.
    return [re.sub(r"\*\*\s+\*\*", " ", p) for p in paras if p.strip("* ")]


def is_bar(line):
    return line.strip() == "|"


def ends_table(lines, i):
    """After a closing `|`: a blank line ends the table, and so does an empty bold "** **" that
    is not an empty cell's content (one with a `|` after it)."""
    if i >= len(lines):
        return True
    if lines[i].strip() == "":
        return True
    return lines[i].strip("* ") == "" and (i + 1 >= len(lines) or not is_bar(lines[i + 1]))


def read_table(lines, i):
    """The table whose opening `|` is at lines[i]: (rows of cells of lines, the index after it,
    lines left over after its last `|`). A run of k `|` lines after a cell closes it, holds k-2
    empty cells, and opens the next row; a single `|` goes on to the next cell."""
    rows, cells, cell = [], [], []
    width = 0  # cells in a row, once the first row has ended
    i += 1
    while i < len(lines):
        if not is_bar(lines[i]):
            cell.append(lines[i])
            i += 1
            continue
        run = 0
        while i + run < len(lines) and is_bar(lines[i + run]):
            run += 1
        cells.append(cell)
        cell = []
        if run == 1:
            i += 1
            if ends_table(lines, i) or (width and len(cells) >= width):
                break  # the last row is whole and no row follows
            continue
        cells.extend([] for _ in range(run - 2))
        rows.append(cells)
        width = width or len(cells)
        cells = []
        i += run
        if ends_table(lines, i):
            break
    if cells:
        rows.append(cells)
    return rows, i, cell


def blocks(text):
    """Yields ("p", lines) and ("table", rows of cells of lines) in order."""
    lines = text.split("\n")
    i = 0
    pending = []
    while i < len(lines):
        if is_bar(lines[i]):
            if pending:
                yield "p", pending
                pending = []
            rows, i, rest = read_table(lines, i)
            # A first row wider than every later row holds, in its extra leading cells, what came
            # before the table on a page without blank lines: the recipients | signature block
            # and an appendix's title.
            widths = [len(r) for r in rows[1:]]
            later = max(set(widths), key=widths.count) if widths else 0  # the usual width
            if later and len(rows[0]) >= later + 2 and " ".join(rows[0][0]).strip("* ").startswith("Nơi nhận"):
                extra, rows[0] = rows[0][:len(rows[0]) - later], rows[0][len(rows[0]) - later:]
                yield "table", [extra[:2]]
                for cell in extra[2:]:
                    yield "p", cell
            if any(c.strip() for c in rest):
                pending.extend(rest)
            yield "table", rows
            continue
        pending.append(lines[i])
        i += 1
    if pending:
        yield "p", pending


def document_lines(text):
    """The document without the web page around it: from the header table that holds the national
    motto or the Party name to the page's own furniture after the signature (the site's "this
    text has no English version" and "related texts" blocks, and the title it repeats before
    them). A copy without them is taken whole."""
    lines = text.split("\n")
    begin = 0
    for i, line in enumerate(lines):
        nxt = lines[i + 1].strip("* ") if i + 1 < len(lines) else ""
        bare = (line.strip("* ") + " " + nxt).upper()
        if bare.startswith("CỘNG HÒA XÃ HỘI") or bare.startswith("ĐẢNG CỘNG SẢN"):
            bars = [k for k in range(i - 1, max(-1, i - 12), -1) if lines[k].strip() == "|"]
            begin = bars[1] if len(bars) >= 2 else (bars[0] if bars else i)
            break
    end = len(lines)
    for i in range(begin, len(lines)):
        if lines[i].startswith("Văn bản này chưa cập nhật") or lines[i].startswith("## Văn bản liên quan"):
            end = i - 1 if i - 1 > begin and lines[i - 1].strip() != "|" else i
            break
    return "\n".join(lines[begin:end])


def render(text):
    """The page set the way Decree 30/2020 Appendix I lays it out: Times New Roman 14 pt, the two
    header columns (about 2:3) and the signature block centred, the type name and title centred
    under the header, the body justified; what follows the signature block (an appendix, an
    attached plan) starts a new page."""
    text = document_lines(text)
    out = ['<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8">'
           '<style>body { font-family: "Times New Roman", serif; font-size: 14pt; } '
           'p { margin: 0 0 6pt 0; text-align: justify; }</style></head><body>']
    tables = 0
    new_page = False  # the next paragraph starts a page: it follows the signature block
    titles_left = 0  # paragraphs after the header table still centred (type name and title)
    for kind, content in blocks(text):
        if kind == "p":
            for p in paragraphs(content):
                bare = p.strip("* ")
                centred = titles_left > 0 and (is_caps(bare) or p.startswith("**"))
                titles_left = titles_left - 1 if centred else 0
                style = ' style="text-align: center"' if centred else ""
                if new_page:  # what follows the signature (an appendix, an attached plan)
                    style = style[:-1] + '; page-break-before: always"' if style else \
                        ' style="page-break-before: always"'
                    new_page = False
                out.append(f"<p{style}>{inline(p)}</p>")
            continue
        tables += 1
        width = max((len(r) for r in content), default=0)
        first_cell = " ".join(content[0][0]).strip("* ") if content and content[0] else ""
        layout = width == 2 and (tables == 1 or first_cell.startswith("Nơi nhận"))
        out.append('<table width="100%">' if layout else '<table border="1" cellspacing="0" width="100%">')
        for row in content:
            out.append("<tr>")
            for c in range(width):
                cell = row[c] if c < len(row) else []
                # The header's columns, and the signer's column beside "Nơi nhận", are centred.
                centred = layout and (tables == 1 or c == 1)
                align = ' style="text-align: center"' if centred else ""
                body = "".join(f"<p{align}>{inline(p)}</p>" for p in paragraphs(cell, in_cell=True))
                cell_width = f' width="{40 if c == 0 else 60}%"' if layout else ""
                out.append(f"<td{cell_width}>{body or '<p></p>'}</td>")
            out.append("</tr>")
        out.append("</table>")
        if tables == 1:
            titles_left = 4
        if layout and tables > 1:
            new_page = True
            titles_left = 4  # an attached plan's type name and title are centred too
    out.append("</body></html>")
    return "\n".join(out) + "\n"


def main(argv):
    if len(argv) != 1:
        print(__doc__, file=sys.stderr)
        return 2
    with open(argv[0], encoding="utf-8") as f:
        sys.stdout.write(render(f.read()))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

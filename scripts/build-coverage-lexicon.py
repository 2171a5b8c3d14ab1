#!/usr/bin/env python3
"""Derives data/coverage-lexicon.tsv, the word statistics coverage matching uses
(docs/cascade.md, src/text/lexicon/word_lexicon.h), from the shared text corpus.

    scripts/build-coverage-lexicon.py [SHARED_DIR] [OUT]    (defaults: ../shared data/coverage-lexicon.tsv)

Reads SHARED_DIR/textcorpus/admin-vi.txt.xz (all of it) and the first LEGAL_SYLLABLES syllables of
legal-vi-2.txt.xz. Python 3 standard library only; deterministic (same corpus, same bytes); about
40 s of CPU and 0.7 GB of memory (37 s user time measured; on a loaded machine the wall time is
longer).

What it writes, per term (a syllable, or a two-syllable compound the corpus uses as one word):
  - its weight: inverse document frequency over paragraphs, so "công tác" weighs little and
    "an ninh" much;
  - up to MAX_NEIGHBOURS related terms with a similarity in (0, 1]: terms used in the same
    contexts (cosine of positive-PMI context vectors, window of WINDOW content terms each side),
    kept when both are in each other's top NEIGHBOUR_POOL and the cosine is >= MIN_COSINE.
No corpus text is copied: the file holds terms and numbers only.
"""
import collections
import lzma
import math
import os
import re
import sys
import time
import unicodedata

LEGAL_SYLLABLES = 2_500_000   # of legal-vi-2 (14.4 M): the codified law adds vocabulary, admin-vi the topic
MIN_SYLLABLE_COUNT = 5        # a syllable shipped with its weight
MIN_COMPOUND_COUNT = 12       # a two-syllable compound
MIN_COMPOUND_DICE = 0.03      # 2 count(ab) / (count(a) + count(b)): "người dân", "công nghệ"
MIN_COMPOUND_SHARE = 0.25     # or count(ab) / min(count(a), count(b)): "sạt lở", "đắk lắk"
MIN_TARGET_COUNT = 40         # a term gets neighbours
WINDOW = 3
CONTEXTS_PER_TERM = 80        # strongest PPMI contexts kept per term
MAX_CONTEXT_SPREAD = 3000     # contexts shared by more terms say nothing
NEIGHBOUR_POOL = 12
MAX_NEIGHBOURS = 6
MIN_COSINE = 0.22

# Dropped before anything else, exactly as service/plans/text_similarity.cc MakeFingerprint drops
# them (function words and the stock verbs of plans, in MatchKey form), so compounds and contexts
# are counted on the syllable stream coverage matching sees.
STOP = set("""
và các của cho trong về với là được những này đó theo tại để có trên đến từ một hoặc cũng nhằm
như khi thì mà đã sẽ bị nên vào ra lại hơn rất mọi việc gì nào qua bằng giữa sau trước thời ở do
nếu năm ngày tháng lần đối đảm
thực hiện chức triển khai đẩy mạnh tăng cường nâng tiếp tục tích cực hiệu quả tác dung kế hoạch
phối hợp
""".split())

SYLLABLE = re.compile(r"[^\W\d_]+", re.UNICODE)


def paragraphs(shared):
    """Yields each paragraph as a list of lower-case syllables; None between documents."""
    yield from read(os.path.join(shared, "textcorpus", "admin-vi.txt.xz"), None)
    yield from read(os.path.join(shared, "textcorpus", "legal-vi-2.txt.xz"), LEGAL_SYLLABLES)


def read(path, limit):
    seen = 0
    with lzma.open(path, "rt", encoding="utf-8") as f:
        for line in f:
            line = line.strip()
            if not line:
                continue
            syllables = [s for s in SYLLABLE.findall(unicodedata.normalize("NFC", line).lower())
                         if s not in STOP and len(s) > 1]
            if syllables:
                seen += len(syllables)
                yield syllables
            if limit and seen >= limit:
                return


def find_compounds(corpus):
    unigrams, bigrams = collections.Counter(), collections.Counter()
    for para in corpus:
        unigrams.update(para)
        bigrams.update(zip(para, para[1:]))
    compounds = {}
    for (a, b), n in bigrams.items():
        if n < MIN_COMPOUND_COUNT:
            continue
        if (2 * n / (unigrams[a] + unigrams[b]) >= MIN_COMPOUND_DICE
                or n / min(unigrams[a], unigrams[b]) >= MIN_COMPOUND_SHARE):
            compounds[(a, b)] = n
    return unigrams, compounds


def segment(para, compounds):
    """Greedy left to right: a known compound as one term, else the syllable."""
    terms, i = [], 0
    while i < len(para):
        if i + 1 < len(para) and (para[i], para[i + 1]) in compounds:
            terms.append(para[i] + " " + para[i + 1])
            i += 2
        else:
            terms.append(para[i])
            i += 1
    return terms


def count_terms(corpus, compounds):
    counts, doc_freq, pairs = collections.Counter(), collections.Counter(), collections.Counter()
    for para in corpus:
        terms = segment(para, compounds)
        counts.update(terms)
        doc_freq.update(set(terms))
        for i, t in enumerate(terms):
            for c in terms[i + 1:i + 1 + WINDOW]:
                if c != t:
                    pairs[(t, c)] += 1
                    pairs[(c, t)] += 1
    return counts, doc_freq, pairs


def context_vectors(counts, pairs):
    targets = {t for t, n in counts.items() if n >= MIN_TARGET_COUNT}
    total = sum(pairs.values())
    context_mass = collections.Counter()
    for (t, c), n in pairs.items():
        context_mass[c] += n ** 0.75   # smoothed context distribution (Levy et al. 2015)
    mass_total = sum(context_mass.values())
    target_mass = collections.Counter()
    for (t, c), n in pairs.items():
        target_mass[t] += n
    rows = collections.defaultdict(list)
    for (t, c), n in pairs.items():
        if t not in targets or n < 2:
            continue
        pmi = math.log((n / total) / ((target_mass[t] / total) * (context_mass[c] ** 0.75 / mass_total)))
        if pmi > 0:
            rows[t].append((pmi, c))
    vectors = {}
    for t, row in rows.items():
        row.sort(reverse=True)
        row = row[:CONTEXTS_PER_TERM]
        norm = math.sqrt(sum(w * w for w, _ in row))
        vectors[t] = {c: w / norm for w, c in row}
    return vectors


def neighbours(vectors):
    postings = collections.defaultdict(list)
    for t, vec in vectors.items():
        for c, w in vec.items():
            postings[c].append((t, w))
    pools = {}
    for t in sorted(vectors):
        scores = collections.Counter()
        for c, w in vectors[t].items():
            posting = postings[c]
            if len(posting) > MAX_CONTEXT_SPREAD:
                continue
            for other, w2 in posting:
                if other != t:
                    scores[other] += w * w2
        pools[t] = [(round(s, 2), o) for o, s in scores.most_common(NEIGHBOUR_POOL)]
    related = {}
    for t, pool in pools.items():
        kept = []
        for s, o in pool:
            if s < MIN_COSINE or t in o.split() or o in t.split():
                continue   # "số" is not a neighbour of "chuyển đổi số"'s parts
            if any(t == p for _, p in pools.get(o, [])):
                kept.append((s, o))
        if kept:
            related[t] = sorted(kept, key=lambda p: (-p[0], p[1]))[:MAX_NEIGHBOURS]
    return related


def write(out, counts, doc_freq, paragraphs_total, related):
    shipped = []
    for t, n in counts.items():
        parts = t.split()
        if len(parts) == 1 and n < MIN_SYLLABLE_COUNT:
            continue
        idf = math.log(paragraphs_total / doc_freq[t])
        shipped.append((t, idf))
    shipped.sort()
    with open(out, "w", encoding="utf-8", newline="\n") as f:
        f.write(HEADER.format(paragraphs=paragraphs_total, terms=len(shipped),
                              compounds=sum(1 for t, _ in shipped if " " in t),
                              related=len(related)))
        for t, idf in shipped:
            near = ",".join(f"{o}:{round(s * 100)}" for s, o in related.get(t, []))
            f.write(f"{t}\t{round(idf * 10)}\t{near}\n")


HEADER = """\
# lienthong coverage lexicon: term weights and related terms for matching plan themes.
# Derived by scripts/build-coverage-lexicon.py (deterministic) from ../shared/textcorpus:
#   admin-vi.txt.xz   426 administrative documents of state and Party bodies, 2025
#                     (github tnt305/tai_lieu_noi_bo, commit 94c5034af72cc7e5020694d06eceb126a103d48b)
#   legal-vi-2.txt.xz the first 2.5 M syllables (Ministry of Justice codification;
#                     github diepxuan/diepxuan.github.io, commit fbaa690e1c9ff35deabbf5e9a8b8830ce3d54048)
# Those texts are outside copyright (Luật Sở hữu trí tuệ, Điều 15: legal and administrative
# documents). This file holds no corpus text: terms, weights and similarities only.
# {paragraphs} paragraphs read; {terms} terms ({compounds} two-syllable compounds), {related} with
# related terms.
# Format: one term per line, lower case, NFC, tab-separated:
#   term  weight  related
# weight = round(10 * ln(paragraphs / paragraphs containing the term));
# related = "term:similarity" (similarity x 100, cosine of PPMI context vectors), comma-separated.
"""


def main():
    shared = sys.argv[1] if len(sys.argv) > 1 else "../shared"
    out = sys.argv[2] if len(sys.argv) > 2 else "data/coverage-lexicon.tsv"
    start = time.time()
    corpus = list(paragraphs(shared))
    print(f"read {len(corpus)} paragraphs in {time.time() - start:.0f} s", file=sys.stderr)
    unigrams, compounds = find_compounds(corpus)
    counts, doc_freq, pairs = count_terms(corpus, compounds)
    print(f"{len(compounds)} compounds, {len(counts)} terms, {len(pairs)} pairs "
          f"({time.time() - start:.0f} s)", file=sys.stderr)
    vectors = context_vectors(counts, pairs)
    del pairs
    related = neighbours(vectors)
    write(out, counts, doc_freq, len(corpus), related)
    print(f"wrote {out}: {os.path.getsize(out)} bytes in {time.time() - start:.0f} s", file=sys.stderr)


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Varied archive-search traffic: one request body per line, each a copy of TEMPLATE with its query
variable set to 1-3 words of the dataset's vocabulary, as readers type them.

  make-queries.py DATASET_DIR TEMPLATE.json VARIABLE OUT.ndjson [--count N] [--seed S]

Each query is taken from a published article picked at random: a third of them one word, a third
two, a third three, in the order the article has them, from its headline or (every other query)
one of its paragraphs. Words are 4+ letters and not stop words, so every query finds at least the
article it came from. The same DATASET_DIR, --count and --seed give the same queries in the same
order, so two servers' templates (NewsGraph's `search`, PostGraphile's headline `includes`) ask
for the same text.
"""
import argparse, json, os, random, re

# PostgreSQL's English stop words of 4+ letters (src/NewsGraph.Api/Search/SearchStopWords.cs), which
# a search leaves out, and "said", in nearly every story.
STOP = {"myself", "ours", "ourselves", "your", "yours", "yourself", "yourselves", "himself", "hers", "herself",
        "itself", "they", "them", "their", "theirs", "themselves", "what", "which", "whom", "this", "that", "these",
        "those", "were", "been", "being", "have", "having", "does", "doing", "because", "until", "while", "with",
        "about", "against", "between", "into", "through", "during", "before", "after", "above", "below", "from",
        "down", "over", "under", "again", "further", "then", "once", "here", "there", "when", "where", "both",
        "each", "more", "most", "other", "some", "such", "only", "same", "than", "very", "will", "just", "should",
        "said"}

ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
ap.add_argument("dataset"); ap.add_argument("template"); ap.add_argument("variable"); ap.add_argument("out")
ap.add_argument("--count", type=int, default=600); ap.add_argument("--seed", type=int, default=7)
a = ap.parse_args()

published = [x for x in (json.loads(l) for l in open(os.path.join(a.dataset, "articles.ndjson"), encoding="utf-8"))
             if x.get("status") == "PUBLISHED"]
published.sort(key=lambda x: x["id"])
rng = random.Random(a.seed)


def words(text):
    seen, out = set(), []
    for w in re.findall(r"[A-Za-z]{4,}", text):
        if w.lower() not in STOP and w.lower() not in seen:
            seen.add(w.lower()); out.append(w.lower())
    return out


queries = []
while len(queries) < a.count:
    article = rng.choice(published)
    source = article["headline"] if len(queries) % 2 == 0 else rng.choice(article["body"].split("\n\n"))
    pool = words(source)
    k = 1 + len(queries) % 3
    if len(pool) < k:
        continue
    picked = sorted(rng.sample(range(len(pool)), k))
    queries.append(" ".join(pool[i] for i in picked))

template = json.load(open(a.template, encoding="utf-8"))
if a.variable not in (template.get("variables") or {}):
    raise SystemExit(f"{a.template} has no variable {a.variable!r}")
with open(a.out, "w", encoding="utf-8") as f:
    for q in queries:
        f.write(json.dumps(dict(template, variables=dict(template["variables"], **{a.variable: q})), ensure_ascii=False) + "\n")
print(f"{a.out}: {len(queries)} queries, e.g. {queries[:6]}")

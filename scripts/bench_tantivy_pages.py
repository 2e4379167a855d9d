#!/usr/bin/env python3
"""Peer for the document bench: tantivy with its Norwegian stemmer and stop words over every page of a generated
document folder (manifest.jsonl + texts with form feeds between pages); questions on stdin, one per line, all
words OR-ed, top K pages. Prints build seconds, p50 and p95 ms per question, peak RSS MB."""
import json, os, re, resource, statistics, sys, time
import tantivy

folder, k = sys.argv[1], int(sys.argv[2])
questions = [q for q in sys.stdin.read().splitlines() if q.strip()]
start = time.perf_counter()
sb = tantivy.SchemaBuilder()
sb.add_text_field("id", stored=True, tokenizer_name="raw")
sb.add_text_field("body", tokenizer_name="no_stem")
index = tantivy.Index(sb.build())
index.register_tokenizer("no_stem", tantivy.TextAnalyzerBuilder(tantivy.Tokenizer.simple())
    .filter(tantivy.Filter.remove_long(40)).filter(tantivy.Filter.lowercase())
    .filter(tantivy.Filter.stopword("norwegian")).filter(tantivy.Filter.stemmer("norwegian")).build())
writer = index.writer(heap_size=200_000_000, num_threads=1)
for line in open(os.path.join(folder, "manifest.jsonl"), encoding="utf-8"):
    entry = json.loads(line)
    for number, page in enumerate(open(os.path.join(folder, entry["file"]), encoding="utf-8").read().split("\f")):
        writer.add_document(tantivy.Document(id=f"{entry['identifier']}#{number + 1}", body=entry["title"] + "\n" + page))
writer.commit(); writer.wait_merging_threads(); index.reload()
build = time.perf_counter() - start
searcher = index.searcher()
times = []
for question in questions:
    words = re.findall(r"\w+", question)
    if not words:
        continue
    t = time.perf_counter()
    query = index.parse_query(" ".join(words), ["body"])
    [searcher.doc(address)["id"][0] for _, address in searcher.search(query, k).hits]
    times.append((time.perf_counter() - t) * 1000)
times.sort()
print(f"{build:.2f} {statistics.median(times):.2f} {times[min(len(times) - 1, int(len(times) * 0.95))]:.2f} "
      f"{resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f}")

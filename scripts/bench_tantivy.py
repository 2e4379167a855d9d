#!/usr/bin/env python3
"""Peer for `make bench`: tantivy (Rust, via its Python binding) with its built-in Norwegian stemmer and stop
words over the same catalogue and needs; prints median and p99 query time in ms (index in RAM, 1 thread), the
time to read the catalogue and build the index in ms, and the process's largest resident set in MB."""
import json, re, resource, sys, time, statistics
import tantivy

build_start = time.perf_counter()
catalogue = json.load(open(sys.argv[1], encoding="utf-8"))
needs = [json.loads(l)["text"] for l in open(sys.argv[2], encoding="utf-8") if l.strip()]
repeat = int(sys.argv[3])
sb = tantivy.SchemaBuilder()
sb.add_text_field("id", stored=True, tokenizer_name="raw")
for field in ("name", "keywords", "description"):
    sb.add_text_field(field, tokenizer_name="no_stem")
index = tantivy.Index(sb.build())
index.register_tokenizer("no_stem", tantivy.TextAnalyzerBuilder(tantivy.Tokenizer.simple())
    .filter(tantivy.Filter.remove_long(40)).filter(tantivy.Filter.lowercase())
    .filter(tantivy.Filter.stopword("norwegian")).filter(tantivy.Filter.stemmer("norwegian")).build())
writer = index.writer(heap_size=100_000_000, num_threads=1)
for m in catalogue:
    writer.add_document(tantivy.Document(id=m["identifier"], name=m["name"], keywords=" ".join(m["keywords"]),
                                         description=m["description"]))
writer.commit(); writer.wait_merging_threads(); index.reload()
build_ms = (time.perf_counter() - build_start) * 1000
searcher = index.searcher()
queries = [index.parse_query(" ".join(re.findall(r"\w+", need)), ["name", "keywords", "description"]) for need in needs]
for q in queries: searcher.search(q, 10)
times = []
for _ in range(repeat):
    for q in queries:
        start = time.perf_counter()
        [searcher.doc(addr)["id"][0] for _, addr in searcher.search(q, 10).hits]
        times.append((time.perf_counter() - start) * 1000)
times.sort()
peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(f"{statistics.median(times):.3f} {times[min(len(times) - 1, int(len(times) * 0.99))]:.3f} {build_ms:.0f} {peak_mb:.0f}")

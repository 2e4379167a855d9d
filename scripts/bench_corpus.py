#!/usr/bin/env python3
"""Writes a synthetic catalogue of N measures (schema.org Course JSON) and a JSON Lines file of needs, for
`make bench`. Measures are recombined from the shipped demo catalogue's sentences, titles and keywords with a
fixed seed, so the vocabulary is real Norwegian and every run sees the same corpus."""
import json, random, sys

n = int(sys.argv[1]); out_catalogue = sys.argv[2]; out_needs = sys.argv[3]
demo = json.load(open(sys.argv[4], encoding="utf-8"))
rng = random.Random(20261129)
sentences = [s.strip() + "." for m in demo for s in m["description"].split(".") if len(s.strip()) > 20]
titles = [m["name"] for m in demo]
keywords = sorted({k for m in demo for k in (m.get("keywords") or [])})
types = ["Kurs", "Program", "E-læring", "Webinar", "Samling", "Nettverk", "Veileder", "Studium"]
providers = sorted({m["provider"]["name"] for m in demo}) + [f"Tilbyder {i}" for i in range(40)]
catalogue = []
for i in range(n):
    catalogue.append({
        "@type": "Course", "identifier": f"bench-{i:05d}",
        "name": f"{rng.choice(titles)} – {rng.choice(keywords)}",
        "description": " ".join(rng.sample(sentences, 4)),
        "provider": {"@type": "Organization", "name": rng.choice(providers)},
        "learningResourceType": rng.choice(types),
        "keywords": rng.sample(keywords, 4),
        "offers": {"@type": "Offer", "price": rng.choice([0, 0, 1500, 4900, 12000]), "priceCurrency": "NOK"},
    })
json.dump(catalogue, open(out_catalogue, "w", encoding="utf-8"), ensure_ascii=False)
needs = ["gevinstrealisering i kommunen", "kunstig intelligens for ledere", "informasjonssikkerhet og risikovurdering",
         "gratis nettkurs om personvern", "ledergruppen trenger felles språk om digital transformasjon",
         "tjenestedesign og brukerinnsikt", "smidig utvikling for mellomledere", "dataforvaltning og datadeling",
         "endringsledelse i staten", "innovative anskaffelser", "universell utforming av digitale tjenester",
         "strategi for digitalisering i fylkeskommunen"]
with open(out_needs, "w", encoding="utf-8") as f:
    for i, need in enumerate(needs):
        f.write(json.dumps({"id": f"b{i}", "text": need}, ensure_ascii=False) + "\n")

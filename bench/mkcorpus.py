#!/usr/bin/env python3
"""Build the benchmark corpus (JSON Lines) from ../shared/data: PolNeAR article
texts, UCDP source headlines and the PETRARCH AFP/GigaWord sample, repeated
with distinct ids until the target size is reached. Generated at bench time,
never committed.  usage: mkcorpus.py DATA_DIR OUT.jsonl MEGABYTES"""
import csv, glob, html, json, os, re, sys

data, out, mb = sys.argv[1], sys.argv[2], float(sys.argv[3])
arts = []
for p in sorted(glob.glob(os.path.join(data, "polnear/train/text/*.txt"))):
    name = os.path.basename(p)
    m = re.search(r"_(\d{4}-\d{2}-\d{2})_", name)
    with open(p, encoding="utf-8", errors="replace") as f:
        arts.append(("polnear-" + name[:-4], m.group(1) if m else "2016-01-01", f.read()))
csv.field_size_limit(1 << 24)
with open(os.path.join(data, "ucdp/conflict_data_ukr.csv"), encoding="utf-8", errors="replace") as f:
    rows = list(csv.DictReader(f))[1:]
for r in rows:
    for i, h in enumerate((r.get("source_headline") or "").split(";")):
        h = h.strip()
        if h:
            arts.append(("ucdp-%s-%d" % (r["id"], i), (r.get("date_start") or "2014-01-01")[:10], h))
x = open(os.path.join(data, "petrarch2/text/GigaWord.sample.PETR.xml"), encoding="utf-8", errors="replace").read()
for m in re.finditer(r'<Sentence[^>]*id="([^"]+)"[^>]*>.*?<Text>(.*?)</Text>', x, re.S):
    arts.append(("afp-" + m.group(1), "2008-08-01", html.unescape(m.group(2)).strip()))

target = int(mb * 1e6)
written = rep = 0
with open(out, "w", encoding="utf-8") as f:
    while written < target:
        for aid, date, text in arts:
            line = json.dumps({"id": "%s-r%d" % (aid, rep), "date": date, "source": "bench", "text": text},
                              ensure_ascii=False) + "\n"
            f.write(line)
            written += len(line.encode("utf-8"))
            if written >= target:
                break
        rep += 1
print("corpus: %s, %.1f MB, %d distinct articles, %d repetitions" % (out, written / 1e6, len(arts), rep))

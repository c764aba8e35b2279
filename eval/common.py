"""common.py -- shared helpers of dyad's evaluation scripts (eval/*.py):
run the dyad binary on a list of texts and collect its events, read the
CAMEO->PLOVER conversion table, normalise actor country codes, and small
formatting helpers. Only the Python 3 standard library is used; the scripts
read the reference data in ../shared/data and never copy it."""
import json
import os
import subprocess
import tempfile

# dyad (CAMEO) country codes -> ISO 3166-1 alpha-3, and the odd codes of the
# PLOVER gold file (JAP, ITL, VTN are older CAMEO/FIPS-style spellings)
COUNTRY_ALIASES = {
    "ROM": "ROU", "TMP": "TLS", "MTN": "MNE", "KSV": "XKX",
    "JAP": "JPN", "ITL": "ITA", "VTN": "VNM",
}


def norm_country(c):
    """ISO-like 3-letter code of a country/primary actor code, or None."""
    if not c or c == "---":
        return None
    c = c[:3].upper()
    return COUNTRY_ALIASES.get(c, c)


def actor_keys(actor):
    """Set of comparable primary codes of a dyad actor object: its country
    and the first three letters of its code (IGO, NGO, IMG ... actors have no
    country, their code prefix is the primary code)."""
    keys = set()
    if not actor:
        return keys
    for v in (actor.get("country"), actor.get("code")):
        k = norm_country(v)
        if k:
            keys.add(k)
    return keys


def run_dyad(dyad, records, dict_path=None, jobs=2, enrich=True, extra=()):
    """records: list of dicts {id, date, text}. Returns {id: [row, ...]}
    (events, or whatever the output format in extra gives, e.g. ("-f",
    "claims")) with an entry (possibly empty) for every record id."""
    out = {r["id"]: [] for r in records}
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False,
                                     encoding="utf-8") as f:
        for r in records:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
        path = f.name
    try:
        cmd = [dyad, "code", "-q", "-j", str(jobs), "-i", "jsonl"] + list(extra)
        if dict_path:
            cmd += ["--dict", dict_path]
        if not enrich:
            cmd.append("--no-enrich")
        cmd.append(path)
        p = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                           check=False)
        if p.returncode != 0:
            raise RuntimeError("dyad failed (%d): %s" % (
                p.returncode, p.stderr.decode("utf-8", "replace")[:500]))
        for line in p.stdout.decode("utf-8", "replace").splitlines():
            line = line.strip()
            if not line:
                continue
            ev = json.loads(line)
            out.setdefault(ev.get("article_id"), []).append(ev)
    finally:
        os.unlink(path)
    return out


def load_cameo2plover(path):
    """{cameo_code: PLOVER category} from CAMEO2PLOVER-2021.txt. Lines are
    'CODE: CATEGORY, mode, context # label'; the two-digit root lines are
    kept too (a root can appear twice, e.g. 08 CONCEDE and 08 RETREAT: the
    first one wins, specific codes always take precedence)."""
    table = {}
    with open(path, encoding="utf-8", errors="replace") as f:
        for line in f:
            line = line.split("#", 1)[0].strip()
            if not line or ":" not in line or line.startswith("~"):
                continue
            code, rest = line.split(":", 1)
            code = code.strip()
            if not code.isdigit():
                continue
            cat = rest.split(",", 1)[0].strip()
            if cat and code not in table:
                table[code] = cat
    return table


def prf(tp, fp, fn):
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def pct(x):
    return "%.1f%%" % (100.0 * x)

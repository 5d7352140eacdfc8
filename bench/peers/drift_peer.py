"""The peer a user would otherwise write for drift-check with pandas / numpy / scipy / scikit-learn /
statsmodels: read the traffic Parquet, take the last window, sample a stratified shadow set (proportional
by slice, exact-duplicate removal after normalization, PII redaction), compare it with the gold set
(majority consensus) on pass rate (Newcombe interval, z-test; overall and per slice), slice mix
(chi-square, PSI, Jensen-Shannon), input/output length (KS, Wasserstein, PSI), metadata (values unseen
in the 3 windows before, against the turnover of the window before; top-20 mix), coverage gaps (char
3-4-gram TF-IDF cosine, split-half gold baseline, clusters of uncovered requests), stale gold slices,
Benjamini-Hochberg across every test. Same data, windows, sizes and thresholds as the drift workload.
Usage: python3 drift_peer.py TRAFFIC.parquet LABELS.jsonl WINDOW_START NOW SHADOW_SIZE -> JSON on stdout."""
import json
import re
import sys

import numpy as np
import pandas as pd
from scipy import stats
from scipy.spatial import distance
from sklearn.cluster import AgglomerativeClustering
from sklearn.feature_extraction.text import TfidfVectorizer
from statsmodels.stats.multitest import multipletests
from statsmodels.stats.proportion import confint_proportions_2indep, proportions_ztest

EMAIL = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}")
IPV4 = re.compile(r"\b(?:\d{1,3}\.){3}\d{1,3}\b")
CARD = re.compile(r"\b\d(?:[ -]?\d){12,18}\b")
PHONE = re.compile(r"\+?\(?\d[\d ().-]{7,20}\d")


def read_parquet(path):
    try:
        import pyarrow  # noqa: F401
        print("reader=pyarrow", file=sys.stderr)
        return pd.read_parquet(path)
    except ImportError:
        import duckdb
        print("reader=duckdb", file=sys.stderr)
        return duckdb.read_parquet(path).df()


def luhn(s):
    d = [int(c) for c in re.sub(r"\D", "", s)][::-1]
    return sum(x if i % 2 == 0 else (2 * x - 9 if 2 * x > 9 else 2 * x) for i, x in enumerate(d)) % 10 == 0


def redact(t):
    t = EMAIL.sub("[EMAIL]", t)
    t = IPV4.sub("[IP]", t)
    t = CARD.sub(lambda m: "[CARD]" if luhn(m.group(0)) else m.group(0), t)
    return PHONE.sub(lambda m: "[PHONE]" if 9 <= len(re.sub(r"\D", "", m.group(0))) <= 15 else m.group(0), t)


def psi(e, a, eps=1e-4):
    e = np.maximum(e / e.sum(), eps)
    a = np.maximum(a / a.sum(), eps)
    return float(((a - e) * np.log(a / e)).sum())


def allocate(counts, size):
    exact = (counts / counts.sum() * min(size, counts.sum())).to_numpy()
    n = np.floor(exact).astype(int)
    rest = int(min(size, counts.sum()) - n.sum())
    n[np.argsort(-(exact - n), kind="stable")[:rest]] += 1
    return pd.Series(np.minimum(n, counts.to_numpy()), index=counts.index)


def main():
    traffic_path, labels_path, start, now, size = sys.argv[1], sys.argv[2], pd.Timestamp(sys.argv[3]), pd.Timestamp(sys.argv[4]), int(sys.argv[5])
    week = now - start
    df = read_parquet(traffic_path)
    ts = df["timestamp"]
    win = df[(ts >= start) & (ts < now)]
    base = df[(ts >= start - 3 * week) & (ts < start)]
    before = df[ts < start]

    # shadow set: proportional stratified sample, normalized exact duplicates dropped, PII redacted
    counts = win["slice"].value_counts().sort_index()
    alloc = allocate(counts, size)
    parts = []
    for sl, k in alloc.items():
        grp = win[win["slice"] == sl]
        cand = grp.sample(n=min(len(grp), int(k * 1.25) + 5), random_state=0)
        norm = cand["input"].str.lower().str.replace(r"[^\w]+", " ", regex=True).str.strip()
        parts.append(cand[~norm.duplicated()].head(int(k)))
    shadow = pd.concat(parts)
    shadow = shadow.assign(input=shadow["input"].map(redact), output=shadow["output"].map(redact))

    labels = pd.read_json(labels_path, lines=True)
    items = labels.groupby("item_id").agg(mean=("label", "mean"), slice=("slice", lambda s: s.mode().iloc[0]), input=("input", "first"), output=("output", "first"))
    items = items[items["mean"] != 0.5]
    gold_pass = items["mean"] > 0.5

    tests = []  # (kind, name, effect, threshold, p)
    s_pass = shadow["judge_score"] >= 0.5

    def rate_test(kind, name, g, s):
        if len(g) < 10 or len(s) < 10:
            return
        lo, hi = confint_proportions_2indep(g.sum(), len(g), s.sum(), len(s), method="newcomb")
        _, p = proportions_ztest([g.sum(), s.sum()], [len(g), len(s)])
        tests.append((kind, name, g.mean() - s.mean(), 0.05, p if np.isfinite(p) else 1.0))

    rate_test("pass_rate", "overall", gold_pass, s_pass)
    for sl in sorted(items["slice"].unique()):
        rate_test("pass_rate_slice", sl, gold_pass[items["slice"] == sl], s_pass[shadow["slice"] == sl])

    gold_counts = items["slice"].value_counts()
    cats = sorted(set(gold_counts.index) | set(counts.index))
    g = gold_counts.reindex(cats, fill_value=0).values.astype(float)
    w = counts.reindex(cats, fill_value=0).values.astype(float)
    keep = (g + w) > 0
    chi = stats.chi2_contingency(np.vstack([g[keep], w[keep]]))
    js = float(distance.jensenshannon(g, w, base=2))
    tests.append(("slice_mix", "slice", js, 0.1, chi.pvalue))
    unseen = w[g == 0].sum() / w.sum()
    tests.append(("unseen_slice", "slice", unseen, 0.02, float(np.exp(len(items) * np.log1p(-unseen))) if unseen < 1 else 0.0))
    last_seen = before.groupby("slice")["timestamp"].max()
    for sl, k in gold_counts.items():
        if counts.get(sl, 0) == 0:
            share = k / gold_counts.sum()
            tests.append(("stale_gold", sl, share, 0.02, float(np.exp(w.sum() * np.log1p(-share)))))
            _ = last_seen.get(sl)

    for feature, gvals, svals in [("input_chars", items["input"].str.len(), shadow["input"].str.len()), ("output_chars", items["output"].str.len(), shadow["output"].str.len())]:
        ks = stats.ks_2samp(gvals, svals)
        stats.wasserstein_distance(gvals, svals)
        edges = np.unique(np.quantile(gvals, np.linspace(0.1, 0.9, 9)))
        psi(np.bincount(np.searchsorted(edges, gvals), minlength=len(edges) + 1).astype(float), np.bincount(np.searchsorted(edges, svals), minlength=len(edges) + 1).astype(float))
        tests.append(("numeric", feature, ks.statistic, 0.1, ks.pvalue))

    rng_base = base["metadata"]
    last = df[(ts >= start - week) & (ts < start)]["metadata"]
    first = df[(ts >= start - 3 * week) & (ts < start - week)]["metadata"]
    for key in ["model", "prompt_version", "tenant"]:
        pat = rf'"{key}":"([^"]*)"'
        bv = rng_base.str.extract(pat)[0]
        wv = win["metadata"].str.extract(pat)[0]
        seen = set(bv.dropna().unique())
        win_unseen = (~wv.isin(seen)).mean()
        lv = last.str.extract(pat)[0]
        fv = set(first.str.extract(pat)[0].dropna().unique())
        turn = (~lv.isin(fv)).mean()
        n1, n2 = len(wv), len(lv)
        pooled = (win_unseen * n1 + turn * n2) / (n1 + n2)
        se = np.sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n2))
        tests.append(("metadata_unseen", key, win_unseen - turn, 0.05, float(stats.norm.sf((win_unseen - turn) / se)) if se > 0 else float(win_unseen <= turn)))
        top = pd.concat([bv, wv]).value_counts().index[:20]
        bc = bv.where(bv.isin(top), "(other)").value_counts()
        wc = wv.where(wv.isin(top), "(other)").value_counts()
        vals = sorted(set(bc.index) | set(wc.index))
        b_, w_ = bc.reindex(vals, fill_value=0).values.astype(float), wc.reindex(vals, fill_value=0).values.astype(float)
        if len(vals) > 1:
            tests.append(("metadata_mix", key, float(distance.jensenshannon(b_, w_, base=2)), 0.1, stats.chi2_contingency(np.vstack([b_, w_])).pvalue))

    # coverage gaps: TF-IDF of char 3-4-grams; split-half gold baseline; clusters of uncovered requests
    norm_gold = items["input"].str.lower().str.replace(r"[^\w]+", " ", regex=True).str.strip()
    gold_text = items["input"][~norm_gold.duplicated()].tolist()
    shadow_text = shadow["input"].tolist()
    vec = TfidfVectorizer(analyzer="char_wb", ngram_range=(3, 4)).fit(gold_text + shadow_text)
    G, S = vec.transform(gold_text), vec.transform(shadow_text)
    A, B = G[0::2], G[1::2]
    held = np.asarray((B @ A.T).max(axis=1).todense()).ravel()
    tau = np.sort(held)[int(np.ceil(0.05 * len(held)))]
    u0 = (held < tau).mean()
    ua = (np.asarray((S @ A.T).max(axis=1).todense()).ravel() < tau).mean()
    pooled = (ua * S.shape[0] + u0 * len(held)) / (S.shape[0] + len(held))
    se = np.sqrt(pooled * (1 - pooled) * (1 / S.shape[0] + 1 / len(held)))
    tests.append(("coverage_gap", "coverage", (ua - u0) / (1 - u0), 0.05, float(stats.norm.sf((ua - u0) / se))))
    full = np.asarray((S @ G.T).max(axis=1).todense()).ravel()
    unc = np.where(full < tau)[0]
    if len(unc) > 1:
        AgglomerativeClustering(n_clusters=None, metric="cosine", linkage="average", distance_threshold=1 - tau).fit(S[unc].toarray())

    q = multipletests([t[4] for t in tests], method="fdr_bh")[1]
    alerts = sorted({t[0] for t, qq in zip(tests, q) if qq < 0.05 and abs(t[2]) >= t[3]})
    print(json.dumps({"status": "alert" if alerts else "ok", "alerts": alerts, "shadow_items": int(len(shadow)), "tests": len(tests)}))


if __name__ == "__main__":
    main()

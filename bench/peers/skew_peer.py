"""The peer a user would otherwise write for a labeler-skew report with pandas / numpy / statsmodels /
scikit-learn, on the same labels and with the same statistics as `touchstone skew` (ordinal 1-5 gold set
whose items all have one label per labeler):

- agreement overall and per slice: Krippendorff's alpha (ordinal metric), Fleiss' kappa, Gwet's AC2
  (quadratic weights), each with a percentile bootstrap over items; pairwise Cohen's kappa (quadratic,
  sklearn) for labeler pairs sharing >= 20 items;
- Dawid-Skene EM (soft-majority start, no pseudo-count as Touchstone's default, up to 100 iterations);
- leniency per labeler and labeler x slice: label minus the leave-one-out mean of its co-labelers; p from
  the exact permutation mean/variance (n >= 30) or from B Monte-Carlo permutations of labels among each
  item's labelers (numpy Generator.permuted per group size); the most significant flagged labeler peeled
  off everyone else's peers, one at a time, until nobody new is flagged; drift (calendar, guideline version) and fatigue (position in session, per
  session) trend tests; Benjamini-Hochberg (statsmodels) over all; leave-one-labeler-out median impact.

Usage: python3 skew_peer.py LABELS.csv PERMUTATIONS BOOTSTRAP SEED -> JSON summary on stdout."""
import json
import sys

import numpy as np
import pandas as pd
from scipy import stats
from sklearn.metrics import cohen_kappa_score
from statsmodels.stats.multitest import multipletests

ALPHA, MIN_LABELS, NORMAL_MIN_N, PASS = 0.05, 10, 30, 4.0
K = 5  # categories 1..5


def alpha_fleiss_gwet(C, w):
    """Ordinal alpha, Fleiss' kappa and Gwet's AC2 (quadratic) from item x category counts C, item weights w."""
    m = C.sum(1)
    ok = (m >= 2) & (w > 0)
    Cw, mw, ww = C[ok], m[ok], w[ok]
    o = np.einsum("i,ij,ik->jk", ww / (mw - 1), Cw, Cw) - np.diag((ww / (mw - 1)) @ Cw)
    nc = o.sum(1)
    n = nc.sum()
    cum = np.concatenate([[0], np.cumsum(nc)])
    idx = np.arange(K)
    lo, hi = np.minimum.outer(idx, idx), np.maximum.outer(idx, idx)
    delta = (cum[hi + 1] - cum[lo] - (nc[lo] + nc[hi]) / 2) ** 2
    np.fill_diagonal(delta, 0)
    alpha = 1 - (o * delta).sum() / ((np.outer(nc, nc) * delta).sum() / (n - 1))
    r = mw[0]
    p = (ww @ Cw) / (ww.sum() * r)
    P = ((Cw * Cw).sum(1) - r) / (r * (r - 1))
    pe = (p * p).sum()
    fleiss = ((ww @ P) / ww.sum() - pe) / (1 - pe)
    v = np.arange(1, K + 1.0)
    W = 1 - (v[:, None] - v[None, :]) ** 2 / (v.max() - v.min()) ** 2
    star = Cw @ W.T
    pa = (ww @ ((Cw * (star - 1)).sum(1) / (mw * (mw - 1)))) / ww.sum()
    pi = (ww @ (Cw / mw[:, None])) / ww.sum()
    pe2 = W.sum() * (pi * (1 - pi)).sum() / (K * (K - 1))
    return alpha, fleiss, (pa - pe2) / (1 - pe2)


def agreement(C, boot, rng):
    est = alpha_fleiss_gwet(C, np.ones(len(C)))
    reps = []
    for _ in range(boot):
        w = np.bincount(rng.integers(0, len(C), len(C)), minlength=len(C)).astype(float)
        reps.append(alpha_fleiss_gwet(C, w))
    reps = np.array(reps)
    ci = np.percentile(reps, [2.5, 97.5], axis=0) if boot > 0 else None
    return {name: {"value": float(est[k]), "ci": None if ci is None else [float(ci[0, k]), float(ci[1, k])]} for k, name in enumerate(["alpha", "fleiss", "gwet_ac2"])}


def dawid_skene(item, lab, cat, n_items, n_lab, iters=100, tol=1e-6, smooth=0.0):
    T = np.zeros((n_items, K))
    np.add.at(T, (item, cat), 1)
    T /= T.sum(1, keepdims=True)
    prev = None
    for it in range(iters):
        prior = T.mean(0)
        conf = np.full((n_lab, K, K), smooth)
        for k in range(K):
            conf[:, k, :] += np.bincount(lab * K + cat, weights=T[item, k], minlength=n_lab * K).reshape(n_lab, K)
        rows = conf.sum(2, keepdims=True)
        conf = np.where(rows > 0, conf / np.where(rows > 0, rows, 1), 1 / K)
        with np.errstate(divide="ignore"):
            logc = np.log(conf)
        L = np.tile(np.log(prior), (n_items, 1))
        for k in range(K):
            L[:, k] += np.bincount(item, weights=logc[lab, k, cat], minlength=n_items)
        mx = L.max(1, keepdims=True)
        ll = float((mx[:, 0] + np.log(np.exp(L - mx).sum(1))).sum())
        T = np.exp(L - mx)
        T /= T.sum(1, keepdims=True)
        if prev is not None and abs(ll - prev) <= tol * max(1, abs(ll)):
            break
        prev = ll
    return {"priors": prior.tolist(), "iterations": it + 1, "pass_rate": float(T[:, 3:].sum() / n_items)}


def leniency_round(df, n_lab, n_slice, perms, seed, dropped, only=None):
    """Tests of one round; returns (list of test dicts, residual Series aligned to df)."""
    d = df[~df.lab.isin(dropped)]
    if only is not None:
        d = d[d.item.isin(df.item[df.lab == only])]
    d = d[d.groupby("item").item.transform("size") >= 2]
    m = d.groupby("item").item.transform("size").to_numpy().astype(float)
    tot = d.groupby("item").y.transform("sum").to_numpy()
    y = d.y.to_numpy()
    c = m / (m - 1)
    r = (m * y - tot) / (m - 1)
    lab, sl = d.lab.to_numpy(), d.slice.to_numpy()
    cells = []
    for key, ids in ((lab, lab), (None, lab * n_slice + sl)):
        counts = np.bincount(ids, minlength=n_lab * (n_slice if key is None else 1))
        for t in np.flatnonzero(counts >= MIN_LABELS):
            if only is not None and (t if key is not None else t // n_slice) != only:
                continue
            if key is None and n_slice < 2:
                continue
            cells.append((int(t), key is None))
    ta = np.full(len(d), -1)
    tb = np.full(len(d), -1)
    index = {cell: k for k, cell in enumerate(cells)}
    la = np.array([index.get((int(j), False), -1) for j in range(n_lab)])
    lb = np.array([index.get((int(k), True), -1) for k in range(n_lab * n_slice)])
    ta, tb = la[lab], lb[lab * n_slice + sl]
    nt = len(cells)
    mean = tot / m
    sigma2 = np.maximum(0, d.assign(y2=d.y * d.y).groupby("item").y2.transform("mean").to_numpy() - mean * mean)
    obs = np.zeros(nt)
    var = np.zeros(nt)
    n = np.zeros(nt)
    s1 = np.zeros(nt)
    s2 = np.zeros(nt)
    for tt in (ta, tb):
        ok = tt >= 0
        obs += np.bincount(tt[ok], weights=(c * (y - mean))[ok], minlength=nt)
        var += np.bincount(tt[ok], weights=(c * c * sigma2)[ok], minlength=nt)
        n += np.bincount(tt[ok], minlength=nt)
        s1 += np.bincount(tt[ok], weights=r[ok], minlength=nt)
        s2 += np.bincount(tt[ok], weights=(r * r)[ok], minlength=nt)
    # Monte-Carlo permutations: shuffle each item's values among its labels, per group-size class.
    rng = np.random.default_rng(seed)
    exceed = np.zeros(nt)
    expected = obs * 0
    order = np.argsort(d.item.to_numpy(), kind="stable")
    sizes = m[order].astype(int)
    cy = (c * y)[order]
    tao, tbo = ta[order], tb[order]
    for tt in (tao, tbo):
        ok = tt >= 0
        expected += np.bincount(tt[ok], weights=(c * mean)[order][ok], minlength=nt)
    classes = [(s, np.flatnonzero(sizes == s)) for s in np.unique(sizes)]
    for _ in range(perms):
        perm = np.empty_like(cy)
        for s, pos in classes:
            perm[pos] = rng.permuted(cy[pos].reshape(-1, s), axis=1).ravel()
        acc = np.zeros(nt)
        for tt in (tao, tbo):
            ok = tt >= 0
            acc += np.bincount(tt[ok], weights=perm[ok], minlength=nt)
        exceed += np.abs(acc - expected) >= np.abs(obs) * (1 - 1e-12) - 1e-12
    z = np.where(var > 0, obs / np.sqrt(np.where(var > 0, var, 1)), 0)
    p_norm = np.where(var > 0, 2 * stats.norm.sf(np.abs(z)), 1)
    p_perm = (1 + exceed) / (perms + 1)
    p = np.where(n >= NORMAL_MIN_N, p_norm, p_perm)
    eff = s1 / n
    tests = [{"labeler": cell[0] // n_slice if cell[1] else cell[0], "slice": cell[0] % n_slice if cell[1] else -1,
              "kind": "leniency", "effect": float(eff[k]), "p": float(p[k]), "z": float(z[k]), "n": int(n[k])} for k, cell in enumerate(cells)]
    return tests, pd.Series(r, index=d.index)


def trend(x, r, strata):
    f = pd.DataFrame({"x": x, "r": r, "s": strata})
    g = f.groupby("s")
    f = f[g.x.transform("size") >= 2]
    g = f.groupby("s")
    dx = f.x - g.x.transform("mean")
    dr = f.r - g.r.transform("mean")
    sxx = (dx * dx).groupby(f.s).sum()
    srr = (dr * dr).groupby(f.s).sum()
    var = (sxx * srr / (g.size() - 1)).sum()
    t = float((dx * dr).sum())
    if var <= 0 or sxx.sum() <= 0:
        return 0.0, 1.0
    z = t / np.sqrt(var)
    return t / sxx.sum(), float(2 * stats.norm.sf(abs(z)))


def time_tests(df, resid):
    out = []
    d = df.assign(r=resid).dropna(subset=["r"])
    for j, g in d.groupby("lab"):
        if len(g) < 20:
            continue
        days = g.t.to_numpy() / 86_400_000
        if np.ptp(days) > 0:
            slope, p = trend(days, g.r.to_numpy(), np.zeros(len(g)))
            out.append({"labeler": j, "slice": -1, "kind": "drift", "effect": slope * np.ptp(days), "p": p})
        vc = g.version.value_counts()
        keep = vc[vc >= 5].index
        if len(keep) >= 2:
            gv = g[g.version.isin(keep)]
            slope, p = trend(gv.version.to_numpy(), gv.r.to_numpy(), np.zeros(len(gv)))
            out.append({"labeler": j, "slice": -1, "kind": "drift", "effect": slope * np.ptp(gv.version), "p": p})
        gs = g[g.groupby("session").session.transform("size") >= 3]
        if len(gs) >= 20:
            slope, p = trend(gs.pos.to_numpy(), gs.r.to_numpy(), gs.session.to_numpy())
            out.append({"labeler": j, "slice": -1, "kind": "fatigue", "effect": slope * (gs.groupby("session").pos.max().mean() - 1), "p": p})
    return out


def family(df, tests, resid):
    tests = tests + time_tests(df, resid)
    q = multipletests([t["p"] for t in tests], method="fdr_bh")[1] if tests else []
    return tests, q


def main():
    path, perms, boot, seed = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
    raw = pd.read_csv(path)
    item, item_ids = pd.factorize(raw.item_id, sort=True)
    lab, lab_ids = pd.factorize(raw.labeler_id, sort=True)
    sl, slice_ids = pd.factorize(raw.slice, sort=True)
    ver, _ = pd.factorize(raw.guideline_version, sort=True)
    sess, _ = pd.factorize(raw.labeler_id + "|" + raw.session_id)
    df = pd.DataFrame({"item": item, "lab": lab, "y": raw.label.astype(float), "t": raw.labeled_at_ms, "version": ver, "session": sess})
    item_slice = pd.Series(sl).groupby(item).agg(lambda s: s.value_counts().index[0])
    df["slice"] = item_slice.to_numpy()[item]
    df = df.sort_values(["item", "lab"]).reset_index(drop=True)
    df["pos"] = df.groupby("session").t.rank(method="first").astype(int)
    n_items, n_lab, n_slice = len(item_ids), len(lab_ids), len(slice_ids)
    rng = np.random.default_rng(seed)

    C = np.zeros((n_items, K))
    np.add.at(C, (df.item.to_numpy(), df.y.to_numpy().astype(int) - 1), 1)
    overall = agreement(C, boot, rng)
    per_slice = {str(slice_ids[s]): agreement(C[item_slice.to_numpy() == s], boot, rng) for s in range(n_slice)}

    pairs = df[["item", "lab", "y"]].merge(df[["item", "lab", "y"]], on="item")
    pairs = pairs[pairs.lab_x < pairs.lab_y]
    kappas = [cohen_kappa_score(g.y_x, g.y_y, weights="quadratic", labels=[1, 2, 3, 4, 5])
              for _, g in pairs.groupby(["lab_x", "lab_y"]) if len(g) >= 20]

    ds = dawid_skene(df.item.to_numpy(), df.lab.to_numpy(), df.y.to_numpy().astype(int) - 1, n_items, n_lab)

    def run_round(dropped, perms_now):
        tests, resid = leniency_round(df, n_lab, n_slice, perms_now, seed, dropped)
        resid = resid.reindex(df.index)
        for s in sorted(dropped):
            own, rs = leniency_round(df, n_lab, n_slice, perms_now, seed + 1 + s, dropped - {s}, only=s)
            tests += own
            mine = df.lab == s
            resid[mine] = rs.reindex(df.index)[mine]
        return tests, resid

    # Peel the most significant flagged labeler off everyone's peers until nobody new is flagged
    # (screening rounds need no Monte-Carlo permutations when every test has >= 30 labels).
    peeled = []
    while len(peeled) < min(10, n_lab - 2):
        screen, _ = run_round(set(peeled), 0)
        if any(t["n"] < NORMAL_MIN_N for t in screen):
            screen, _ = run_round(set(peeled), perms)
        q = multipletests([t["p"] for t in screen], method="fdr_bh")[1]
        cands = [t for t, qq in zip(screen, q) if t["labeler"] not in peeled and qq <= ALPHA and t["effect"] != 0]
        if not cands:
            break
        peeled.append(min(cands, key=lambda t: (t["p"], -abs(t["z"])))["labeler"])
    suspects = set(peeled)
    tests, resid = run_round(suspects, perms)
    tests, q = family(df, tests, resid)

    # Leave-one-labeler-out impact: medians without each labeler, on the items they labeled.
    M = df.pivot_table(index="item", columns="lab", values="y").to_numpy()
    base = np.nanmedian(M, 1) >= PASS
    islice = item_slice.to_numpy()

    def impact(j, s):
        rows = np.flatnonzero(~np.isnan(M[:, j]) & ((islice == s) if s >= 0 else True))
        with np.errstate(all="ignore"):
            med = np.nanmedian(np.delete(M[rows], j, axis=1), 1)
        return int(((med >= PASS) != base[rows]).sum())
    flags = sorted(({"labeler_id": str(lab_ids[t["labeler"]]), "slice": None if t["slice"] < 0 else str(slice_ids[t["slice"]]),
                     "kind": t["kind"], "effect": float(t["effect"]), "q_value": float(qq), "flipped_items": impact(t["labeler"], t["slice"] if t["kind"] == "leniency" else -1)}
                    for t, qq in zip(tests, q) if qq <= ALPHA and t["effect"] != 0), key=lambda f: -f["flipped_items"])
    print(json.dumps({"agreement": overall, "per_slice": per_slice, "pairwise_cohen": {"n_pairs": len(kappas), "median": float(np.median(kappas))},
                      "dawid_skene": ds, "n_tests": len(tests), "excluded_from_peers": [str(lab_ids[s]) for s in peeled], "flags": flags}))


if __name__ == "__main__":
    main()

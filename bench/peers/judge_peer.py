"""The peer a user would otherwise write for judge calibration: per band of the judge's score and of the
human score (ordinal 1-5, one band per point), agreement within +-1 with a Wilson interval
(statsmodels) and BCa bootstrap intervals (scipy.stats.bootstrap) of the mean bias (judge - human)
and the MAE, both from the same resamples. Same pairs, statistics, confidence and resample count as
`touchstone judge calibrate`.
Usage: python3 judge_peer.py PAIRS.csv RESAMPLES SEED  -> JSON {bands, bands_by_human} on stdout."""
import json
import sys

import numpy as np
import pandas as pd
from scipy import stats
from statsmodels.stats.proportion import proportion_confint

# Resamples are drawn in batches so a 20,000-item band with 10,000 resamples does not need 1.6 GB
# at once; the BCa jackknife uses the same batch size.
BATCH = 1000


def bias_and_mae(d, axis=-1):
    return np.stack([d.mean(axis=axis), np.abs(d).mean(axis=axis)])


def band_stats(judge, human, members, resamples, rng):
    d = (judge - human)[members]
    n = int(d.size)
    if n == 0:
        return {"n": 0}
    within = int((np.abs(d) <= 1 + 1e-9).sum())
    lo, hi = proportion_confint(within, n, alpha=0.05, method="wilson")
    out = {"n": n, "agreement": within / n, "ci": [float(lo), float(hi)], "bias": float(d.mean()), "mae": float(np.abs(d).mean())}
    if n >= 2:
        res = stats.bootstrap((d,), bias_and_mae, n_resamples=resamples, method="BCa", vectorized=True, batch=BATCH, rng=rng)
        ci = res.confidence_interval
        out["bias_ci"] = [float(ci.low[0]), float(ci.high[0])]
        out["mae_ci"] = [float(ci.low[1]), float(ci.high[1])]
    return out


def main(path, resamples, seed):
    df = pd.read_csv(path)
    judge = df["judge"].to_numpy(dtype=float)
    human = df["human"].to_numpy(dtype=float)
    rng = np.random.default_rng(seed)
    views = {}
    for name, values in (("bands", judge), ("bands_by_human", human)):
        point = np.floor(values + 0.5)
        views[name] = [{"band": str(b), **band_stats(judge, human, point == b, resamples, rng)} for b in range(1, 6)]
    print(json.dumps(views))


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]), int(sys.argv[3]))

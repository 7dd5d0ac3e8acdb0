#!/usr/bin/env python3
"""Reference implementation, in vectorised numpy, of blendscope's uncertainty definitions
(README "How sure is this number?"): the actor bootstrap at fixed thresholds, the best-threshold
bootstrap, the paired comparison, and the actor and fold heterogeneity tests.

It shares no random stream with blendscope: results agree within Monte-Carlo error.

    scripts/uncertainty_reference.py --metadata Data/real/train_metadata.csv Data/real/test_metadata.csv \
        --probs Data/real/probs_hicmae_kl_e100_last.csv [--probs-b Data/real/probs_hicmae_ce_e100_last.csv] \
        --alpha 0.1447 --beta 0.0974 --replicates 20000 --permutations 20000 [--time]

Prints one JSON object.
"""
import argparse
import csv
import json
import math
import re
import sys
import time

import numpy as np

EMOTIONS = ["ang", "disg", "fea", "hap", "sad", "neu"]
NEU = 5
# blendscope's linspace: start + i·step, the last point exactly stop (numpy's differs in the last bit).
GRID = np.arange(20) * ((0.95 - 0.05) / 19) + 0.05
GRID[-1] = 0.95


def labels_from_name(stem):
    """(presence mask, first salience of the lower-index emotion or 0 for singles)."""
    parts = stem.split("_")
    if parts[1] == "mix":
        a, b = EMOTIONS.index(parts[2]), EMOTIONS.index(parts[3])
        sa = int(parts[4])
        if a > b:
            a, b, sa = b, a, 100 - sa
        return (1 << a) | (1 << b), sa
    return 1 << EMOTIONS.index(parts[1]), 0


def load(metadata_files, probs_file):
    info = {}
    for path in metadata_files:
        with open(path, newline="") as f:
            for row in csv.DictReader(f):
                stem = re.sub(r"\.(mov|mp4|avi|mkv)$", "", row["filename"].strip(), flags=re.I)
                fold = row.get("fold", "")
                info[stem] = (stem.split("_")[0], int(fold) if fold not in ("", None) and int(fold) >= 0 else -1)
    names, probs = [], []
    with open(probs_file, newline="") as f:
        for row in csv.DictReader(f):
            stem = re.sub(r"\.(mov|mp4|avi|mkv)$", "", row["filename"].strip(), flags=re.I)
            if stem in info:
                names.append(stem)
                probs.append([float(row[e]) for e in EMOTIONS])
    return names, np.array(probs), info


class Source:
    """Per-clip correctness on the whole 20×20 grid."""

    def __init__(self, names, p, info):
        self.names = names
        n = len(names)
        order = np.argsort(-p, axis=1, kind="stable")
        i, j = order[:, 0], order[:, 1]
        p1, p2 = p[np.arange(n), i], p[np.arange(n), j]
        margin = np.abs(p1 - p2)
        masks = np.array([labels_from_name(s)[0] for s in names])
        first_sal = np.array([labels_from_name(s)[1] for s in names])
        self.blend = first_sal > 0
        self.kind = np.where(first_sal == 50, 0, np.where(first_sal == 70, 1, 2))
        self.actor_names = sorted({info[s][0] for s in names})
        self.actor = np.array([self.actor_names.index(info[s][0]) for s in names])
        self.fold = np.array([info[s][1] for s in names])
        pair_mask = np.where(i == NEU, np.where(p2 >= p1, 1 << j, 1 << NEU),
                             np.where(j == NEU, 1 << i, (1 << i) | (1 << j)))
        single_hit = masks == (1 << i)
        pair_hit = masks == pair_mask
        # Share of the top class in the label, for blends whose pair is predicted.
        low = np.minimum(i, j)
        top_share = np.where(i == low, first_sal, 100 - first_sal)
        keeps = (~(p1[:, None] < GRID[None, :])) & (~((p2[:, None] < GRID[None, :]) | (p2[:, None] == 0)))  # N×α
        self.presence = np.where(keeps, pair_hit[:, None], single_hit[:, None])  # N×α
        even = margin[:, None] <= GRID[None, :]  # N×β
        sal_ok = np.where(top_share[:, None] == 50, even, np.where(top_share[:, None] == 70, ~even, False))
        sal_ok = sal_ok & (self.blend & pair_hit)[:, None]
        self.salience = keeps[:, :, None] & sal_ok[:, None, :]  # N×α×β
        self.p1, self.p2, self.margin = p1, p2, margin

    def tables(self, rows=None):
        """Per actor: clips, blends, presence per α, salience per cell (α-major)."""
        rows = np.arange(len(self.names)) if rows is None else rows
        a = len(self.actor_names)
        onehot = np.zeros((a, len(self.names)))
        onehot[self.actor[rows], rows] = 1
        clips = onehot.sum(1)
        blends = onehot @ self.blend.astype(float)
        pres = onehot @ self.presence.astype(float)
        sal = onehot @ self.salience.reshape(len(self.names), -1).astype(float)
        keep = clips > 0
        return clips[keep], blends[keep], pres[keep], sal[keep], np.nonzero(keep)[0]


def weights(rng, replicates, units):
    return rng.multinomial(units, np.full(units, 1.0 / units), size=replicates).astype(float)


def fixed_interval(src, tables_at, w, level):
    c, b, p, s = tables_at
    C, B, P, S = w @ c, w @ b, w @ p, w @ s
    accp, accs = P / C, np.divide(S, B, out=np.zeros_like(S), where=B > 0)
    sc = 0.5 * accp + 0.5 * accs
    q = [(1 - level) / 2, (1 + level) / 2]
    return {"acc_presence": np.quantile(accp, q).tolist(), "acc_salience": np.quantile(accs, q).tolist(),
            "score": np.quantile(sc, q).tolist()}, (accp, accs, sc)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--metadata", nargs="+", required=True)
    ap.add_argument("--probs", required=True)
    ap.add_argument("--probs-b")
    ap.add_argument("--alpha", type=float)
    ap.add_argument("--beta", type=float)
    ap.add_argument("--replicates", type=int, default=20000)
    ap.add_argument("--permutations", type=int, default=20000)
    ap.add_argument("--level", type=float, default=0.95)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--min-blends", type=int, default=10)
    ap.add_argument("--time", action="store_true", help="report the median time of each statistic instead")
    ap.add_argument("--only", nargs="+", default=["fixed", "best", "actor_test", "fold_test"],
                    help="with --time: the statistics to time")
    ap.add_argument("--repeats", type=int, default=5, help="with --time: timed runs per statistic")
    args = ap.parse_args()
    print(json.dumps(run(args), indent=1, sort_keys=True))


def grid_index(value):
    return int(np.argmin(np.abs(GRID - value)))


def run(args):
    rng = np.random.default_rng(args.seed)
    names, p, info = load(args.metadata, args.probs)
    src = Source(names, p, info)
    c, b, pres, sal, actors = src.tables()
    out = {"clips": len(names), "actors": len(actors)}
    level = args.level
    q = [(1 - level) / 2, (1 + level) / 2]

    # Fixed thresholds: the nearest grid cell (the thresholds asked for lie on the grid).
    ai, bi = grid_index(args.alpha), grid_index(args.beta)

    def fixed():
        # Per-actor counts at the cell from the per-clip verdicts, then the replicates.
        na = len(src.actor_names)
        counts = tuple(np.bincount(src.actor, weights=x, minlength=na) for x in
                       (np.ones(len(names)), src.blend.astype(float), src.presence[:, ai].astype(float),
                        src.salience[:, ai, bi].astype(float)))
        keep = counts[0] > 0
        w = weights(rng, args.replicates, int(keep.sum()))
        return fixed_interval(src, tuple(x[keep] for x in counts), w, level)[0]

    def best_bootstrap():
        c, b, pres, sal, _ = src.tables()
        w = weights(rng, args.replicates, len(c))
        C, B, P, S = w @ c, w @ b, w @ pres, w @ sal
        sc = 0.5 * (P / C[:, None])[:, :, None] + 0.5 * (S / B[:, None]).reshape(-1, 20, 20)
        flat = sc.reshape(len(w), -1).argmax(1)
        return {"alpha": np.quantile(GRID[flat // 20], q).tolist(), "beta": np.quantile(GRID[flat % 20], q).tolist()}

    def actor_test():
        full = 0.5 * (pres.sum(0) / c.sum())[:, None] + 0.5 * (sal.sum(0) / b.sum()).reshape(20, 20)
        a_star = int(np.argmax(full.reshape(-1)) // 20)
        blend_rows = np.nonzero(src.blend)[0]
        hits = src.salience[blend_rows, a_star, :].astype(np.int32)  # M×β
        kinds = src.kind[blend_rows]
        act = src.actor[blend_rows]
        # Slots ordered by actor then kind; a dealing fills each kind's slots from that kind's pool.
        slot_order = np.lexsort((kinds, act))
        slot_actor, slot_kind = act[slot_order], kinds[slot_order]
        starts = np.r_[0, np.nonzero(np.diff(slot_actor))[0] + 1]
        present = slot_actor[starts]
        counts = np.bincount(act, minlength=len(src.actor_names))[present]
        eligible = counts >= args.min_blends

        def stat(dealt_rows):  # dealt_rows: n×M row indices (into hits) per slot
            h = hits[dealt_rows]  # n×M×β
            per_actor = np.add.reduceat(h, starts, axis=1)  # n×A×β
            # Population SD summed per distinct β in grid order, as blendscope does, so equal
            # multisets of β* give equal bits and ties count as ≥.
            idx = per_actor.argmax(2)[:, eligible]
            counts = (idx[:, :, None] == np.arange(20)[None, None, :]).sum(1).astype(float)  # n×β
            n = idx.shape[1]
            mean = (counts * GRID).sum(1) / n
            return np.sqrt((counts * (GRID[None, :] - mean[:, None]) ** 2).sum(1) / n)

        pools = [np.nonzero(kinds == k)[0] for k in range(3)]
        observed_rows = np.empty(len(slot_order), dtype=np.int64)
        for k in range(3):
            observed_rows[slot_kind == k] = slot_order[slot_kind == k]
        t = stat(observed_rows[None, :])[0]
        null = []
        remaining = args.permutations
        while remaining > 0:
            n = min(2000, remaining)
            dealt = np.empty((n, len(slot_order)), dtype=np.int64)
            for k in range(3):
                dealt[:, slot_kind == k] = rng.permuted(np.tile(pools[k], (n, 1)), axis=1)
            null.append(stat(dealt))
            remaining -= n
        null = np.concatenate(null)
        return {"alpha": float(GRID[a_star]), "statistic": float(t), "actors": int(eligible.sum()),
                "p_value": float((1 + (null >= t).sum()) / (1 + len(null)))}

    def fold_test():
        train = np.nonzero(src.fold >= 0)[0]
        ct, bt, pt, st, act_ids = src.tables(train)
        fold_of = np.array([src.fold[np.nonzero(src.actor == a)[0][0]] for a in act_ids])
        folds = np.unique(fold_of)
        sizes = [int((fold_of == f).sum()) for f in folds]
        table = np.concatenate([ct[:, None], bt[:, None], pt, st], axis=1)  # A×(2+20+400)

        def betas(assign):  # n×A fold positions
            onehot = (assign[:, None, :] == np.arange(len(folds))[None, :, None]).astype(float)  # n×F×A
            sums = onehot @ table  # n×F×422
            C, B, P, S = sums[..., 0], sums[..., 1], sums[..., 2:22], sums[..., 22:]
            sc = 0.5 * (P / C[..., None])[..., :, None] + 0.5 * (S / B[..., None]).reshape(*S.shape[:2], 20, 20)
            flat = sc.reshape(*sc.shape[:2], -1).argmax(2)
            return GRID[flat % 20]

        observed = betas(np.searchsorted(folds, fold_of)[None, :])[0]
        t = observed.max() - observed.min()
        base = np.repeat(np.arange(len(folds)), sizes)
        null = []
        remaining = args.permutations
        while remaining > 0:
            n = min(2000, remaining)
            assign = rng.permuted(np.tile(base, (n, 1)), axis=1)
            bs = betas(assign)
            null.append(bs.max(1) - bs.min(1))
            remaining -= n
        null = np.concatenate(null)
        return {"statistic": float(t), "fold_betas": observed.tolist(),
                "p_value": float((1 + (null >= t).sum()) / (1 + len(null)))}

    if args.time:
        out = {"times_ms": {}}
        for name in args.only:
            fn = {"fixed": fixed, "best": lambda: best_bootstrap(), "actor_test": lambda: actor_test(),
                  "fold_test": lambda: fold_test()}[name]
            fn()
            times = []
            for _ in range(args.repeats):
                start = time.perf_counter()
                fn()
                times.append((time.perf_counter() - start) * 1e3)
            out["times_ms"][name] = float(np.median(times))
        return out
    out["fixed"] = fixed()
    out["best"] = best_bootstrap()
    out["actor_test"] = actor_test()
    out["fold_test"] = fold_test()

    if args.probs_b:
        names_b, pb, _ = load(args.metadata, args.probs_b)
        common = sorted(set(names) & set(names_b), key=names.index)
        ia = np.array([names.index(n) for n in common])
        ib = np.array([names_b.index(n) for n in common])
        srcA, srcB = Source(common, p[ia], info), Source(common, pb[ib], info)
        ca, ba, pa, sa, _ = srcA.tables()
        cb, bb, pb_, sb, _ = srcB.tables()
        w = weights(rng, args.replicates, len(ca))
        cellA = (ca, ba, pa[:, ai], sa[:, ai * 20 + bi])
        cellB = (cb, bb, pb_[:, ai], sb[:, ai * 20 + bi])
        _, ra = fixed_interval(srcA, cellA, w, level)
        _, rb = fixed_interval(srcB, cellB, w, level)
        delta = {}
        for key, x, y in zip(["acc_presence", "acc_salience", "score"], ra, rb):
            d = x - y
            delta[key] = {"ci": np.quantile(d, q).tolist(),
                          "p": float(min(1, 2 * min((d <= 0).mean(), (d >= 0).mean())))}
        ra_right, rb_right = srcA.presence[:, ai], srcB.presence[:, ai]
        only_a, only_b = int((ra_right & ~rb_right).sum()), int((~ra_right & rb_right).sum())
        n = only_a + only_b
        k = min(only_a, only_b)
        mc = 1.0 if n == 0 else min(1.0, 2 * sum(math.comb(n, i) for i in range(k + 1)) / 2 ** n)
        out["compare"] = {"delta": delta, "mcnemar_p": mc, "only_a_right": only_a, "only_b_right": only_b}
    return out


if __name__ == "__main__":
    main()

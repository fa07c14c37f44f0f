#!/usr/bin/env python3
"""Learns Concierge's sentiment lexicon from human-rated sentences.

    python3 scripts/sentiment/learn_lexicon.py [--data DIR] [--out FILE]      # the shipped lexicon
    python3 scripts/sentiment/learn_lexicon.py --evaluate [--folds K]         # k-fold and cross-domain figures

Model (see README.md beside this file): a sentence's raw score is linear in the valences,
s = sum_i w_i * v(key_i), where the weights w_i come from the hand-built rules (negation, intensifiers,
contrast, caps, "!!!"; rules.py mirrors the Swift scorer). The valences are a ridge regression of the human
mean rating (-4..4) on those weighted counts, around the hand-rated seed (seed.tsv):

    v_k = gamma_pos * seed_k+ + gamma_neg * seed_k- + delta_k
    minimise  sum_n (y_n - b - sum_k X_nk v_k)^2 + sum_k lambda_k delta_k^2

plus, for each clearly rated tweet, SIGN_MU * max(0, SIGN_MARGIN - sign(y_n) * sum_k X_nk v_k)^2 (a sign term).
Keys are words, seeded phrases, emoticons and word pairs ("at+least"). gamma_pos, gamma_neg and one intercept b are
unpenalised; b is not shipped. A seeded entry keeps its hand-rated
sign: its learned valence is held at least FLOOR times its hand rating (on the learned scale). An unseeded key's
lambda grows with how common it is (COMMON, COMMON_POWER). Words seen in
fewer than MIN_COUNT sentences and not in the seed, function words and the rules' own words are left out.
Deterministic: same data, same file.
"""
import argparse
import collections
import math
import os
import sys

import numpy as np
import scipy.sparse as sp
from scipy.sparse.linalg import lsqr

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import rules  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
LAMBDA = 100.0        # ridge strength for words without a seed value (chosen by 5-fold and cross-domain r)
LAMBDA_SEED = 40.0    # pull towards a hand-rated value (the seed generalises across domains; the data refines it)
# A seeded entry's learned valence stays at least this fraction of its hand rating, on the learned scale: the data
# may weaken a hand-rated word but not turn it over ("favorite" learning a negative valence from a few sarcastic
# sentences); chosen by 5-fold and cross-domain binary accuracy.
FLOOR = 0.6
MIN_COUNT = 3
# An unseeded key seen in more than COMMON sentences is shrunk harder: lambda * (count / COMMON)^COMMON_POWER. The
# frequent words nobody rated are mostly everyday verbs and nouns ("work", "got", "go", "time", "weekend"), whose
# link to the ratings is the topics and moods they keep company with, not their meaning; the frequent words that do
# carry feeling are in the seed. Chosen by 5-fold and cross-domain figures (README).
COMMON = 30
COMMON_POWER = 0.75
# Sign term: besides the squared error, mu * max(0, MARGIN - sign(y) * s)^2 for each clearly rated tweet
# (|y| >= SIGN_MIN), s being the shipped raw score (no intercept). The squared error is about how far off a score
# is; the sign term asks that a clearly rated sentence land on the right side of 0 with some room, which is
# what a label (and binary accuracy) depends on. Tweets only: a movie snippet's sign often rests on context a
# lexicon cannot see, and pushing those signs taught words the snippets' habits (cross-domain tweets binary
# accuracy fell 0.9493 -> 0.9417 at mu=1, MARGIN=1.5 with them in). mu and MARGIN chosen by 5-fold and
# cross-domain figures; the README lists the grid.
SIGN_MU = 3.0
SIGN_MARGIN = 1.0
SIGN_MIN = 0.5
SIGN_SETS = ("tweets.tsv",)
SETS = ("tweets.tsv", "movieReviewSnippets.tsv")
# Function words, names of the data sets' placeholders and the negators/intensifiers the rules handle: they
# get no valence of their own, so no domain's habits ("@anonymous", "and", "or") leak into the score.
STOPWORDS = set("""a an the and or nor of to in on at by for from with without about into onto over under up down
out off than then as if so such this that these those there here it its itself i me my mine myself we us our
ours you your yours he him his she her hers they them their theirs who whom whose which what when where why how
is am are was were be been being do does did doing have has had having will would shall should can could may
might must also just very really too more most much many some any all each every both either one two s t d ll m
re ve""".split())
# The data sets' placeholders and link debris: no feeling, only the habits of a source.
PLACEHOLDERS = set("anonymous url removed http https www com rt via amp quot".split())
STOPWORDS |= PLACEHOLDERS
# Negators that say something on their own as well ("no electricity", "nothing works", "nope"): they learn a
# valence of their own besides negating what follows. "not" and the n't forms only negate (learning one for
# them too helps the movie snippets but hurts the tweets, by 5-fold r), and so do hardly/barely/neither/nor.
STANDALONE_NEGATORS = set("no nope nah never nothing nobody none nowhere without".split())
# The nouns and verbs of plain customer-service requests carry no feeling ("where is my order", "show me
# running shoes"), whatever mood they happened to share with the tweets and movie snippets they appear in.
REQUEST_WORDS = set("""order orders ordered ordering account accounts delivery deliver delivered package packages parcel
item items product products email emails address price prices size sizes number status tracking track shipping
ship shipped shoes shoe running jacket jackets shirt dress bag phone card payment pay paid buy bought purchase
need needs want wants help show tell check customer customers store shop today tomorrow yesterday week day support
cancel cancelled canceled human person agent talk speak question
return returns exchange""".split())
STOPWORDS |= REQUEST_WORDS


def pair_allowed(key):
    """A word pair ("at+least", "can+not", "so+cute") is learned unless both its words are function words ("of+the",
    "is+my": the style of a source, and they would give "where is my order" a mood) or one is a request word or a
    placeholder ("my+order", "anonymous+thanks")."""
    first, second = key.split(rules.PAIR, 1)
    if first in STOPWORDS and second in STOPWORDS:
        return False
    return not ({first, second} & (REQUEST_WORDS | PLACEHOLDERS))


def is_pair(key):
    return rules.PAIR in key and len(key) > 1


def load_seed(path=os.path.join(HERE, "seed.tsv")):
    seed = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            key, value = line.rstrip("\n").split("\t")
            seed[key] = float(value)
    # Inflections, comparatives, -ness nouns and -ly adverbs of single seed words that the seed does not rate
    # itself ("cries", "loving", "sadder", "horribly"), a little weaker than the word: customers and raters write
    # every form, the seed lists one or two.
    for key, value in list(seed.items()):
        if " " in key or not key.isalpha() or len(key) < 3:
            continue
        if key in NOT_INFLECTED:
            continue
        forms = inflections(key)
        if abs(value) >= DERIVED_FROM and key not in NOT_ADVERBS:
            forms |= derived_forms(key) | adverbs(key)
        for form in forms:
            # The rules' own words ("fucking" from "fuck", "hardly" from "hard") only modify their neighbours, and
            # a form that is a function word or a request noun ("number" from "numb") stays out like one.
            if form not in seed and form not in RULE_WORDS and form not in STOPWORDS:
                seed[form] = round(value * INFLECTED, 3)
    return seed


INFLECTED = 0.9
BALANCE = True  # weigh both data sets equally (chosen by 5-fold r on tweets; movie snippets unchanged)
# Adjectives whose -s/-ed/-ing forms are other words ("kinds", "fines", "patients", "sweets").
NOT_INFLECTED = set("""kind fine fair cool sound free sweet right pretty even sure top rich fit mild content present
patient safe well ok okay like best great good nice bad poor mean super star gem treasure prize hero champion
gift bonus fan cheap dear hope wish fee fat odd open deal""".split())
# Comparatives, -ness nouns and -ly adverbs come only from clear-cut seed words: from mild ones they are too
# often other words ("business" from "busy", "thriller" from "thrill", "simply" from "simple").
DERIVED_FROM = 1.5
# Words whose -ly adverb or comparative means something else ("lately", "rarely", "ultimately", "stranger").
NOT_ADVERBS = set("""late short present even sure great ready wide close most just real high hard bare scarce fair
rare ultimate original complete critical strange""".split())
RULE_WORDS = set(rules.NEGATORS) | set(rules.INTENSIFIERS) | rules.CONTRAST | rules.CONCESSIVE


def adverbs(word):
    """The -ly adverb of an adjective ("horrible" -> "horribly", "happy" -> "happily", "tragic" -> "tragically")."""
    if word.endswith("ly"):
        return set()
    if word.endswith("le"):
        return {word[:-1] + "y"}
    if word.endswith("y") and word[-2] not in "aeiou":
        return {word[:-1] + "ily"}
    if word.endswith("ic"):
        return {word + "ally"}
    return {word + "ly"}


def derived_forms(word):
    """Forms the regular rules above miss: doubled final consonants ("sad" -> "sadder", "hug" -> "hugged"),
    comparatives and superlatives ("nice" -> "nicer", "bright" -> "brightest") and -ness nouns ("happy" ->
    "happiness"). A form that is no English word never occurs, so it costs nothing."""
    vowels = "aeiou"
    forms = set()
    if word.endswith(("ed", "ing", "s", "ly", "ness", "er", "est", "ful", "ous", "ive", "ic", "al")):
        return forms  # already a derived word ("loved", "joyful"): its own derivations are not words
    if len(word) >= 3 and word[-1] not in vowels + "wxy" and word[-2] in vowels and word[-3] not in vowels \
            and sum(1 for c in word if c in vowels) == 1:
        forms |= {word + word[-1] + suffix for suffix in ("ed", "ing", "er", "est")}
    if word.endswith("e"):
        forms |= {word + "r", word + "st", word + "ness"}
    elif word.endswith("y") and word[-2] not in vowels:
        forms.add(word[:-1] + "iness")
    else:
        forms |= {word + "er", word + "est", word + "ness"}
    return forms


def inflections(word):
    """Regular -s, -ed and -ing forms ("cry" -> "cries", "cried", "crying"; "hate" -> "hates", "hated", "hating"),
    and -ier/-iest for words in -y ("lucky" -> "luckier", "luckiest")."""
    if word.endswith("e"):
        return {word + "s", word + "d", word[:-1] + "ing"}
    if word.endswith("y") and word[-2] not in "aeiou":
        # ... and the comparative and superlative of -y adjectives ("luckier", "happiest", "funnier").
        return {word[:-1] + "ies", word[:-1] + "ied", word + "ing", word[:-1] + "ier", word[:-1] + "iest"}
    if word.endswith(("s", "x", "ch", "sh")):
        return {word + "es", word + "ed", word + "ing"}
    return {word + "s", word + "ed", word + "ing"}


def load_sets(data_dir):
    rows = []  # (domain, rating, text)
    for d, name in enumerate(SETS):
        with open(os.path.join(data_dir, name), encoding="utf-8") as f:
            for line in f:
                if not line.strip():
                    continue
                rating, text = line.rstrip("\n").split("\t", 1)
                rows.append((d, float(rating), text))
    return rows


def learn(rows, seed, lam=LAMBDA, lam_seed=LAMBDA_SEED, min_count=MIN_COUNT, sign_mu=SIGN_MU, margin=SIGN_MARGIN):
    # First pass: the corpus's own words, so elongated forms resolve to a word that exists.
    vocabulary = dict(seed)
    seen = collections.Counter()
    for _, _, text in rows:
        for it in rules.scan(text)[0]:
            if it.kind == "word" and not it.elongated and not it.hashtag:
                vocabulary.setdefault(it.key, 0.0)
                seen[it.key] += 1
    # The words a hashtag may split into: those that can get a valence (the shipped lexicon's words, roughly).
    known = {k for k in seed if " " not in k} | {k for k, c in seen.items() if c >= min_count and k not in STOPWORDS
                                                 and k not in RULE_WORDS}
    starts = rules.phrase_starts(seed)
    feats = [rules.features(text, vocabulary, starts, known) for _, _, text in rows]
    counts = collections.Counter()
    for fs in feats:
        for k in {k for k, _ in fs}:
            counts[k] += 1
    keys = sorted(k for k in counts if k in seed or (counts[k] >= min_count and k not in STOPWORDS
                                                   and (not is_pair(k) or pair_allowed(k))
                                                   and (k not in rules.NEGATORS or k in STANDALONE_NEGATORS)
                                                   and k not in rules.INTENSIFIERS
                                                   and k not in rules.CONTRAST and k not in rules.CONCESSIVE))
    index = {k: i for i, k in enumerate(keys)}
    n, m = len(rows), len(keys)
    data, ri, ci = [], [], []
    for r, fs in enumerate(feats):
        acc = collections.defaultdict(float)
        for k, w in fs:
            if k in index:
                acc[index[k]] += w
        for c, w in acc.items():
            ri.append(r); ci.append(c); data.append(w)
    X = sp.csr_matrix((data, (ri, ci)), shape=(n, m))
    # One intercept for all sentences (not one per data set: a per-set intercept let words learn each set's
    # mean instead of how people rate them, which cost held-out binary accuracy on both sets).
    intercept = sp.csr_matrix(np.ones((n, 1)))
    prior = np.array([seed.get(k, 0.0) for k in keys])
    y = np.array([r for _, r, _ in rows])
    # v = gamma± * seed + delta: gamma+ and gamma- (two unpenalised numbers, for positive and negative seed
    # values: raters weigh bad news more) put the hand ratings on the scale of the learned valences; delta
    # is the ridge-penalised correction the data makes to each entry.
    positive, negative = np.maximum(prior, 0), np.minimum(prior, 0)
    seeded = sp.csr_matrix(np.column_stack([X @ positive, X @ negative]))
    lambdas = np.array([lam_seed if k in seed else lam * max(1.0, counts[k] / COMMON) ** COMMON_POWER for k in keys])
    extra = 3
    A = sp.vstack([sp.hstack([X, seeded, intercept]),
                   sp.hstack([sp.diags(np.sqrt(lambdas)), sp.csr_matrix((m, extra))])]).tocsr()
    weights = np.ones(n)
    if BALANCE:
        # Each data set weighs the same in total, so the 10,605 movie snippets do not drown the tweets.
        sizes = np.bincount([d for d, _, _ in rows], minlength=len(SETS)).astype(float)
        weights = np.sqrt(n / (len(SETS) * sizes[[d for d, _, _ in rows]]))
        A = sp.vstack([sp.diags(weights) @ A[:n], A[n:]]).tocsr()
    b = np.concatenate([y * weights, np.zeros(m)])
    solution = lsqr(A, b, atol=1e-10, btol=1e-10, iter_lim=5000)[0]
    if sign_mu > 0:
        # The sign term, by iterating least squares over the clear tweets still inside the margin (its active
        # set); it settles in two or three rounds.
        shipped = sp.hstack([X, seeded, sp.csr_matrix((n, 1))]).tocsr()
        sign = np.sign(y)
        clear = (np.abs(y) >= SIGN_MIN) & np.isin([SETS[d] for d, _, _ in rows], SIGN_SETS)
        for _ in range(6):
            active = np.flatnonzero(clear & (sign * (shipped @ solution) < margin))
            scale = np.sqrt(sign_mu) * weights[active]
            updated = lsqr(sp.vstack([A, sp.diags(scale) @ shipped[active]]).tocsr(),
                           np.concatenate([b, scale * sign[active] * margin]),
                           atol=1e-10, btol=1e-10, iter_lim=5000, x0=solution)[0]
            settled = np.max(np.abs(updated - solution)) < 1e-4
            solution = updated
            if settled:
                break
    gamma_positive, gamma_negative = solution[m], solution[m + 1]
    scaled = gamma_positive * positive + gamma_negative * negative
    values = scaled + solution[:m]
    values = np.where(prior > 0, np.maximum(values, FLOOR * scaled), np.where(prior < 0, np.minimum(values, FLOOR * scaled), values))
    lexicon = {k: float(v) for k, v in zip(keys, values)}
    # Entries never seen in the data keep their hand rating, on the learned scale.
    for k, v in seed.items():
        lexicon.setdefault(k, (gamma_positive if v > 0 else gamma_negative) * v)
    learn.gamma = (gamma_positive, gamma_negative)
    return lexicon


def write(lexicon, path):
    with open(path, "w", encoding="utf-8") as f:
        f.write("# Concierge sentiment lexicon: entry<TAB>valence (-4..4). Generated by\n")
        f.write("# scripts/sentiment/learn_lexicon.py from seed.tsv and shared/benchmarks/sentiment; do not edit.\n")
        for k in sorted(lexicon):
            v = round(lexicon[k], 3)
            # Seeded phrases stay even at ~0: matching them keeps their words ("like" in "looks like") out.
            if (abs(v) >= 0.01 or " " in k) and "\t" not in k:
                f.write(f"{k}\t{v}\n")


def metrics(truth, pred):
    truth, pred = np.array(truth), np.array(pred)
    r = float(np.corrcoef(truth, pred)[0, 1])
    strong = np.abs(truth) >= 0.5
    binary = float((np.sign(pred[strong]) == np.sign(truth[strong])).mean())
    return {"pearson_r": round(r, 4), "binary_accuracy": round(binary, 4)}


def score_rows(rows, lexicon):
    starts = rules.phrase_starts(lexicon)
    return [rules.compound(raw_score(text, lexicon, starts)) for _, _, text in rows]


def raw_score(text, lexicon, starts):
    return sum(w * lexicon.get(k, 0.0) for k, w in rules.features(text, lexicon, starts))


def evaluate(rows, seed, folds, **kw):
    report = {}
    predictions = [0.0] * len(rows)
    for f in range(folds):
        train = [r for i, r in enumerate(rows) if i % folds != f]
        lexicon = learn(train, seed, **kw)
        test_idx = [i for i in range(len(rows)) if i % folds == f]
        scores = score_rows([rows[i] for i in test_idx], lexicon)
        for i, s in zip(test_idx, scores):
            predictions[i] = s
    for d, name in enumerate(SETS):
        idx = [i for i, r in enumerate(rows) if r[0] == d]
        report[f"{folds}-fold {name}"] = metrics([rows[i][1] for i in idx], [predictions[i] for i in idx])
    for d, name in enumerate(SETS):
        other = [r for r in rows if r[0] != d]
        mine = [r for r in rows if r[0] == d]
        lexicon = learn(other, seed, **kw)
        report[f"cross-domain {name}"] = metrics([r[1] for r in mine], score_rows(mine, lexicon))
    report["seed only"] = {name: metrics([r[1] for r in rows if r[0] == d], score_rows([r for r in rows if r[0] == d], seed)) for d, name in enumerate(SETS)}
    return report


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", default=os.path.join(os.path.dirname(ROOT), "shared", "benchmarks", "sentiment"))
    parser.add_argument("--out", default=os.path.join(ROOT, "Sources", "Sentiment", "Resources", "lexicon.tsv"))
    parser.add_argument("--evaluate", action="store_true")
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--exclude-fold", type=int, help="learn without fold N (of --folds) for held-out scoring")
    parser.add_argument("--only", choices=SETS, help="learn from one data set only")
    args = parser.parse_args()
    if not os.path.isdir(args.data):
        alt = "/work/shared/benchmarks/sentiment"
        args.data = alt if os.path.isdir(alt) else args.data
    rows = load_sets(args.data)
    seed = load_seed()
    if args.evaluate:
        import json
        print(json.dumps(evaluate(rows, seed, args.folds), indent=1))
        return
    if args.only:
        rows = [r for r in rows if SETS[r[0]] == args.only]
    if args.exclude_fold is not None:
        rows = [r for i, r in enumerate(rows) if i % args.folds != args.exclude_fold]
    lexicon = learn(rows, seed)
    write(lexicon, args.out)
    print(f"{args.out}: {sum(1 for v in lexicon.values() if abs(round(v, 3)) >= 0.01)} entries from {len(rows)} sentences")


if __name__ == "__main__":
    main()

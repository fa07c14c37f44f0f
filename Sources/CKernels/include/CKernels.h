// Numeric kernels of the leave-one-out pass (NaiveBayes+HardExamples.swift, and the own-class changes the
// first fit hands it and the fits' Δs, NaiveBayes.swift) in C. Swift compiles for baseline x86-64, four SSE instructions per
// 16 floats; these are compiled once per instruction set and the best one the processor has is chosen when
// the program loads. Every copy rounds the same (no fused multiply-add, the same order of sums), so models
// do not depend on the machine that trained them.
#ifndef CKERNELS_H
#define CKERNELS_H

#include <stddef.h>
#include <stdint.h>

/// Adds Σ_n weights[n] · (the row of `stride` floats at byte offset offsets[n] of `rows`) to `sums`, each
/// class summing the rows in order. `stride` is a multiple of 32.
void concierge_add_rows(const void *rows, const ptrdiff_t *offsets, const float *weights, ptrdiff_t count,
                        float *sums, ptrdiff_t stride);

/// Turns `sums` into the scores priors + mass · unseen + sums, and returns the posterior of class `truth` at
/// temperature `tau`: e^{τ(s_truth − s_max)} / Σ_c e^{τ(s_c − s_max)}, where a class more than 80 nats below
/// the best, or at or past `classCount` (padding up to `stride`, a multiple of 32), counts as e^{−80}.
float concierge_posterior(float *sums, const float *priors, const float *unseen, float mass, float tau,
                          ptrdiff_t truth, ptrdiff_t classCount, ptrdiff_t stride);

/// Σ_k x_k · ln((N_k − s·x_k + α) / (N_k + α)) over `count` features (x_k = weights[k], N_k = counts[ids[k]],
/// the numerator at least α) in single precision: eight sums, each over the features k ≡ lane (mod 8) in
/// order, then their sum in order.
float concierge_own_class_change(const int32_t *ids, const float *weights, ptrdiff_t count, float scale,
                                 float alpha, const float *counts);

/// Replaces each of the `count` values v (N + α of a fitted model's entries, normal and positive) by
/// ln v − `logAlpha`, each lane as `concierge_own_class_change` takes ln.
void concierge_deltas(float *values, ptrdiff_t count, float logAlpha);

/// The copies of each kernel: level 0 the baseline (SSE2 on x86-64), 1 AVX2, 2 AVX-512; NULL for a level
/// this processor or build does not have. For tests, which check that every copy gives the same bits.
typedef void ConciergeAddRows(const void *, const ptrdiff_t *, const float *, ptrdiff_t, float *, ptrdiff_t);
typedef float ConciergePosterior(float *, const float *, const float *, float, float, ptrdiff_t, ptrdiff_t,
                                 ptrdiff_t);
typedef float ConciergeOwnClassChange(const int32_t *, const float *, ptrdiff_t, float, float, const float *);
typedef void ConciergeDeltas(float *, ptrdiff_t, float);
ConciergeAddRows *concierge_add_rows_for(int level);
ConciergePosterior *concierge_posterior_for(int level);
ConciergeOwnClassChange *concierge_own_class_change_for(int level);
ConciergeDeltas *concierge_deltas_for(int level);

#endif

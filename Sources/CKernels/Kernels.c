#include "CKernels.h"

#include <float.h>
#include <math.h>

// Products and sums stay separate whatever the instruction set (no fused multiply-add), so each rounds the
// same everywhere.
#pragma clang fp contract(off)

/// 16 floats at any address (like the intrinsics' __m512_u): the compiler lowers their arithmetic to one
/// AVX-512 register, two AVX ones or four SSE ones.
typedef float Floats __attribute__((vector_size(64), aligned(4), may_alias));
typedef unsigned Bits __attribute__((vector_size(64)));
typedef int Ints __attribute__((vector_size(64)));
typedef float Floats8 __attribute__((vector_size(32)));

/// The helpers below are always inlined, so no vector crosses a call (which -Wpsabi warns of).
#pragma clang diagnostic ignored "-Wpsabi"
#define ALWAYS_INLINE static inline __attribute__((always_inline))
/// x in every lane (0 + x is x, for any x but −0).
#define SPLAT(x) ((Floats){0} + (x))

/// Every 16·`width` classes of `sums` from `block` on, as far as `stride` has as many: the sums stay in
/// registers across the rows, and a row's classes are read in one sweep. Returns where it stopped.
ALWAYS_INLINE ptrdiff_t addRowBlocks(const void *rows, const ptrdiff_t *offsets, const float *weights,
                                     ptrdiff_t count, float *sums, ptrdiff_t stride, ptrdiff_t block,
                                     const int width) {
    for (; block + width * 16 <= stride; block += width * 16) {
        Floats *blockSums = (Floats *)(sums + block);
        Floats lanes[16];
        for (int k = 0; k < width; k++) lanes[k] = blockSums[k];
        const char *column = (const char *)rows + block * (ptrdiff_t)sizeof(float);
        for (ptrdiff_t n = 0; n < count; n++) {
            const Floats *row = (const Floats *)(column + offsets[n]);
            float x = weights[n];
            for (int k = 0; k < width; k++) lanes[k] += x * row[k];
        }
        for (int k = 0; k < width; k++) blockSums[k] = lanes[k];
    }
    return block;
}

/// `concierge_add_rows`, 16·`width` classes at a time, then 32 at a time.
ALWAYS_INLINE void addRows(const void *rows, const ptrdiff_t *offsets, const float *weights, ptrdiff_t count,
                           float *sums, ptrdiff_t stride, const int width) {
    ptrdiff_t block = addRowBlocks(rows, offsets, weights, count, sums, stride, 0, width);
    addRowBlocks(rows, offsets, weights, count, sums, stride, block, 2);
}

/// 1.5·2²³, whose float has the integers near it in its low bits.
#define ROUNDING_SHIFT 12582912.0f

/// e^v, lane by lane (relative error under 1e-6), for v in −80...80.
ALWAYS_INLINE Floats exponential(Floats v) {
    // e^v = 2^n · e^t with n = round(v·log₂e) and t = v − n·ln 2 (ln 2 in two parts, so that t is exact),
    // |t| ≤ ln 2 / 2; e^t by its Taylor series. Adding 1.5·2²³ rounds to an integer and leaves it in the
    // low bits.
    Floats shifted = v * 1.44269504f + ROUNDING_SHIFT;
    Floats n = shifted - ROUNDING_SHIFT;
    Floats t = v - n * 0.693145751953125f - n * 1.428606765330187e-6f;
    Floats p = SPLAT(1.0f / 720);
    p = p * t + 1.0f / 120;
    p = p * t + 1.0f / 24;
    p = p * t + 1.0f / 6;
    p = p * t + 0.5f;
    p = p * t + 1;
    p = p * t + 1;
    Bits exponent = ((Bits)shifted - 0x4B400000u + 127) << 23;
    return p * (Floats)exponent;
}

/// `concierge_posterior`: 16 classes at a time, and e^gap of the AVX-512 register's two halves added in turn
/// to eight sums, as the Swift code it replaced did 8 classes at a time.
ALWAYS_INLINE float posterior(float *sums, const float *priors, const float *unseen, float mass, float tau,
                              ptrdiff_t truth, ptrdiff_t classCount, ptrdiff_t stride) {
    Floats best = SPLAT(-FLT_MAX);
    for (ptrdiff_t block = 0; block < stride; block += 16) {
        Floats *scores = (Floats *)(sums + block);
        Floats score = *(const Floats *)(priors + block) + mass * *(const Floats *)(unseen + block) + *scores;
        *scores = score;
        Ints greater = score > best;
        best = (Floats)(((Ints)score & greater) | ((Ints)best & ~greater));
    }
    float top = best[0];
    for (int k = 1; k < 16; k++) top = best[k] > top ? best[k] : top;
    // Eight sums of e^gap, each over the classes of its lane in order, then their sum in order.
    Floats8 terms = {0};
    const Ints lanes = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15};
    for (ptrdiff_t block = 0; block < stride; block += 16) {
        Floats gaps = tau * (*(const Floats *)(sums + block) - top);
        Ints far = (gaps < -80) | (lanes + (int)block >= (int)classCount);
        gaps = (Floats)(((Ints)gaps & ~far) | ((Ints)SPLAT(-80.0f) & far));
        Floats terms16 = exponential(gaps);
        terms += __builtin_shufflevector(terms16, terms16, 0, 1, 2, 3, 4, 5, 6, 7);
        terms += __builtin_shufflevector(terms16, terms16, 8, 9, 10, 11, 12, 13, 14, 15);
    }
    float total = -0.0f;
    for (int k = 0; k < 8; k++) total += terms[k];
    return expf(tau * (sums[truth] - top)) / total;
}

/// ln v, lane by lane (absolute error under 1e-6), for normal v > 0.
ALWAYS_INLINE Floats logarithm(Floats v) {
    // v = 2^e · m with m in [√½, √2); ln m = 2·atanh(t), t = (m − 1)/(m + 1), |t| < 0.172.
    Ints bits = (Ints)v;
    Floats e = (Floats)((bits >> 23) - 127 + 0x4B400000) - ROUNDING_SHIFT;
    Floats m = (Floats)((bits & 0x007FFFFF) | 0x3F800000);
    Ints high = m > 1.41421356f;
    m = (Floats)(((Ints)(m * 0.5f) & high) | ((Ints)m & ~high));
    e = (Floats)(((Ints)(e + 1) & high) | ((Ints)e & ~high));
    Floats t = (m - 1) / (m + 1);
    Floats t2 = t * t;
    Floats p = SPLAT(1.0f / 7);
    p = p * t2 + 1.0f / 5;
    p = p * t2 + 1.0f / 3;
    p = p * t2 + 1;
    return e * 0.69314718f + 2 * t * p;
}

/// `concierge_own_class_change`, 16 features at a time, the AVX-512 register's two halves added in turn to
/// the eight sums (a half of padding alone is not added), as the Swift code it replaced did 8 at a time.
ALWAYS_INLINE float ownClassChange(const int32_t *ids, const float *weights, ptrdiff_t count, float scale,
                                   float alpha, const float *counts) {
    Floats8 change = {0};
    for (ptrdiff_t start = 0; start < count; start += 16) {
        Floats x, n;
        int used = count - start < 16 ? (int)(count - start) : 16;
        if (used == 16) {
            const int32_t *id = ids + start;
#define N(k) counts[id[k]]
            x = *(const Floats *)(weights + start);
            n = (Floats){N(0), N(1), N(2), N(3), N(4), N(5), N(6), N(7), N(8), N(9), N(10), N(11), N(12), N(13),
                         N(14), N(15)};
#undef N
        } else {
            // Padding lanes: x = 0 (and N = 1), adding 0. (Filled as arrays, then loaded: filling a vector's
            // lanes one by one, by a variable index, stores and reloads all of it each time.)
            float xs[16] = {0}, ns[16] = {1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1};
            for (int lane = 0; lane < used; lane++) {
                xs[lane] = weights[start + lane];
                ns[lane] = counts[ids[start + lane]];
            }
            x = *(const Floats *)xs;
            n = *(const Floats *)ns;
        }
        Floats smoothed = n + alpha;
        Floats without = smoothed - scale * x;
        Ints low = without < alpha;
        without = (Floats)(((Ints)SPLAT(alpha) & low) | ((Ints)without & ~low));
        Floats terms = x * logarithm(without / smoothed);
        change += __builtin_shufflevector(terms, terms, 0, 1, 2, 3, 4, 5, 6, 7);
        if (used > 8) change += __builtin_shufflevector(terms, terms, 8, 9, 10, 11, 12, 13, 14, 15);
    }
    float total = -0.0f;
    for (int k = 0; k < 8; k++) total += change[k];
    return total;
}

/// `concierge_deltas`, 16 values at a time; the last few padded with 1s.
ALWAYS_INLINE void deltas(float *values, ptrdiff_t count, float logAlpha) {
    ptrdiff_t start = 0;
    for (; start + 16 <= count; start += 16) {
        Floats *v = (Floats *)(values + start);
        *v = logarithm(*v) - logAlpha;
    }
    if (start == count) return;
    float tail[16] = {1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1};
    for (ptrdiff_t k = start; k < count; k++) tail[k - start] = values[k];
    Floats v = logarithm(*(const Floats *)tail) - logAlpha;
    for (ptrdiff_t k = start; k < count; k++) values[k] = v[k - start];
}

// One copy of each kernel per instruction set, and on Linux x86-64 an ifunc that picks one when the
// program loads (elsewhere the baseline copy). AVX-512 adds rows 160 classes at a time (in 10 of its 32
// registers, each row read in one sweep), AVX2 64 (8 of 16), the baseline 32 (8 of 16, as Swift did). On
// CLINC150 (AMD EPYC, 2 cores; medians of interleaved runs), a fit's CPU time went from 45-47 ms with Swift's
// SSE to 43.5-44 with the rows added here 32 or 160 classes at a time (160 was 0.5-1 ms ahead in two of three
// runs), to 39.5-41.5 with the posterior here too, and by 1.3-1.4 ms more (wall 0.9) with the own-class
// changes. Forced to AVX2, 41-44.5; to the baseline copies, 44.5 (Swift 46.3 in the same runs).
// Tried, and not kept: the sparse features' entries (scalar, or AVX-512 gather and scatter: no faster than
// Swift's loop), prefetching the next example's rows (1 ms slower), and skipping e^gap for 16 classes all
// 80 nats below the best (no faster).
#define ADD_ROWS_PARAMETERS                                                                                   \
    const void *rows, const ptrdiff_t *offsets, const float *weights, ptrdiff_t count, float *sums,           \
        ptrdiff_t stride
#define ADD_ROWS_ARGUMENTS rows, offsets, weights, count, sums, stride
#define POSTERIOR_PARAMETERS                                                                                  \
    float *sums, const float *priors, const float *unseen, float mass, float tau, ptrdiff_t truth,            \
        ptrdiff_t classCount, ptrdiff_t stride
#define POSTERIOR_ARGUMENTS sums, priors, unseen, mass, tau, truth, classCount, stride
#define CHANGE_PARAMETERS                                                                                     \
    const int32_t *ids, const float *weights, ptrdiff_t count, float scale, float alpha, const float *counts
#define CHANGE_ARGUMENTS ids, weights, count, scale, alpha, counts
#define DELTAS_PARAMETERS float *values, ptrdiff_t count, float logAlpha
#define DELTAS_ARGUMENTS values, count, logAlpha

static void addRowsBaseline(ADD_ROWS_PARAMETERS) { addRows(ADD_ROWS_ARGUMENTS, 2); }
static float posteriorBaseline(POSTERIOR_PARAMETERS) { return posterior(POSTERIOR_ARGUMENTS); }
static float changeBaseline(CHANGE_PARAMETERS) { return ownClassChange(CHANGE_ARGUMENTS); }
static void deltasBaseline(DELTAS_PARAMETERS) { deltas(DELTAS_ARGUMENTS); }

#if defined(__x86_64__) && defined(__ELF__)

#define AVX2 __attribute__((target("avx2")))
#define AVX512 __attribute__((target("avx512f")))

AVX2 static void addRowsAVX2(ADD_ROWS_PARAMETERS) { addRows(ADD_ROWS_ARGUMENTS, 4); }
AVX512 static void addRowsAVX512(ADD_ROWS_PARAMETERS) { addRows(ADD_ROWS_ARGUMENTS, 10); }
AVX2 static float posteriorAVX2(POSTERIOR_PARAMETERS) { return posterior(POSTERIOR_ARGUMENTS); }
AVX512 static float posteriorAVX512(POSTERIOR_PARAMETERS) { return posterior(POSTERIOR_ARGUMENTS); }
AVX2 static float changeAVX2(CHANGE_PARAMETERS) { return ownClassChange(CHANGE_ARGUMENTS); }
AVX512 static float changeAVX512(CHANGE_PARAMETERS) { return ownClassChange(CHANGE_ARGUMENTS); }
AVX2 static void deltasAVX2(DELTAS_PARAMETERS) { deltas(DELTAS_ARGUMENTS); }
AVX512 static void deltasAVX512(DELTAS_PARAMETERS) { deltas(DELTAS_ARGUMENTS); }

static int hasInstructionSet(int level) {
    __builtin_cpu_init();  // an ifunc resolver runs before the constructor that would call it
    return level == 0 || (level == 1 && __builtin_cpu_supports("avx2"))
        || (level == 2 && __builtin_cpu_supports("avx512f"));
}

/// The widest instruction set this processor has.
static int bestInstructionSet(void) { return hasInstructionSet(2) ? 2 : hasInstructionSet(1) ? 1 : 0; }

/// A kernel's copies by level (`name_for`), and `name` itself as an ifunc that resolves, when the program
/// loads, to the copy of the widest instruction set there is.
#define DISPATCH(Type, Return, RETURN, name, copy, PARAMETERS, ARGUMENTS)                                    \
    Type *name##_for(int level) {                                                                             \
        Type *copies[] = {copy##Baseline, copy##AVX2, copy##AVX512};                                          \
        return level >= 0 && level <= 2 && hasInstructionSet(level) ? copies[level] : NULL;                   \
    }                                                                                                         \
    static Type *resolve_##name(void) { return name##_for(bestInstructionSet()); }                            \
    Return name(PARAMETERS) __attribute__((ifunc("resolve_" #name)));

#else

/// Elsewhere, the baseline copy alone, called directly (`RETURN` is `return`, or nothing for a void kernel).
#define DISPATCH(Type, Return, RETURN, name, copy, PARAMETERS, ARGUMENTS)                                    \
    Type *name##_for(int level) { return level == 0 ? copy##Baseline : NULL; }                                \
    Return name(PARAMETERS) { RETURN copy##Baseline(ARGUMENTS); }

#endif

DISPATCH(ConciergeAddRows, void, , concierge_add_rows, addRows, ADD_ROWS_PARAMETERS, ADD_ROWS_ARGUMENTS)
DISPATCH(ConciergePosterior, float, return, concierge_posterior, posterior, POSTERIOR_PARAMETERS, POSTERIOR_ARGUMENTS)
DISPATCH(ConciergeOwnClassChange, float, return, concierge_own_class_change, change, CHANGE_PARAMETERS,
         CHANGE_ARGUMENTS)
DISPATCH(ConciergeDeltas, void, , concierge_deltas, deltas, DELTAS_PARAMETERS, DELTAS_ARGUMENTS)

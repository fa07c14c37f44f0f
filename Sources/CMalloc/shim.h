// glibc's allocator settings (malloc.h, which Swift's Glibc module leaves out), for the executable.
#if defined(__linux__) && __has_include(<malloc.h>)
#include <malloc.h>
#endif

/// Training allocates and frees buffers of megabytes (term counts, TF-IDF rows, the scoring pass's rows),
/// and `train` fits six times over (the model, then five cross-validation folds for its threshold).
/// glibc hands freed blocks that large back to the kernel, so each fit paid a page fault and a zero-fill
/// for every page again: about a fifth of a fit's time on CLINC150. Blocks up to 32 MiB (glibc's largest
/// setting) now come from the heap and stay there when freed, for the next fit; the cost is keeping the
/// peak resident memory the process reached anyway. Elsewhere, nothing changes.
static inline void concierge_keep_freed_memory(void) {
#if defined(M_MMAP_THRESHOLD) && defined(M_TRIM_THRESHOLD)
    mallopt(M_MMAP_THRESHOLD, 32 << 20);
    mallopt(M_TRIM_THRESHOLD, 512 << 20);
#endif
}

//! Memory allocator settings for the forward pass on the CPU.
//!
//! libtorch takes tensor memory from the C allocator. glibc hands blocks
//! above its mmap threshold (at most 32 MB, adjusted as blocks are freed)
//! straight back to the system when they are freed, and trims the top of
//! the heap above a small threshold, so every forward pass of a
//! BERT-base-sized model maps its large activations again and touches them
//! page by page (a batch of four 512-piece windows has 50 MB of attention
//! scores per layer). On `scripts/bench-transformer.sh` that page-fault
//! work was about a fifth of the forward time. Keeping freed memory in the
//! heap for reuse costs a few hundred megabytes of resident memory.

/// Blocks up to this size come from the heap, not from their own mapping.
#[cfg(all(target_os = "linux", target_env = "gnu"))]
const MMAP_THRESHOLD: i32 = 1 << 30;
/// Free memory at the top of the heap is returned to the system only above
/// this size.
#[cfg(all(target_os = "linux", target_env = "gnu"))]
const TRIM_THRESHOLD: i32 = 1 << 30;
/// Extra memory asked of the system whenever the heap grows.
#[cfg(all(target_os = "linux", target_env = "gnu"))]
const TOP_PAD: i32 = 256 << 20;

/// Makes glibc keep freed tensor memory for reuse (process-wide; a no-op
/// with other C libraries). Returns whether every setting was accepted.
pub fn keep_freed_memory() -> bool {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    {
        // SAFETY: mallopt only changes allocator parameters; it is called
        // before the model allocates, and is thread-safe in glibc.
        unsafe {
            libc::mallopt(libc::M_MMAP_THRESHOLD, MMAP_THRESHOLD) == 1
                && libc::mallopt(libc::M_TRIM_THRESHOLD, TRIM_THRESHOLD) == 1
                && libc::mallopt(libc::M_TOP_PAD, TOP_PAD) == 1
        }
    }
    #[cfg(not(all(target_os = "linux", target_env = "gnu")))]
    {
        false
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    fn glibc_accepts_the_settings() {
        assert!(keep_freed_memory());
    }
}

// The one I/O window shared by every algorithm's entry points (hash-wasm style): JS writes input
// bytes at ioPtr(), calls an entry, and reads the output back from ioPtr(). Static, so no call allocates.

export const IO_BYTES: u32 = 65536;
export const IO: usize = memory.data(<i32>IO_BYTES, 16);

// Ethash revision 23 (github.com/ethereum/wiki/wiki/Ethash; ethereum/execution-specs ethash.py): epoch sizes,
// seed, cache (RandMemoHash), dataset items and hashimoto light/full, all in wasm memory.
import { IO } from './io';
import { keccak256, keccak256Of96, keccak512Of32, keccak512Of40, keccak512Of64 } from './keccak';

const EPOCH_LENGTH: u32 = 30000; // blocks per epoch; the facade derives epoch = block / EPOCH_LENGTH
const CACHE_BYTES_INIT: u64 = 1 << 24;
const CACHE_BYTES_GROWTH: u64 = 1 << 17;
const DATASET_BYTES_INIT: u64 = 1 << 30;
const DATASET_BYTES_GROWTH: u64 = 1 << 23;
const HASH_BYTES: u32 = 64;
const MIX_BYTES: u32 = 128;
const CACHE_ROUNDS: u32 = 3;
const DATASET_PARENTS: u32 = 256;
const ACCESSES: u32 = 64;
const WORD_BYTES: u32 = 4;
const FNV_PRIME: u32 = 0x01000193;

const HASH_WORDS: u32 = HASH_BYTES / WORD_BYTES; // 16
const MIX_WORDS: u32 = MIX_BYTES / WORD_BYTES; // 32
const SEED_BYTES: u32 = 32;
const NONCE_BYTES: u32 = 8;

// Items are read 64 bytes at a time at random; cache-line alignment keeps each read to one line.
const LINE_BYTES: usize = 64;

// Dataset items computed side by side: each item is a chain of 256 dependent cache reads, so
// interleaving independent items overlaps their memory latency (hashimoto only ever has 2 at hand).
const BUILD_LANES: u32 = 16;
const LIGHT_LANES: u32 = 2;

// The stub allocator caps one block below 1 GiB, so the dataset lives in 512 MiB chunks; a chunk
// holds whole 128-byte pages, so a hashimoto page never straddles two chunks.
const CHUNK_SHIFT: u32 = 29;
const CHUNK_BYTES: u64 = 1 << CHUNK_SHIFT;
const CHUNK_ITEM_SHIFT: u32 = CHUNK_SHIFT - 6;
const CHUNK_PAGE_SHIFT: u32 = CHUNK_SHIFT - 7;
const MAX_CHUNKS: u32 = 8; // 4 GiB, the whole wasm32 address space
// Allocation granules: 8 epochs of cache growth, 2 epochs of dataset growth (small enough not to
// cost the largest datasets that still fit in wasm32).
const CACHE_GRANULE_BYTES: usize = 1 << 20;
const CHUNK_GRANULE_BYTES: usize = 16 << 20;
const ADDRESS_SPACE_BYTES: u64 = 1 << 32;
const BLOCK_HEADER_BYTES: u64 = 16; // the stub allocator's per-block header

// Allocation records { line-aligned base, heap block (for freeing), capacity bytes }: one for the
// cache, one per dataset chunk.
const RECORD_BYTES: usize = 3 * sizeof<usize>();
const cacheRecord: usize = memory.data(<i32>RECORD_BYTES, 16);
const chunkRecords: usize = memory.data(<i32>(MAX_CHUNKS * <u32>RECORD_BYTES), 16);

let cacheBase: usize = 0;
let cacheRows: u32 = 0;

// Scratch for the current call: the interleaved item mixes, the hashimoto seed input, s + cmix and mix.
const ITEMS_SCRATCH: usize = memory.data(<i32>(BUILD_LANES * HASH_BYTES), 64);
const HEADER_NONCE: usize = memory.data(<i32>(SEED_BYTES + NONCE_BYTES), 16);
const SEED_AND_CMIX: usize = memory.data(<i32>(HASH_BYTES + SEED_BYTES), 16); // s (64) then cmix (32)
const MIX: usize = memory.data(<i32>MIX_BYTES, 16);
const RESULT: usize = memory.data(<i32>SEED_BYTES, 16);
const XOR_SCRATCH: usize = memory.data(<i32>HASH_BYTES, 16);

// @ts-ignore: decorator
@inline function fnv(x: u32, y: u32): u32 {
  return (x * FNV_PRIME) ^ y;
}

// Trial division, as the spec's isprime: the candidates (row or page counts) stay below 2^28 for the
// next 10^4 epochs, so each test is at most ~8k divisions and an epoch needs a handful of tests.
function isPrime(candidate: u64): bool {
  if (candidate < 2) return false;
  if (candidate < 4) return true;
  if ((candidate & 1) == 0) return false;
  for (let divisor: u64 = 3; divisor * divisor <= candidate; divisor += 2) {
    if (candidate % divisor == 0) return false;
  }
  return true;
}

// get_cache_size: the largest size <= 2^24 + 2^17·epoch − 64 whose count of 64-byte rows is prime.
export function ethashCacheBytes(epoch: u32): f64 {
  let sizeBytes: u64 = CACHE_BYTES_INIT + CACHE_BYTES_GROWTH * <u64>epoch - HASH_BYTES;
  while (!isPrime(sizeBytes / HASH_BYTES)) sizeBytes -= 2 * HASH_BYTES;
  return <f64>sizeBytes;
}

// get_full_size: the largest size <= 2^30 + 2^23·epoch − 128 whose count of 128-byte pages is prime.
export function ethashDatasetBytes(epoch: u32): f64 {
  let sizeBytes: u64 = DATASET_BYTES_INIT + DATASET_BYTES_GROWTH * <u64>epoch - MIX_BYTES;
  while (!isPrime(sizeBytes / MIX_BYTES)) sizeBytes -= 2 * MIX_BYTES;
  return <f64>sizeBytes;
}

// Seed hash of an epoch: keccak256 applied `epoch` times to 32 zero bytes, left in IO[0..32).
export function ethashSeed(epoch: u32): void {
  memory.fill(IO, 0, SEED_BYTES);
  for (let i: u32 = 0; i < epoch; i++) keccak256(SEED_BYTES);
}

// Returns a line-aligned region of at least needBytes for an allocation record, reusing its block
// when big enough. The stub allocator only reclaims the last block, so a replaced block that is not
// last stays lost: capacities are rounded up to granuleBytes so that the next epochs' slightly larger
// sizes still fit and regrowth (and its loss) is rare.
function ensureRegion(record: usize, needBytes: usize, granuleBytes: usize): usize {
  if (load<usize>(record, 2 * sizeof<usize>()) < needBytes) {
    const oldBlock = load<usize>(record, sizeof<usize>());
    if (oldBlock != 0) heap.free(oldBlock);
    // Forget the freed block first, so that a trap below leaves no record pointing into free memory.
    store<usize>(record, 0);
    store<usize>(record, 0, sizeof<usize>());
    store<usize>(record, 0, 2 * sizeof<usize>());
    const capacityBytes = (<u64>needBytes + granuleBytes - 1) & ~(<u64>granuleBytes - 1);
    // The stub allocator adds sizes in 32 bits and would wrap past 4 GiB instead of failing, handing
    // out memory that is already in use; an empty allocation reveals where the next block would start.
    const nextBlock = heap.alloc(0);
    heap.free(nextBlock);
    if (<u64>nextBlock + capacityBytes + LINE_BYTES + BLOCK_HEADER_BYTES > ADDRESS_SPACE_BYTES) unreachable();
    const block = heap.alloc(<usize>capacityBytes + LINE_BYTES);
    store<usize>(record, (block + LINE_BYTES - 1) & ~(LINE_BYTES - 1));
    store<usize>(record, block, sizeof<usize>());
    store<usize>(record, <usize>capacityBytes, 2 * sizeof<usize>());
  }
  return load<usize>(record);
}

// Copies byteCount bytes (a multiple of 16) with v128 moves: memory.copy is a runtime call in V8,
// costlier than these 32- and 64-byte copies.
// @ts-ignore: decorator
@inline function copyBlocks(dstPtr: usize, srcPtr: usize, byteCount: usize): void {
  for (let offsetBytes: usize = 0; offsetBytes < byteCount; offsetBytes += 16) {
    v128.store(dstPtr + offsetBytes, v128.load(srcPtr + offsetBytes));
  }
}

// Each RandMemoHash row reads a random partner row, a likely cache and TLB miss, and wasm has no
// prefetch instruction: touching the partners of the next rows in one burst overlaps those misses
// instead of paying them one row at a time. Only addresses are taken early (row j's word 0 does not
// change before row j is rewritten); the data is read again when used. The sink keeps the loads live.
const WARM_AHEAD_ROWS: u32 = 8;
const WARM_SINK: usize = memory.data(16, 16);

function warmPartnerRows(base: usize, rows: u32, firstRow: u32): void {
  const endRow = min<u32>(firstRow + WARM_AHEAD_ROWS, rows);
  let touched: u32 = 0;
  for (let row = firstRow; row < endRow; row++) {
    touched ^= load<u32>(base + (<usize>(load<u32>(base + (<usize>row << 6)) % rows) << 6));
  }
  store<u32>(WARM_SINK, touched);
}

// Builds the cache for the 32-byte seed in IO[0..32): a sequential keccak512 chain, then CACHE_ROUNDS
// of RandMemoHash (row i = keccak512(row i−1 XOR row[row i word 0 mod n]), in place). cacheBytes is a
// multiple of 64.
export function ethashBuildCache(cacheBytes: u32): void {
  const base = ensureRegion(cacheRecord, cacheBytes, CACHE_GRANULE_BYTES);
  const rows = cacheBytes / HASH_BYTES;
  cacheBase = base;
  cacheRows = rows;
  keccak512Of32(IO, base);
  for (let row: u32 = 1; row < rows; row++) {
    const rowPtr = base + (<usize>row << 6);
    keccak512Of64(rowPtr - HASH_BYTES, rowPtr);
  }
  for (let round: u32 = 0; round < CACHE_ROUNDS; round++) {
    for (let row: u32 = 0; row < rows; row++) {
      if ((row & (WARM_AHEAD_ROWS - 1)) == 0) warmPartnerRows(base, rows, row);
      const rowPtr = base + (<usize>row << 6);
      const previousPtr = base + (<usize>(row == 0 ? rows - 1 : row - 1) << 6);
      const otherPtr = base + (<usize>(load<u32>(rowPtr) % rows) << 6);
      v128.store(XOR_SCRATCH, v128.xor(v128.load(previousPtr), v128.load(otherPtr)));
      v128.store(XOR_SCRATCH, v128.xor(v128.load(previousPtr, 16), v128.load(otherPtr, 16)), 16);
      v128.store(XOR_SCRATCH, v128.xor(v128.load(previousPtr, 32), v128.load(otherPtr, 32)), 32);
      v128.store(XOR_SCRATCH, v128.xor(v128.load(previousPtr, 48), v128.load(otherPtr, 48)), 48);
      keccak512Of64(XOR_SCRATCH, rowPtr);
    }
  }
}

// calc_dataset_item for `count` consecutive items from firstItem, side by side, 64 bytes each at dstPtr:
// mix = keccak512(cache[i mod n] with word 0 ^= i), then 256 rounds of
// mix = fnv(mix, cache[fnv(i ^ j, mix[j mod 16]) mod n]), then keccak512(mix).
function calcDatasetItems(firstItem: u32, count: u32, dstPtr: usize): void {
  const base = cacheBase;
  const rows = cacheRows;
  for (let lane: u32 = 0; lane < count; lane++) {
    const item = firstItem + lane;
    const mixPtr = dstPtr + (<usize>lane << 6);
    copyBlocks(mixPtr, base + (<usize>(item % rows) << 6), HASH_BYTES);
    store<u32>(mixPtr, load<u32>(mixPtr) ^ item);
    keccak512Of64(mixPtr, mixPtr);
  }
  const prime = i32x4.splat(FNV_PRIME);
  for (let parent: u32 = 0; parent < DATASET_PARENTS; parent++) {
    const wordOffset = <usize>((parent % HASH_WORDS) << 2);
    for (let lane: u32 = 0; lane < count; lane++) {
      const mixPtr = dstPtr + (<usize>lane << 6);
      const row = fnv((firstItem + lane) ^ parent, load<u32>(mixPtr + wordOffset)) % rows;
      const rowPtr = base + (<usize>row << 6);
      v128.store(mixPtr, v128.xor(i32x4.mul(v128.load(mixPtr), prime), v128.load(rowPtr)));
      v128.store(mixPtr, v128.xor(i32x4.mul(v128.load(mixPtr, 16), prime), v128.load(rowPtr, 16)), 16);
      v128.store(mixPtr, v128.xor(i32x4.mul(v128.load(mixPtr, 32), prime), v128.load(rowPtr, 32)), 32);
      v128.store(mixPtr, v128.xor(i32x4.mul(v128.load(mixPtr, 48), prime), v128.load(rowPtr, 48)), 48);
    }
  }
  for (let lane: u32 = 0; lane < count; lane++) {
    const mixPtr = dstPtr + (<usize>lane << 6);
    keccak512Of64(mixPtr, mixPtr);
  }
}

// Where the current cache lives (0 before the first build): the JS side reads it to digest it or to
// hand it to another implementation in a benchmark; its length is the cacheBytes last built.
export function ethashCachePtr(): usize {
  return cacheBase;
}

// One dataset item from the current cache, 64 bytes to IO[0..64).
export function ethashDatasetItem(index: u32): void {
  calcDatasetItems(index, 1, IO);
}

// @ts-ignore: decorator
@inline function datasetItemPtr(item: u32): usize {
  return load<usize>(chunkRecords + <usize>(item >>> CHUNK_ITEM_SHIFT) * RECORD_BYTES) +
    (<usize>(item & ((1 << CHUNK_ITEM_SHIFT) - 1)) << 6);
}

// @ts-ignore: decorator
@inline function datasetPagePtr(page: u32): usize {
  return load<usize>(chunkRecords + <usize>(page >>> CHUNK_PAGE_SHIFT) * RECORD_BYTES) +
    (<usize>(page & ((1 << CHUNK_PAGE_SHIFT) - 1)) << 7);
}

// Makes room for a dataset of datasetBytes (at most 4 GiB) in chunks, reusing earlier chunks that are
// big enough, and fills items [startItem, startItem + itemCount) (clamped to the dataset) from the
// current cache, so the caller can build it in slices and report progress.
export function ethashBuildDataset(datasetBytes: f64, startItem: u32, itemCount: u32): void {
  const totalBytes = <u64>datasetBytes;
  if (totalBytes > CHUNK_BYTES * MAX_CHUNKS) unreachable();
  const chunks = <u32>((totalBytes + CHUNK_BYTES - 1) >> CHUNK_SHIFT);
  for (let chunk: u32 = 0; chunk < chunks; chunk++) {
    const remainingBytes = totalBytes - (<u64>chunk << CHUNK_SHIFT);
    const needBytes = <usize>(remainingBytes < CHUNK_BYTES ? remainingBytes : CHUNK_BYTES);
    ensureRegion(chunkRecords + <usize>chunk * RECORD_BYTES, needBytes, CHUNK_GRANULE_BYTES);
  }
  const totalItems = <u32>(totalBytes / HASH_BYTES);
  if (startItem >= totalItems) return;
  const endItem = itemCount > totalItems - startItem ? totalItems : startItem + itemCount;
  for (let item = startItem; item < endItem; item += BUILD_LANES) {
    const count = min<u32>(BUILD_LANES, endItem - item);
    calcDatasetItems(item, count, ITEMS_SCRATCH);
    for (let lane: u32 = 0; lane < count; lane++) {
      copyBlocks(datasetItemPtr(item + lane), ITEMS_SCRATCH + (<usize>lane << 6), HASH_BYTES);
    }
  }
}

// hashimoto: s = keccak512(header ‖ nonce LE), mix = s ‖ s, 64 accesses each folding in a 128-byte
// page (2 dataset items) picked by fnv(i ^ s[0], mix[i mod 32]) mod pages, then cmix = fnv-compress
// of each 4 mix words and result = keccak256(s ‖ cmix). Pages come from the built dataset (full) or
// are computed from the cache (light).
function hashimoto(datasetBytes: f64, nonceLo: u32, nonceHi: u32, full: bool): void {
  const pages = <u32>(datasetBytes / <f64>MIX_BYTES);
  copyBlocks(HEADER_NONCE, IO, SEED_BYTES);
  store<u32>(HEADER_NONCE, nonceLo, SEED_BYTES);
  store<u32>(HEADER_NONCE, nonceHi, SEED_BYTES + 4);
  keccak512Of40(HEADER_NONCE, SEED_AND_CMIX);
  copyBlocks(MIX, SEED_AND_CMIX, HASH_BYTES);
  copyBlocks(MIX + HASH_BYTES, SEED_AND_CMIX, HASH_BYTES);
  const seedWord0 = load<u32>(SEED_AND_CMIX);
  const prime = i32x4.splat(FNV_PRIME);
  for (let access: u32 = 0; access < ACCESSES; access++) {
    const page = fnv(access ^ seedWord0, load<u32>(MIX + ((access % MIX_WORDS) << 2))) % pages;
    let pagePtr: usize;
    if (full) {
      pagePtr = datasetPagePtr(page);
    } else {
      calcDatasetItems(page << 1, LIGHT_LANES, ITEMS_SCRATCH);
      pagePtr = ITEMS_SCRATCH;
    }
    for (let offsetBytes: usize = 0; offsetBytes < MIX_BYTES; offsetBytes += 16) {
      const mixPtr = MIX + offsetBytes;
      v128.store(mixPtr, v128.xor(i32x4.mul(v128.load(mixPtr), prime), v128.load(pagePtr + offsetBytes)));
    }
  }
  const cmixPtr = SEED_AND_CMIX + HASH_BYTES;
  for (let word: u32 = 0; word < MIX_WORDS; word += 4) {
    const wordPtr = MIX + (<usize>word << 2);
    const folded = fnv(
      fnv(fnv(load<u32>(wordPtr), load<u32>(wordPtr, 4)), load<u32>(wordPtr, 8)),
      load<u32>(wordPtr, 12),
    );
    store<u32>(cmixPtr + (<usize>word), folded);
  }
  keccak256Of96(SEED_AND_CMIX, RESULT);
  copyBlocks(IO, cmixPtr, SEED_BYTES);
  copyBlocks(IO + SEED_BYTES, RESULT, SEED_BYTES);
}

// Hashimoto light: header hash in IO[0..32), nonce = nonceHi·2^32 + nonceLo (hashed little-endian);
// mixDigest to IO[0..32), result to IO[32..64). Needs ethashBuildCache first.
export function ethashLight(datasetBytes: f64, nonceLo: u32, nonceHi: u32): void {
  hashimoto(datasetBytes, nonceLo, nonceHi, false);
}

// Hashimoto full: as ethashLight, reading pages from the dataset built by ethashBuildDataset.
export function ethashFull(datasetBytes: f64, nonceLo: u32, nonceHi: u32): void {
  hashimoto(datasetBytes, nonceLo, nonceHi, true);
}

// Dense integer ids for the release's string ids (studies, images, series), so per-entity facts live in typed
// arrays. The strings themselves are kept as code units in one growing pool with an open-addressing hash
// table beside it: a million ids then cost ~100 bytes each in a few typed arrays, and, more importantly, add no
// objects for the garbage collector to trace (a Map of a million strings made GC the largest cost of a run).

/**
 * A copy of `text` that shares no memory with the string it came from. CSV parsers hand out substrings of their
 * input chunk; keeping one (say in a quality example) would keep the whole chunk alive.
 */
export function detachString(text: string): string {
  // Slicing a concatenation makes the engine flatten it into a fresh string first; measured in V8 to drop the link
  // to the parser's chunk, at a fraction of the cost of a JSON or Buffer round trip.
  return (' ' + text).slice(1);
}

const EMPTY = 0;

export interface InternerParts {
  count: number;
  slots: Int32Array;
  hashes: Int32Array;
  starts: Int32Array;
  pool: Uint8Array | Uint16Array;
}

/** FNV-1a over UTF-16 code units. */
function hashOf(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return hash | 0;
}

export class Interner {
  /** Open-addressing table, two entries per slot: id + 1 (0 = empty) and the id's hash, side by side so a probe
   * that misses costs one cache line. */
  private slots: Int32Array = new Int32Array(2 << 10);
  private hashes: Int32Array = new Int32Array(1 << 9);
  /** Start of each id's code units in the pool; starts[size] is the end of the last one. */
  private starts: Int32Array = new Int32Array((1 << 9) + 1);
  /** Code units; one byte each until a string needs more (ids are ASCII), then two. */
  private pool: Uint8Array | Uint16Array = new Uint8Array(1 << 14);
  private count = 0;

  get size(): number {
    return this.count;
  }

  /** The id of `text`, or -1 when it has not been added. */
  find(text: string): number {
    return this.lookup(text, hashOf(text));
  }

  /** The id of `text`, adding it when new. */
  add(text: string): number {
    const hash = hashOf(text);
    const found = this.lookup(text, hash);
    if (found >= 0) return found;
    const id = this.count;
    this.store(id, text, hash);
    this.count++;
    // Keep the table at most half full: twice the slots (the array holds two entries per slot).
    if (this.count * 4 > this.slots.length) this.rehash(this.slots.length);
    else this.place(id, hash);
    return id;
  }

  /**
   * Like find, trying `hint` and `hint + 1` first. The release's files list images in the same order and a study's
   * rows together, so the previous row's id is usually right: checking it touches memory that is already cached,
   * where a hash lookup in a million-entry table costs several cache misses.
   */
  findNear(text: string, hint: number): number {
    if (this.matches(hint, text)) return hint;
    if (this.matches(hint + 1, text)) return hint + 1;
    return this.find(text);
  }

  /** Like add, trying `hint` first (see findNear). */
  addNear(text: string, hint: number): number {
    return this.matches(hint, text) ? hint : this.add(text);
  }

  /** Like findFrom, trying `hint` and `hint + 1` first (see findNear). */
  findFromNear(other: Interner, id: number, hint: number): number {
    if (this.sameAs(other, id, hint)) return hint;
    if (this.sameAs(other, id, hint + 1)) return hint + 1;
    return this.findFrom(other, id);
  }

  private sameAs(other: Interner, id: number, mine: number): boolean {
    if (mine < 0 || mine >= this.count) return false;
    const start = other.starts[id];
    const length = other.starts[id + 1] - start;
    const at = this.starts[mine];
    if (this.starts[mine + 1] - at !== length) return false;
    for (let i = 0; i < length; i++) if (this.pool[at + i] !== other.pool[start + i]) return false;
    return true;
  }

  /** True when `id` is the id of `text` (no hashing: for checking a row against what is already known). */
  matches(id: number, text: string): boolean {
    return id >= 0 && id < this.count && this.equals(id, text);
  }

  /** The id here of string `id` of `other` (-1 when absent), without building the string. */
  findFrom(other: Interner, id: number): number {
    const hash = other.hashes[id];
    const start = other.starts[id];
    const length = other.starts[id + 1] - start;
    const mask = (this.slots.length >> 1) - 1;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const entry = this.slots[slot * 2];
      if (entry === EMPTY) return -1;
      const mine = entry - 1;
      if (this.slots[slot * 2 + 1] !== hash || this.starts[mine + 1] - this.starts[mine] !== length) continue;
      const at = this.starts[mine];
      let same = true;
      for (let i = 0; i < length && same; i++) same = this.pool[at + i] === other.pool[start + i];
      if (same) return mine;
    }
  }

  /** The typed arrays behind this interner, to send to another thread (transfer their buffers). */
  toParts(): InternerParts {
    return {
      count: this.count,
      slots: this.slots,
      hashes: this.hashes,
      starts: this.starts,
      pool: this.pool,
    };
  }

  static fromParts(parts: InternerParts): Interner {
    const interner = new Interner();
    interner.count = parts.count;
    interner.slots = parts.slots;
    interner.hashes = parts.hashes;
    interner.starts = parts.starts;
    interner.pool = parts.pool;
    return interner;
  }

  /** The string of an id (a fresh copy). */
  get(id: number): string {
    const start = this.starts[id];
    const end = this.starts[id + 1];
    let text = '';
    // fromCharCode takes the code units as arguments; go in slices to stay far below argument limits.
    for (let at = start; at < end; at += 4096) {
      text += String.fromCharCode.apply(null, this.pool.subarray(at, Math.min(end, at + 4096)) as unknown as number[]);
    }
    return text;
  }

  /** Every string, in id order. */
  values(): string[] {
    return Array.from({ length: this.count }, (_, id) => this.get(id));
  }

  private lookup(text: string, hash: number): number {
    const mask = (this.slots.length >> 1) - 1;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const entry = this.slots[slot * 2];
      if (entry === EMPTY) return -1;
      const id = entry - 1;
      if (this.slots[slot * 2 + 1] === hash && this.equals(id, text)) return id;
    }
  }

  private equals(id: number, text: string): boolean {
    const start = this.starts[id];
    if (this.starts[id + 1] - start !== text.length) return false;
    for (let i = 0; i < text.length; i++) if (this.pool[start + i] !== text.charCodeAt(i)) return false;
    return true;
  }

  private store(id: number, text: string, hash: number): void {
    this.hashes = ensureCapacity(this.hashes, id);
    this.starts = ensureCapacity(this.starts, id + 1);
    const start = this.starts[id];
    this.pool = ensureCapacity(this.pool, start + text.length);
    let pool = this.pool;
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      if (code > 0xff && pool instanceof Uint8Array) this.pool = pool = Uint16Array.from(pool);
      pool[start + i] = code;
    }
    this.starts[id + 1] = start + text.length;
    this.hashes[id] = hash;
  }

  private place(id: number, hash: number): void {
    const mask = (this.slots.length >> 1) - 1;
    let slot = hash & mask;
    while (this.slots[slot * 2] !== EMPTY) slot = (slot + 1) & mask;
    this.slots[slot * 2] = id + 1;
    this.slots[slot * 2 + 1] = hash;
  }

  /** Rebuilds the table with `capacity` slots. */
  private rehash(capacity: number): void {
    this.slots = new Int32Array(capacity * 2);
    for (let id = 0; id < this.count; id++) this.place(id, this.hashes[id]);
  }
}

type TypedArray = Int32Array | Uint8Array | Uint16Array | Uint32Array | Float32Array | Float64Array;

/** `array`, or a copy at least twice as long when `index` does not fit (new slots filled with `fill`). */
export function ensureCapacity<T extends TypedArray>(array: T, index: number, fill = 0): T {
  if (index < array.length) return array;
  const Constructor = array.constructor as new (length: number) => T;
  const grown = new Constructor(Math.max(index + 1, array.length * 2, 1024));
  grown.set(array as never);
  if (fill !== 0) grown.fill(fill as never, array.length);
  return grown;
}

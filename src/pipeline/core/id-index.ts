/**
 * The ids already written and the line of each, for the duplicate check: a million ids in a
 * Map cost a second of hash-table pointer chasing and garbage-collector work. This is an
 * open-addressing table over one Int32Array (hash and line side by side, so a probe touches
 * one cache line); the id strings themselves are only read to confirm a matching hash.
 */

/** 32-bit FNV-1a over UTF-16 code units. */
function hashOf(text: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index += 1) hash = Math.imul(hash ^ text.charCodeAt(index), 0x01000193);
  return hash | 0;
}

export class IdLineIndex {
  /** Per slot: [hash, line]; line 0 marks an empty slot (data lines start at 2). */
  private slots: Int32Array;
  private ids: (string | undefined)[];
  private mask: number;
  private count = 0;

  constructor(initialCapacity = 1 << 12) {
    let capacity = 16;
    while (capacity < initialCapacity) capacity *= 2;
    this.slots = new Int32Array(capacity * 2);
    this.ids = new Array<string | undefined>(capacity).fill(undefined);
    this.mask = capacity - 1;
  }

  get size(): number {
    return this.count;
  }

  /** The line recorded for `id`, or undefined. */
  get(id: string): number | undefined {
    const hash = hashOf(id);
    for (let slot = hash & this.mask; ; slot = (slot + 1) & this.mask) {
      const line = this.slots[slot * 2 + 1] as number;
      if (line === 0) return undefined;
      if (this.slots[slot * 2] === hash && this.ids[slot] === id) return line;
    }
  }

  /** Records `id` at `line` (a positive number); an id already present keeps its first line. */
  add(id: string, line: number): void {
    if (!(line > 0)) throw new RangeError(`line must be positive: ${line}`);
    if ((this.count + 1) * 2 > this.ids.length) this.grow();
    const hash = hashOf(id);
    for (let slot = hash & this.mask; ; slot = (slot + 1) & this.mask) {
      const existing = this.slots[slot * 2 + 1] as number;
      if (existing === 0) {
        this.slots[slot * 2] = hash;
        this.slots[slot * 2 + 1] = line;
        this.ids[slot] = id;
        this.count += 1;
        return;
      }
      if (this.slots[slot * 2] === hash && this.ids[slot] === id) return;
    }
  }

  private grow(): void {
    const oldSlots = this.slots;
    const oldIds = this.ids;
    const capacity = oldIds.length * 2;
    this.slots = new Int32Array(capacity * 2);
    this.ids = new Array<string | undefined>(capacity).fill(undefined);
    this.mask = capacity - 1;
    for (let old = 0; old < oldIds.length; old += 1) {
      const line = oldSlots[old * 2 + 1] as number;
      if (line === 0) continue;
      const hash = oldSlots[old * 2] as number;
      let slot = hash & this.mask;
      while ((this.slots[slot * 2 + 1] as number) !== 0) slot = (slot + 1) & this.mask;
      this.slots[slot * 2] = hash;
      this.slots[slot * 2 + 1] = line;
      this.ids[slot] = oldIds[old];
    }
  }
}

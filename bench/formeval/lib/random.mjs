// A small seeded random source (mulberry32), so that one seed always gives the same documents.
export class Random {
  constructor(seed) {
    this.state = (Number(seed) >>> 0) || 1;
  }

  /** A float in [0, 1). */
  next() {
    let t = (this.state = (this.state + 0x6d2b79f5) >>> 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** An integer in [low, high]. */
  int(low, high) {
    return low + Math.floor(this.next() * (high - low + 1));
  }

  pick(items) {
    return items[Math.floor(this.next() * items.length)];
  }

  chance(p) {
    return this.next() < p;
  }

  /** count distinct items, in the order they stand in `items`. */
  some(items, count) {
    const chosen = new Set();
    while (chosen.size < Math.min(count, items.length)) chosen.add(this.int(0, items.length - 1));
    return items.filter((_, i) => chosen.has(i));
  }

  /** A child source: a stream of its own that does not shift this one's. */
  fork(salt) {
    return new Random((this.state ^ Math.imul(salt + 1, 0x9e3779b1)) >>> 0);
  }
}

/** A stable 32-bit hash of a string (FNV-1a), to seed per document. */
export function hash(text) {
  let h = 0x811c9dc5;
  for (const c of Buffer.from(text, 'utf8')) h = Math.imul(h ^ c, 16777619) >>> 0;
  return h;
}

// A small seeded PRNG (sfc32) so the demo city, its ids included, is the same on every run.
// Not for anything secret: Math.random and crypto are deliberately avoided here.

const UINT32 = 0x1_0000_0000;

/** 128-bit string hash (cyrb128) used to seed sfc32 and to derive stable ids from names. */
function cyrb128(text: string): [number, number, number, number] {
  let h1 = 1779033703;
  let h2 = 3144134277;
  let h3 = 1013904242;
  let h4 = 2773480762;
  for (let i = 0; i < text.length; i++) {
    const k = text.charCodeAt(i);
    h1 = h2 ^ Math.imul(h1 ^ k, 597399067);
    h2 = h3 ^ Math.imul(h2 ^ k, 2869860233);
    h3 = h4 ^ Math.imul(h3 ^ k, 951274213);
    h4 = h1 ^ Math.imul(h4 ^ k, 2716044179);
  }
  h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067);
  h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233);
  h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213);
  h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179);
  h1 ^= h2 ^ h3 ^ h4;
  h2 ^= h1;
  h3 ^= h1;
  h4 ^= h1;
  return [h1 >>> 0, h2 >>> 0, h3 >>> 0, h4 >>> 0];
}

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

function formatUuidV4(a: number, b: number, c: number, d: number): string {
  // Version nibble 4 and RFC 4122 variant bits, so validators that check them accept the ids.
  b = (b & 0xffff0fff) | 0x00004000;
  c = (c & 0x3fffffff) | 0x80000000;
  const bytes = (n: number) => HEX[(n >>> 24) & 255]! + HEX[(n >>> 16) & 255]! + HEX[(n >>> 8) & 255]! + HEX[n & 255]!;
  const s = bytes(a) + bytes(b) + bytes(c) + bytes(d);
  return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
}

/** A uuid v4 derived from a name: the same name gives the same id, whatever the seed. */
export function stableUuid(...parts: Array<string | number>): string {
  const [a, b, c, d] = cyrb128(parts.join('\u0000'));
  return formatUuidV4(a, b, c, d);
}

export class Random {
  private a: number;
  private b: number;
  private c: number;
  private d: number;
  private spareNormal: number | null = null;

  constructor(seed: number | string) {
    [this.a, this.b, this.c, this.d] = cyrb128(`sinergi:${seed}`);
    // Warm-up: the first outputs of sfc32 still echo the seed.
    for (let i = 0; i < 15; i++) this.uint32();
  }

  /** A new, independent generator whose stream depends only on this one's seed and the label. */
  fork(label: string | number): Random {
    return new Random(`${this.uint32()}:${label}`);
  }

  uint32(): number {
    // sfc32 (Chris Doty-Humphrey's Small Fast Counting generator), 32-bit.
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** Uniform in [0, 1). */
  next(): number {
    return this.uint32() / UINT32;
  }

  /** Uniform integer in [min, max], both inclusive. */
  int(min: number, max: number): number {
    if (max < min) throw new RangeError(`int(${min}, ${max}): max below min`);
    return min + Math.floor(this.next() * (max - min + 1));
  }

  /** Uniform real in [min, max). */
  real(min: number, max: number): number {
    return min + this.next() * (max - min);
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new RangeError('pick from an empty list');
    return items[Math.floor(this.next() * items.length)]!;
  }

  /** Picks items[i] with probability weights[i] / sum(weights). */
  weighted<T>(items: readonly T[], weights: readonly number[]): T {
    return items[this.weightedIndex(weights)]!;
  }

  weightedIndex(weights: readonly number[]): number {
    let total = 0;
    for (const w of weights) total += w;
    if (!(total > 0)) throw new RangeError('weights must have a positive sum');
    let r = this.next() * total;
    for (let i = 0; i < weights.length; i++) {
      r -= weights[i]!;
      if (r < 0) return i;
    }
    // Rounding can leave r at ~0 after the last weight; the last positive weight wins.
    for (let i = weights.length - 1; i >= 0; i--) if (weights[i]! > 0) return i;
    return weights.length - 1;
  }

  /** Picks from [item, weight] pairs. */
  weightedPick<T>(pairs: ReadonlyArray<readonly [T, number]>): T {
    // Same walk as weightedIndex, without allocating a weights array on this hot path.
    let total = 0;
    for (const p of pairs) total += p[1];
    if (!(total > 0)) throw new RangeError('weights must have a positive sum');
    let r = this.next() * total;
    for (const p of pairs) {
      r -= p[1];
      if (r < 0) return p[0];
    }
    for (let i = pairs.length - 1; i >= 0; i--) if (pairs[i]![1] > 0) return pairs[i]![0];
    return pairs[pairs.length - 1]![0];
  }

  /** Normal deviate (Box–Muller; the second value of each pair is kept for the next call). */
  normal(mean = 0, sd = 1): number {
    if (this.spareNormal !== null) {
      const z = this.spareNormal;
      this.spareNormal = null;
      return mean + sd * z;
    }
    let u = 0;
    while (u === 0) u = this.next(); // log(0) would be -Infinity
    const v = this.next();
    const r = Math.sqrt(-2 * Math.log(u));
    this.spareNormal = r * Math.sin(2 * Math.PI * v);
    return mean + sd * r * Math.cos(2 * Math.PI * v);
  }

  /** Fisher–Yates, in place; returns the same array. */
  shuffle<T>(items: T[]): T[] {
    for (let i = items.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [items[i], items[j]] = [items[j]!, items[i]!];
    }
    return items;
  }

  /** k distinct items in their original order (k is capped at the list length). */
  sample<T>(items: readonly T[], k: number): T[] {
    const indices = this.shuffle(items.map((_, i) => i)).slice(0, Math.min(k, items.length));
    return indices.sort((x, y) => x - y).map((i) => items[i]!);
  }

  uuid(): string {
    return formatUuidV4(this.uint32(), this.uint32(), this.uint32(), this.uint32());
  }
}

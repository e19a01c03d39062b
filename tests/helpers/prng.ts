/** A small seeded PRNG (mulberry32) for reproducible generated tests: the same seed gives the same cases. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface Rng {
  next(): number;
  int(lo: number, hi: number): number;
  pick<T>(xs: readonly T[]): T;
  chance(p: number): boolean;
  /** A random subset, in the input's order. */
  subset<T>(xs: readonly T[], p?: number): T[];
}

export function rng(seed: number): Rng {
  const next = mulberry32(seed);
  return {
    next,
    int: (lo, hi) => lo + Math.floor(next() * (hi - lo + 1)),
    pick: (xs) => xs[Math.floor(next() * xs.length)],
    chance: (p) => next() < p,
    subset: (xs, p = next()) => xs.filter(() => next() < p),
  };
}

/** The seed of a generated test: `TEST_SEED` from the environment, else the given default. */
export function seedOf(fallback: number): number {
  const env = process.env.TEST_SEED;
  return env && /^\d+$/.test(env) ? Number(env) : fallback;
}

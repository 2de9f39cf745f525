// Seeded pseudo-random numbers for the synthetic generator. Same seed → same stream, on every
// platform: only 32-bit integer arithmetic (Math.imul) and Math.log/exp/sqrt/cos, which V8 computes
// identically on every machine we run.

/** FNV-1a over the parts' string forms: turns (seed, agency, year) into an independent stream seed. */
export function hashSeed(...parts: (string | number)[]): number {
  let h = 0x811c9dc5;
  for (const part of parts) {
    const s = String(part) + '\u0000';
    for (let i = 0; i < s.length; i++) {
      h ^= s.charCodeAt(i);
      h = Math.imul(h, 0x01000193);
    }
  }
  return h >>> 0;
}

export interface Rng {
  /** Uniform in [0, 1). */
  next(): number;
  /** Integer in [lo, hi] inclusive. */
  int(lo: number, hi: number): number;
  chance(p: number): boolean;
  pick<T>(items: readonly T[]): T;
  normal(): number;
  /** exp(N(mu, sigma)). */
  logNormal(mu: number, sigma: number): number;
  /** Pareto with scale 1 and shape alpha (heavy tail: P(X > x) = x^-alpha). */
  pareto(alpha: number): number;
  poisson(lambda: number): number;
  binomial(n: number, p: number): number;
  /** Splits n into counts with the given probabilities (they need not sum to 1). */
  multinomial(n: number, probs: readonly number[]): number[];
}

/** mulberry32: small, fast, good enough for plausible synthetic data (not for cryptography). */
export function createRng(seed: number): Rng {
  let a = seed >>> 0;
  const next = (): number => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const normal = (): number => {
    // Box–Muller; 1 - next() avoids log(0)
    const u = 1 - next();
    const v = next();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  };
  const poisson = (lambda: number): number => {
    if (lambda <= 0) return 0;
    if (lambda > 30) return Math.max(0, Math.round(lambda + Math.sqrt(lambda) * normal()));
    const l = Math.exp(-lambda);
    let k = 0;
    let p = 1;
    do {
      k++;
      p *= next();
    } while (p > l);
    return k - 1;
  };
  const binomial = (n: number, p: number): number => {
    if (n <= 0 || p <= 0) return 0;
    if (p >= 1) return n;
    if (n < 40) {
      let k = 0;
      for (let i = 0; i < n; i++) if (next() < p) k++;
      return k;
    }
    const mean = n * p;
    if (mean < 10) return Math.min(n, poisson(mean));
    const sd = Math.sqrt(mean * (1 - p));
    return Math.min(n, Math.max(0, Math.round(mean + sd * normal())));
  };
  return {
    next,
    int: (lo, hi) => lo + Math.floor(next() * (hi - lo + 1)),
    chance: (p) => next() < p,
    pick: (items) => items[Math.floor(next() * items.length)],
    normal,
    logNormal: (mu, sigma) => Math.exp(mu + sigma * normal()),
    pareto: (alpha) => Math.pow(1 - next(), -1 / alpha),
    poisson,
    binomial,
    multinomial: (n, probs) => {
      // sequential conditional binomials: exact total, each count Binomial-distributed
      const out: number[] = [];
      let left = n;
      let mass = probs.reduce((s, p) => s + p, 0);
      for (let i = 0; i < probs.length; i++) {
        if (i === probs.length - 1) {
          out.push(left);
          break;
        }
        const k = mass > 0 ? binomial(left, Math.min(1, probs[i] / mass)) : 0;
        out.push(k);
        left -= k;
        mass -= probs[i];
      }
      return out;
    },
  };
}

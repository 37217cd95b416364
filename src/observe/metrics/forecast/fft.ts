/**
 * In-place iterative radix-2 Cooley–Tukey FFT (Cooley & Tukey 1965; the iterative form of
 * Press et al., "Numerical Recipes", §12.2). Pure. Used only to get the autocorrelation of long
 * series in O(n log n) instead of O(n²).
 */

/** Transforms (re, im) in place; the length must be a power of two. */
export function fftInPlace(re: Float64Array, im: Float64Array): void {
  const n = re.length;
  if (n !== im.length || (n & (n - 1)) !== 0) throw new RangeError(`fftInPlace(): length must be a power of two, got ${n}`);
  for (let i = 1, j = 0; i < n; i++) {
    let bit = n >> 1;
    for (; j & bit; bit >>= 1) j ^= bit;
    j ^= bit;
    if (i < j) {
      swap(re, i, j);
      swap(im, i, j);
    }
  }
  // Twiddles computed directly, not by recurrence, so rounding does not grow with n.
  const half = n >> 1;
  const cos = new Float64Array(half);
  const sin = new Float64Array(half);
  for (let k = 0; k < half; k++) {
    cos[k] = Math.cos((-2 * Math.PI * k) / n);
    sin[k] = Math.sin((-2 * Math.PI * k) / n);
  }
  for (let len = 2; len <= n; len <<= 1) {
    const halfLen = len >> 1;
    const stride = n / len;
    for (let start = 0; start < n; start += len) {
      for (let j = 0; j < halfLen; j++) {
        const wr = cos[j * stride] as number;
        const wi = sin[j * stride] as number;
        const a = start + j;
        const b = a + halfLen;
        const br = re[b] as number;
        const bi = im[b] as number;
        const vr = br * wr - bi * wi;
        const vi = br * wi + bi * wr;
        const ar = re[a] as number;
        const ai = im[a] as number;
        re[a] = ar + vr;
        im[a] = ai + vi;
        re[b] = ar - vr;
        im[b] = ai - vi;
      }
    }
  }
}

export function nextPowerOfTwo(n: number): number {
  let size = 1;
  while (size < n) size <<= 1;
  return size;
}

function swap(array: Float64Array, i: number, j: number): void {
  const t = array[i] as number;
  array[i] = array[j] as number;
  array[j] = t;
}

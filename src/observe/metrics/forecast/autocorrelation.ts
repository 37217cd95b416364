/**
 * Sample autocorrelation function of a series with missing values (NaN). Pure.
 *
 * r(k) = [Σ x_t·x_{t+k} / pairs(k)] / [Σ x_t² / present], over pairs where both values are
 * present, for an already centred series. Dividing by the pair count (not by n, as in Box &
 * Jenkins' biased estimator) keeps r(P) near the true correlation at lags up to n/2, which is
 * where a weekly period of a two-week history sits; the price is more noise at high lags, which
 * the significance bound in detect-seasonality accounts for (it uses pairs(k) too).
 * Both sums come from one Wiener–Khinchin product each (FFT of the zero-padded series and of its
 * presence mask), so the whole ACF costs O(n log n).
 */
import { fftInPlace, nextPowerOfTwo } from './fft.js';

export interface Autocorrelation {
  /** r(0..maxLag); NaN where a lag has no pairs. */
  acf: Float64Array;
  /** Number of present pairs at each lag. */
  pairs: Float64Array;
}

export function autocorrelation(centred: readonly number[], maxLag: number): Autocorrelation {
  const n = centred.length;
  const size = nextPowerOfTwo(2 * n);
  const products = lagSums(centred.map((v) => (Number.isNaN(v) ? 0 : v)), size);
  const pairs = lagSums(centred.map((v) => (Number.isNaN(v) ? 0 : 1)), size);
  const lags = Math.min(maxLag, n - 1) + 1;
  const acf = new Float64Array(lags);
  const pairCounts = new Float64Array(lags);
  const variance = (products[0] as number) / Math.max(1, pairs[0] as number);
  for (let k = 0; k < lags; k++) {
    // The mask sums are integers; rounding removes FFT noise.
    const count = Math.round(pairs[k] as number);
    pairCounts[k] = count;
    acf[k] = count > 0 && variance > 0 ? (products[k] as number) / count / variance : Number.NaN;
  }
  return { acf, pairs: pairCounts };
}

/** Σ_t a_t·a_{t+k} for every k, through |FFT(a)|² and an inverse FFT. */
function lagSums(values: readonly number[], size: number): Float64Array {
  const re = new Float64Array(size);
  const im = new Float64Array(size);
  re.set(values);
  fftInPlace(re, im);
  for (let i = 0; i < size; i++) {
    const r = re[i] as number;
    const m = im[i] as number;
    re[i] = r * r + m * m;
    im[i] = 0;
  }
  // The power spectrum is real and even, so the forward transform is the inverse up to 1/size.
  fftInPlace(re, im);
  for (let i = 0; i < size; i++) re[i] = (re[i] as number) / size;
  return re;
}

package org.sparkdnn.model;

import java.util.Objects;

/**
 * A port of numpy's legacy random stream: {@code np.random.seed(s)} followed by
 * {@code np.random.randn(...)}, {@code np.random.random_sample(...)} and {@code np.random.permutation(n)},
 * i.e. {@code RandomState} over MT19937. The course draws its initial weights and its mini-batches from this
 * stream; this class gives them bit for bit (see the note on the logarithm below).
 *
 * <ul>
 *   <li>Seeding: numpy's {@code mt19937_seed} (Matsumoto and Nishimura's {@code init_genrand}) for an
 *       integer seed in [0, 2<sup>32</sup> − 1]; like {@code np.random.seed}, it also clears the
 *       cached Gaussian.</li>
 *   <li>Uniform: {@code legacy_double}, 53 random bits from two 32-bit outputs,
 *       {@code ((a >> 5) · 2^26 + (b >> 6)) / 2^53}, in [0, 1).</li>
 *   <li>Gaussian: {@code legacy_gauss} in numpy's {@code _legacy.c} (randomkit's {@code rk_gauss}):
 *       the polar Box–Muller method, rejecting while {@code r2 >= 1.0 || r2 == 0.0}; it returns
 *       {@code f·x2} and caches {@code f·x1} for the next call.</li>
 * </ul>
 *
 * <p>numpy takes the logarithm from the C library. Java's {@link Math#log} and {@link StrictMath#log}
 * are only faithful (within 1 ulp) and change the stream after a few dozen values, so this class uses
 * its own correctly rounded logarithm, {@link #log(double)}. That reproduces numpy wherever the C
 * library's {@code log} is correctly rounded, as glibc's was before 2.28. glibc 2.28 and later is not
 * (error up to 0.52 ulp): about one logarithm in a thousand then differs by 1 ulp, so numpy on such a
 * system gives a different last bit or two in that pair of values. The golden file
 * {@code numpy-random.json} lists those positions.
 *
 * <p>Not thread-safe: each instance is one mutable stream, as a numpy {@code RandomState} is.
 */
public final class NumpyRandom {

  /** The largest seed numpy's legacy seeding accepts, 2<sup>32</sup> − 1. */
  public static final long MAX_SEED = 0xFFFF_FFFFL;

  private static final int N = 624;
  private static final int M = 397;
  private static final int MATRIX_A = 0x9908_B0DF;
  private static final int UPPER_MASK = 0x8000_0000;
  private static final int LOWER_MASK = 0x7FFF_FFFF;

  /** ln 2 = LN2_HI + LN2_LO to about 2<sup>-110</sup>. */
  private static final double LN2_HI = 0x1.62e42fefa39efp-1;
  private static final double LN2_LO = 0x1.abc9e3b39803fp-56;
  private static final double SQRT2 = 0x1.6a09e667f3bcdp0;
  /** Terms of the atanh series: 0.172<sup>2·22</sup> &lt; 2<sup>-111</sup>. */
  private static final int ATANH_TERMS = 22;
  /** 1/(2k + 1) = ATANH_COEFF_HI[k] + ATANH_COEFF_LO[k] in double-double. */
  private static final double[] ATANH_COEFF_HI = atanhCoefficients(true);
  private static final double[] ATANH_COEFF_LO = atanhCoefficients(false);

  private final int[] state = new int[N];
  private int pos;
  private boolean hasGauss;
  private double gauss;

  /**
   * Creates the stream {@code np.random.seed(seed)} starts.
   *
   * @param seed the seed, in [0, 4294967295] as numpy requires
   * @throws IllegalArgumentException if the seed is outside that range
   */
  public NumpyRandom(long seed) {
    if (seed < 0 || seed > MAX_SEED) {
      throw new IllegalArgumentException(
          "seed must be in [0, " + MAX_SEED + "] like numpy's np.random.seed, got " + seed);
    }
    int s = (int) seed;
    for (int i = 0; i < N; i++) {
      state[i] = s;
      s = 1812433253 * (s ^ (s >>> 30)) + i + 1;
    }
    pos = N;
  }

  /**
   * Returns the next uniform value in [0, 1), like one value of {@code np.random.random_sample()}.
   * It does not touch the cached Gaussian, as in numpy.
   *
   * @return the next uniform double
   */
  public double nextDouble() {
    int a = nextInt() >>> 5;
    int b = nextInt() >>> 6;
    return (a * 67108864.0 + b) / 9007199254740992.0;
  }

  /**
   * Returns the next standard normal value, like one value of {@code np.random.randn()}.
   *
   * @return the next Gaussian double
   */
  public double nextGaussian() {
    if (hasGauss) {
      hasGauss = false;
      double cached = gauss;
      gauss = 0.0;
      return cached;
    }
    double x1;
    double x2;
    double r2;
    do {
      x1 = 2.0 * nextDouble() - 1.0;
      x2 = 2.0 * nextDouble() - 1.0;
      r2 = x1 * x1 + x2 * x2;
    } while (r2 >= 1.0 || r2 == 0.0);
    double f = Math.sqrt(-2.0 * log(r2) / r2);
    gauss = f * x1;
    hasGauss = true;
    return f * x2;
  }

  /**
   * Writes {@code count} standard normal values to {@code out[offset .. offset + count)}, the values
   * {@code np.random.randn(count)} returns, in the same stream order.
   *
   * @param out the destination
   * @param offset the first index written
   * @param count how many values to write
   * @throws IndexOutOfBoundsException if the range does not fit in {@code out}
   */
  public void nextGaussians(double[] out, int offset, int count) {
    Objects.checkFromIndexSize(offset, count, out.length);
    for (int i = offset; i < offset + count; i++) {
      out[i] = nextGaussian();
    }
  }

  /**
   * Returns {@code np.random.permutation(n)}: 0..n-1 shuffled as numpy's legacy {@code shuffle} does, from the last
   * position down, swapping position i with {@code random_interval(i)} (a masked 32-bit draw, redrawn while above
   * i), so a course script's {@code np.random.seed(s); np.random.permutation(m)} is reproduced exactly.
   *
   * @param n the number of values, at least 0
   * @return a new array holding a permutation of 0..n-1
   */
  public int[] permutation(int n) {
    if (n < 0) {
      throw new IllegalArgumentException("a permutation of " + n + " values was asked for");
    }
    int[] values = new int[n];
    for (int i = 0; i < n; i++) {
      values[i] = i;
    }
    for (int i = n - 1; i >= 1; i--) {
      int j = interval(i);
      int swap = values[j];
      values[j] = values[i];
      values[i] = swap;
    }
    return values;
  }

  /** numpy's {@code random_interval(max)} for 0 &lt; max &lt; 2<sup>31</sup>: a uniform value in [0, max]. */
  private int interval(int max) {
    int mask = max;
    mask |= mask >>> 1;
    mask |= mask >>> 2;
    mask |= mask >>> 4;
    mask |= mask >>> 8;
    mask |= mask >>> 16;
    int value;
    do {
      value = nextInt() & mask;
    } while (value > max);
    return value;
  }

  /**
   * The natural logarithm, correctly rounded unless log(x) lies within about 2<sup>-100</sup>
   * (relative) of the midpoint between two doubles.
   *
   * <p>With x = 2<sup>e</sup>·m and m in (√½, √2]: log x = e·ln 2 + 2·atanh(s), s = (m − 1)/(m + 1),
   * |s| &lt; 0.172, and atanh(s) = s·Σ<sub>k≥0</sub> s<sup>2k</sup>/(2k + 1), summed in double-double
   * arithmetic (about 106 bits) and rounded once at the end.
   *
   * @param x a positive normal double (here r2, which lies in [2<sup>-104</sup>, 1))
   * @return log(x)
   */
  static double log(double x) {
    long bits = Double.doubleToRawLongBits(x);
    int e = (int) (bits >>> 52) - 1023;
    double m = Double.longBitsToDouble((bits & 0x000F_FFFF_FFFF_FFFFL) | 0x3FF0_0000_0000_0000L);
    if (m > SQRT2) {
      m *= 0.5;
      e++;
    }
    // s = (m - 1) / (m + 1) in double-double; m - 1 is exact, m + 1 = qHi + qLo exactly
    double d = m - 1.0;
    double qHi = m + 1.0;
    double qV = qHi - m;
    double qLo = (m - (qHi - qV)) + (1.0 - qV);
    double sHi = d / qHi;
    double sLo = (Math.fma(-sHi, qHi, d) - sHi * qLo) / qHi;
    // z = s^2
    double zHi = sHi * sHi;
    double zLo = Math.fma(sHi, sHi, -zHi) + 2.0 * sHi * sLo;
    // p = sum_k z^k / (2k + 1), Horner from the last term
    double pHi = ATANH_COEFF_HI[ATANH_TERMS - 1];
    double pLo = ATANH_COEFF_LO[ATANH_TERMS - 1];
    for (int k = ATANH_TERMS - 2; k >= 0; k--) {
      // p = p * z
      double hi = pHi * zHi;
      double lo = Math.fma(pHi, zHi, -hi) + (pHi * zLo + pLo * zHi);
      pHi = hi + lo;
      pLo = lo - (pHi - hi);
      // p = p + 1 / (2k + 1)
      hi = pHi + ATANH_COEFF_HI[k];
      double bv = hi - pHi;
      lo = (pHi - (hi - bv)) + (ATANH_COEFF_HI[k] - bv) + pLo + ATANH_COEFF_LO[k];
      pHi = hi + lo;
      pLo = lo - (pHi - hi);
    }
    // log m = 2 * s * p
    double lmHi = sHi * pHi;
    double lmLo = Math.fma(sHi, pHi, -lmHi) + (sHi * pLo + sLo * pHi);
    lmHi *= 2.0;
    lmLo *= 2.0;
    // e * ln 2, with e * LN2_HI split exactly
    double tHi = e * LN2_HI;
    double tLo = Math.fma(e, LN2_HI, -tHi) + e * LN2_LO;
    // (tHi + lmHi) exactly as hi + err, then one rounding of the double-double sum
    double hi = tHi + lmHi;
    double bv = hi - tHi;
    double err = (tHi - (hi - bv)) + (lmHi - bv);
    return hi + (err + tLo + lmLo);
  }

  private static double[] atanhCoefficients(boolean high) {
    double[] c = new double[ATANH_TERMS];
    for (int k = 0; k < ATANH_TERMS; k++) {
      double n = 2 * k + 1;
      double hi = 1.0 / n;
      c[k] = high ? hi : Math.fma(-hi, n, 1.0) / n;
    }
    return c;
  }

  /** MT19937's next tempered 32-bit output (genrand_int32), as an int holding the unsigned bits. */
  private int nextInt() {
    if (pos == N) {
      regenerate();
    }
    int y = state[pos++];
    y ^= y >>> 11;
    y ^= (y << 7) & 0x9D2C_5680;
    y ^= (y << 15) & 0xEFC6_0000;
    y ^= y >>> 18;
    return y;
  }

  /** Refills the 624-word state block (the twist of MT19937). */
  private void regenerate() {
    for (int i = 0; i < N; i++) {
      int y = (state[i] & UPPER_MASK) | (state[(i + 1) % N] & LOWER_MASK);
      state[i] = state[(i + M) % N] ^ (y >>> 1) ^ ((y & 1) == 0 ? 0 : MATRIX_A);
    }
    pos = 0;
  }
}

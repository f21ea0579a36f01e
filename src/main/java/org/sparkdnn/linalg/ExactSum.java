package org.sparkdnn.linalg;

import java.io.Serializable;
import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * The exact sum of any number of finite doubles, as a fixed-point integer of 32-bit digits spanning every double's
 * bits (a Kulisch accumulator: value = Σ_k digit[k]·2^(32k − 1074)). Nothing is rounded, so the sum does not
 * depend on the order of the additions, nor on how they are split and merged: partitions' sums merged in any order
 * give the same bits. An addition costs a few integer operations; the result is rounded once, when read.
 */
public final class ExactSum implements Serializable {
  private static final long serialVersionUID = 1L;

  /** Digits 0..65 hold every double's bits (2^-1074 .. 2^1024); two more take the carries of 2^63 additions. */
  private static final int DIGITS = 68;
  private static final long MASK = 0xFFFF_FFFFL;
  /** Each addition puts less than 2^32 in a digit: 2^30 of them fit a long's 63 bits with room for the carries. */
  private static final int ADDS_BEFORE_CARRY = 1 << 30;
  private static final BigDecimal ULP = new BigDecimal(Double.MIN_VALUE);

  private final long[] digits = new long[DIGITS];
  private int pending;

  /**
   * Adds {@code x} exactly.
   *
   * @throws IllegalArgumentException if {@code x} is NaN or infinite
   */
  public void add(double x) {
    long bits = Double.doubleToRawLongBits(x);
    int exponent = (int) (bits >>> 52) & 0x7FF;
    if (exponent == 0x7FF) {
      throw new IllegalArgumentException("expected a finite value to sum, found " + x);
    }
    long fraction = bits & ((1L << 52) - 1);
    // x = mantissa·2^(position − 1074); subnormals (exponent 0) share the smallest normal's position
    long mantissa = exponent == 0 ? fraction : fraction | (1L << 52);
    if (mantissa == 0) {
      return;
    }
    int position = Math.max(exponent - 1, 0);
    int k = position >>> 5;
    int shift = position & 31;
    long d0 = (mantissa << shift) & MASK;
    long d1 = (mantissa >>> (32 - shift)) & MASK;
    long d2 = shift == 0 ? 0 : mantissa >>> (64 - shift);
    if (bits < 0) {
      digits[k] -= d0;
      digits[k + 1] -= d1;
      digits[k + 2] -= d2;
    } else {
      digits[k] += d0;
      digits[k + 1] += d1;
      digits[k + 2] += d2;
    }
    if (++pending == ADDS_BEFORE_CARRY) {
      carry();
    }
  }

  /** Adds {@code other}'s sum exactly (it is left unchanged). */
  public void add(ExactSum other) {
    carry();
    other.carry();
    for (int k = 0; k < DIGITS; k++) {
      digits[k] += other.digits[k];
    }
    carry();
  }

  /** Propagates the carries: every digit but the last into [0, 2^32), the last keeps the sign. */
  private void carry() {
    for (int k = 0; k < DIGITS - 1; k++) {
      long c = digits[k] >> 32;
      digits[k] &= MASK;
      digits[k + 1] += c;
    }
    pending = 0;
  }

  /** The exact sum. */
  public BigDecimal toBigDecimal() {
    BigInteger n = BigInteger.ZERO;
    for (int k = DIGITS - 1; k >= 0; k--) {
      n = n.shiftLeft(32).add(BigInteger.valueOf(digits[k]));
    }
    return new BigDecimal(n).multiply(ULP);
  }

  /** The exact sum rounded to the nearest double (infinite beyond the doubles' range). */
  public double value() {
    return toBigDecimal().doubleValue();
  }
}

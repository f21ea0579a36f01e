package org.sparkdnn.spark;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import org.sparkdnn.data.ColumnBlock;

/**
 * A fingerprint of a training set as it is trained on (after feature scaling): m, n[0], and a 128-bit multiset
 * hash of the samples, folded with SHA-256 into 64 hex digits, to tell a checkpoint or a model from one trained on
 * other data (accidents, not forgery).
 *
 * <p>Each sample (its n[0] features in order, its weight if it has one, then its label, as raw IEEE-754 bits) is
 * hashed on its own with two independent 64-bit hashes, and the sample hashes are added modulo 2^64: the sum does
 * not depend on the order, the blocks or the partitions, while any changed, swapped, added, removed or duplicated
 * value or sample changes it. Float32 blocks are hashed as the doubles their floats widen to, so the fingerprint
 * names the values trained on. One pass over the cached blocks.
 */
public final class DataFingerprint {
  private static final String FORMAT = "spark-dnn-data-fingerprint-v1";
  private static final long SEED_A = 0x9E3779B97F4A7C15L;
  private static final long SEED_B = 0xC2B2AE3D27D4EB4FL;

  private final long numExamples;
  private final int numFeatures;
  private final String hex;

  private DataFingerprint(long numExamples, int numFeatures, long sumA, long sumB) {
    this(numExamples, numFeatures, digest(numExamples, numFeatures, sumA, sumB));
  }

  private DataFingerprint(long numExamples, int numFeatures, String hex) {
    this.numExamples = numExamples;
    this.numFeatures = numFeatures;
    this.hex = hex;
  }

  /**
   * The fingerprint of this training data trained with {@code validation} as its early-stopping data: a run resumed
   * with other validation data stops elsewhere. m and n[0] stay the training data's.
   */
  public DataFingerprint withValidation(DataFingerprint validation) {
    try {
      MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
      sha256.update((FORMAT + "-with-validation").getBytes(StandardCharsets.US_ASCII));
      sha256.update(hex.getBytes(StandardCharsets.US_ASCII));
      sha256.update(validation.hex.getBytes(StandardCharsets.US_ASCII));
      return new DataFingerprint(numExamples, numFeatures, HexFormat.of().formatHex(sha256.digest()));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform provides SHA-256", e);
    }
  }

  /** The fingerprint of the cached blocks: one Spark job, each partition hashing its samples where they live. */
  public static DataFingerprint of(DistributedBlocks data) {
    List<long[]> parts = SparkErrors.unwrap(() -> data.blocks()
        .mapPartitions(blocks -> List.of(partial(blocks)).iterator())
        .collect());
    return combine(parts.iterator());
  }

  /** The fingerprint of in-memory blocks; equals {@link #of(DistributedBlocks)} for the same samples. */
  static DataFingerprint of(List<ColumnBlock> blocks) {
    return combine(List.of(partial(blocks.iterator())).iterator());
  }

  /** {m, n[0] (or -1 for no sample), Σ hashA, Σ hashB} of some blocks. */
  private static long[] partial(Iterator<ColumnBlock> blocks) {
    long m = 0;
    long n = -1;
    long sumA = 0;
    long sumB = 0;
    while (blocks.hasNext()) {
      ColumnBlock block = blocks.next();
      n = checkedWidth(n, block.numFeatures());
      // X: (n[0], m_b) column-major, so sample j's features are values [j·n[0], (j+1)·n[0])
      double[] y = block.labels();
      double[] w = block.weights();
      int width = block.numFeatures();
      for (int j = 0; j < block.numColumns(); j++) {
        long a = SEED_A;
        long b = SEED_B;
        for (int i = j * width; i < (j + 1) * width; i++) {
          long bits = Double.doubleToRawLongBits(block.feature(i));
          a = mix(a ^ bits);
          b = mix(b + bits * 0xFF51AFD7ED558CCDL);
        }
        long label = Double.doubleToRawLongBits(y[j]);
        if (w != null) {
          // a weighted sample is its weight too; unweighted samples hash as they always did
          long weight = Double.doubleToRawLongBits(w[j]);
          a = mix(a ^ weight);
          b = mix(b + weight * 0xFF51AFD7ED558CCDL);
        }
        sumA += mix(a ^ label);
        sumB += mix(b + label * 0xFF51AFD7ED558CCDL);
      }
      m += block.numColumns();
    }
    return new long[] {m, n, sumA, sumB};
  }

  private static DataFingerprint combine(Iterator<long[]> parts) {
    long m = 0;
    long n = -1;
    long sumA = 0;
    long sumB = 0;
    while (parts.hasNext()) {
      long[] part = parts.next();
      if (part[1] >= 0) {
        n = checkedWidth(n, (int) part[1]);
      }
      m += part[0];
      sumA += part[2];
      sumB += part[3];
    }
    if (m == 0) {
      throw new IllegalArgumentException("a data fingerprint needs at least one sample, found none");
    }
    return new DataFingerprint(m, (int) n, sumA, sumB);
  }

  private static long checkedWidth(long seen, int width) {
    if (seen >= 0 && seen != width) {
      throw new IllegalArgumentException(
          "blocks to fingerprint must all have " + seen + " features, found one with " + width);
    }
    return width;
  }

  /** SplitMix64's finaliser (Steele, Lea and Flood 2014): a bijection of 64-bit words with full avalanche. */
  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  private static String digest(long m, int n, long sumA, long sumB) {
    try {
      MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
      sha256.update(FORMAT.getBytes(StandardCharsets.US_ASCII));
      sha256.update(ByteBuffer.allocate(28).putLong(m).putInt(n).putLong(sumA).putLong(sumB).array());
      return HexFormat.of().formatHex(sha256.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform provides SHA-256", e);
    }
  }

  /** The fingerprint as 64 lowercase hexadecimal digits. */
  public String hex() {
    return hex;
  }

  /** m, the number of samples fingerprinted. */
  public long numExamples() {
    return numExamples;
  }

  /** n[0], the features per sample. */
  public int numFeatures() {
    return numFeatures;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof DataFingerprint other && hex.equals(other.hex);
  }

  @Override
  public int hashCode() {
    return hex.hashCode();
  }

  /** The hex digits. */
  @Override
  public String toString() {
    return hex;
  }
}

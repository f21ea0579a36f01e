package org.sparkdnn.ml;

/**
 * The uid of a Java subclass of Spark's Scala {@code Params} classes, handed over before the superclass constructor
 * runs: that constructor creates the inherited params ({@code featuresCol}, ...), which ask the instance for its uid
 * before any field of the subclass is set. The subclass constructor holds the uid here first (in the argument of
 * its {@code this(...)} call), and its {@code uid()} takes it on its first call.
 */
final class PendingUid {
  private static final ThreadLocal<String> PENDING = new ThreadLocal<>();

  private PendingUid() {}

  /** Holds {@code uid} for the instance about to be constructed on this thread; returns a token of it. */
  static PendingUid hold(String uid) {
    PENDING.set(uid);
    return new PendingUid();
  }

  /**
   * The uid held, which is released.
   *
   * @throws IllegalStateException if none is held: the constructor did not call {@link #hold}
   */
  static String take() {
    String uid = PENDING.get();
    if (uid == null) {
      throw new IllegalStateException("no uid held for the instance under construction");
    }
    PENDING.remove();
    return uid;
  }
}

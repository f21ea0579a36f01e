package org.sparkdnn.io;

/**
 * The publish root's lock stayed held by another run for longer than this run would wait. The message names
 * the holder (host, pid, run id, since when) and how to clear a lock left by a run that no longer exists.
 */
public final class PublishLockedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public PublishLockedException(String message) {
    super(message);
  }
}

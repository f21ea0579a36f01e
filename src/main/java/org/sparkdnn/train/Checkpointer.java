package org.sparkdnn.train;

/**
 * Saves the state of gradient descent every {@link #every()} iterations and after the last one, so that a run
 * that stops can be resumed from the newest saved state with the same result. Only states whose parameters are
 * all finite are handed to it.
 */
public interface Checkpointer {
  /** Saves nothing. */
  Checkpointer NONE = new Checkpointer() {
    @Override
    public int every() {
      return 0;
    }

    @Override
    public void save(TrainingState state) {
      throw new IllegalStateException("Checkpointer.NONE saves nothing");
    }
  };

  /** K: a state is saved after every K-th iteration and after the last; 0 saves none. */
  int every();

  /** Saves {@code state} (the caller's own copy) before the next iteration starts. */
  void save(TrainingState state);
}

package org.sparkdnn.train;

import java.util.Arrays;
import org.sparkdnn.model.GradientSums;
import org.sparkdnn.model.Parameters;

/**
 * Batch gradient descent (course week 2-4 {@code optimize} / {@code L_layer_model}): in iteration i, compute the
 * cost and gradient sums at the current parameters, record the cost as "cost after iteration i", then update
 * {@code θ := θ − α·(1/m)·Σ∇}, or by momentum or Adam ({@link UpdateRule}). With {@link MiniBatches} (course 2's
 * {@code model} with {@code random_mini_batches}) an iteration is an epoch: one update per mini-batch k, from the
 * sums over its m_k samples divided by m_k, and the epoch's cost is the sum of its mini-batches' cost sums divided
 * by m, as the course's {@code cost_avg} (with class weights, each batch divided by its Σw and the epoch's cost
 * by the epoch's). A NaN or infinite cost or gradient stops training at once.
 */
public final class GradientDescent {
  private final double learningRate;
  private final int iterations;
  private final UpdateRule rule;
  /** Null for batch gradient descent. */
  private final MiniBatches batches;

  /** Validated: {@code learningRate} finite and positive, {@code iterations ≥ 1}. */
  public GradientDescent(double learningRate, int iterations) {
    this(learningRate, iterations, UpdateRule.GD);
  }

  /** As {@link #GradientDescent(double, int)}, stepping by {@code rule}. */
  public GradientDescent(double learningRate, int iterations, UpdateRule rule) {
    this(learningRate, iterations, rule, null);
  }

  /** As {@link #GradientDescent(double, int, UpdateRule)}, with {@code iterations} epochs of {@code batches}. */
  public GradientDescent(double learningRate, int iterations, UpdateRule rule, MiniBatches batches) {
    if (!(learningRate > 0.0) || Double.isInfinite(learningRate)) {
      throw new IllegalArgumentException("learning rate must be a positive finite number, found " + learningRate);
    }
    if (iterations < 1) {
      throw new IllegalArgumentException("iterations must be at least 1, found " + iterations);
    }
    this.learningRate = learningRate;
    this.iterations = iterations;
    this.rule = rule;
    this.batches = batches;
  }

  public double learningRate() {
    return learningRate;
  }

  public int iterations() {
    return iterations;
  }

  /**
   * Runs all iterations from {@code initial} (left unchanged), saving no checkpoint.
   *
   * @return the final parameters and the cost of every iteration
   * @throws TrainingDivergedException if a cost or a gradient sum is NaN or infinite; the parameters are not
   *     updated from it
   */
  public TrainingResult run(GradientSource source, Parameters initial, IterationListener listener) {
    return run(source, TrainingState.start(initial), listener, Checkpointer.NONE);
  }

  /**
   * Runs the iterations from {@code start.iteration()} to the last, from {@code start} (left unchanged), handing
   * {@code checkpointer} the state after every {@code checkpointer.every()}-th iteration and after the last, and
   * {@code listener} every cost and the parameters each iteration starts from, then the final ones. A run
   * resumed from a state saved by an earlier run with the same source computes what that run computed, bit for
   * bit: the state holds everything an iteration depends on.
   *
   * @return the final parameters and the cost of every iteration, those of {@code start} first
   * @throws IllegalArgumentException if {@code start} is past the last iteration
   * @throws TrainingDivergedException if a cost or a gradient sum is NaN or infinite (the parameters are not
   *     updated from it), or a state due to be saved holds a NaN or infinite parameter (it is not saved)
   */
  public TrainingResult run(GradientSource source, TrainingState start, IterationListener listener,
      Checkpointer checkpointer) {
    return run(source, start, listener, checkpointer, null);
  }

  /**
   * As {@link #run(GradientSource, TrainingState, IterationListener, Checkpointer)}, checking {@code stopping}
   * (unless null) before each iteration whose number it is due at, and on the final parameters: the run ends at
   * the check that says stop, before that iteration's cost, and its result holds the costs computed until then and
   * the best parameters checked. The checkpoints carry the state of the checks.
   */
  public TrainingResult run(GradientSource source, TrainingState start, IterationListener listener,
      Checkpointer checkpointer, EarlyStopping stopping) {
    int first = start.iteration();
    if (first > iterations) {
      throw new IllegalArgumentException(
          "the start state is at iteration " + first + ", past the last of " + iterations + " iterations");
    }
    Parameters parameters = start.parameters().copy();
    int numParameters = parameters.values().length;
    OptimizerState state;
    if (first == 0) {
      state = rule.initial(numParameters);
    } else {
      rule.check(start.optimizer(), numParameters);
      state = start.optimizer().copy();
    }
    if (stopping != null) {
      stopping.resume(start.stopping());
    }
    double[] costs = Arrays.copyOf(start.costs(), iterations);
    int every = checkpointer.every();
    int done = iterations;
    listener.onStart(first);
    for (int i = first; i < iterations; i++) {
      if (stopping != null && stopping.due(i) && stopping.check(i, parameters)) {
        done = i;
        break;
      }
      double cost;
      if (batches == null) {
        GradientSums sums = checked(source.gradientSums(parameters), i);
        cost = sums.cost();
        costs[i] = cost;
        listener.onIteration(i, cost);
        listener.onParameters(i, parameters);
        state = rule.step(learningRate, parameters, sums, state);
      } else {
        listener.onParameters(i, parameters);
        double costSum = 0.0;
        // m, or the epoch's Σw with class weights: whole numbers add exactly, so the course runs keep their bits
        double divisor = 0.0;
        for (int k = 0; k < batches.perEpoch(); k++) {
          GradientSums sums = checked(source.gradientSums(parameters, new Batch(i, k)), i);
          costSum += sums.costSum();
          divisor += sums.divisor();
          state = rule.step(learningRate, parameters, sums, state);
        }
        cost = costSum / divisor;
        costs[i] = cost;
        listener.onIteration(i, cost);
      }
      int updated = i + 1;
      if (every > 0 && (updated % every == 0 || updated == iterations)) {
        for (double value : parameters.values()) {
          if (!Double.isFinite(value)) {
            throw TrainingDivergedException.ofParameter(i, value, cost, learningRate);
          }
        }
        checkpointer.save(new TrainingState(parameters.copy(), Arrays.copyOf(costs, updated), state.copy(),
            stopping == null ? EarlyStoppingState.NONE : stopping.state()));
      }
    }
    if (stopping != null && done == iterations) {
      stopping.checkLast(iterations, parameters);
    }
    listener.onParameters(done, parameters);
    return new TrainingResult(stopping == null ? parameters : stopping.state().best(), Arrays.copyOf(costs, done));
  }

  /** {@code sums}, if its cost and every gradient sum are finite. */
  private GradientSums checked(GradientSums sums, int iteration) {
    double cost = sums.cost();
    if (!Double.isFinite(cost)) {
      throw TrainingDivergedException.ofCost(iteration, cost, learningRate);
    }
    for (double value : sums.values()) {
      if (!Double.isFinite(value)) {
        throw TrainingDivergedException.ofGradient(iteration, value, cost, learningRate);
      }
    }
    return sums;
  }
}

package org.sparkdnn.train;

import org.sparkdnn.model.Parameters;

/**
 * What gradient descent produced.
 *
 * @param parameters the parameters after the last update; with early stopping, the best ones checked
 * @param costs the cost of iteration i at index i, computed before that iteration's update, for the iterations run
 *     (fewer than asked for when early stopping ended the run)
 */
public record TrainingResult(Parameters parameters, double[] costs) {}

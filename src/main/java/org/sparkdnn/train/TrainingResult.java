package org.sparkdnn.train;

import org.sparkdnn.model.Parameters;

/**
 * What gradient descent produced.
 *
 * @param parameters the parameters after the last update
 * @param costs the cost of iteration i at index i, computed before that iteration's update
 */
public record TrainingResult(Parameters parameters, double[] costs) {}

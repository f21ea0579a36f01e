/**
 * The network and its math, per block of samples: {@link org.sparkdnn.model.Architecture} (layer sizes,
 * activations, the flat parameter layout), {@link org.sparkdnn.model.Parameters} (the double master copy) and its
 * float copy {@link org.sparkdnn.model.FloatParameters}, {@link org.sparkdnn.model.Network} (the course's forward and
 * backward passes, written once over the matrix type of a precision and run by that precision's kernels,
 * {@code DoubleKernels} or {@code FloatKernels}, in a reused {@link org.sparkdnn.model.Workspace}),
 * {@link org.sparkdnn.model.Activation}, {@link org.sparkdnn.model.CrossEntropy}, and
 * {@link org.sparkdnn.model.GradientSums}, the sums a block, partition or data set contributes to a step. Depends
 * on {@code linalg} only: never on Spark, the data readers or the application.
 */
package org.sparkdnn.model;

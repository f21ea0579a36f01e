/**
 * The resident engine: training as one Spark stage whose tasks stay for the whole run. The driver's
 * {@link org.sparkdnn.spark.resident.ResidentEngine} (a {@link org.sparkdnn.train.GradientSource}) starts a barrier
 * stage over the cached blocks; each {@code ResidentTask} keeps its partition and answers the driver's
 * {@code Exchange} round after round with the partition's gradient sums (or test counts), over Spark's own network
 * layer with its authentication ({@code Transport}, {@code ExchangeServer}, {@code ExchangeClient}) in the binary
 * messages of {@code Wire}. The driver adds the sums in partition order, so the bits are the jobs engine's. Builds on
 * {@code model}, {@code eval}, {@code train} and {@code spark}.
 */
package org.sparkdnn.spark.resident;

/**
 * Dense linear algebra for the passes: {@link org.sparkdnn.linalg.DenseMatrix}, a column-major view over a slice of
 * a primitive array, in double ({@link org.sparkdnn.linalg.Matrix}) or float ({@link org.sparkdnn.linalg.FloatMatrix});
 * {@link org.sparkdnn.linalg.Blas}, the GEMM calls with their shapes checked; {@link org.sparkdnn.linalg.Sums}, the
 * ordered sum of a run of values. BLAS is reached only through {@code dev.ludovic.netlib}. Depends on nothing else
 * in spark-dnn, and never on Spark.
 */
package org.sparkdnn.linalg;

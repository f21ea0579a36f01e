/**
 * Training data before Spark: {@link org.sparkdnn.data.ColumnBlock} (a block of samples, features (n[0], m_b)
 * column-major in float64 or float32, and labels), the CSV format and row parser
 * ({@link org.sparkdnn.data.CsvFormat}, {@link org.sparkdnn.data.CsvRowParser}), the course's HDF5 files
 * ({@link org.sparkdnn.data.CourseHdf5}), {@link org.sparkdnn.data.FeatureScaling} and the input errors. Depends on
 * {@code linalg}, {@code model} (for the precision) and Hadoop's {@code FileSystem} (to read); never on Spark.
 */
package org.sparkdnn.data;

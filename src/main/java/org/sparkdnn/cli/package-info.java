/**
 * The {@code spark-dnn} command line: picocli commands whose options are built from the declarations in
 * {@link org.sparkdnn.config}, which parse, start a Spark context, call {@link org.sparkdnn.job} and print the
 * results; exceptions become the exit codes of {@link org.sparkdnn.cli.ExitCodes}.
 */
package org.sparkdnn.cli;

/**
 * The application layer: what the commands do, as a Java API a Spark application calls without the command line.
 * {@link org.sparkdnn.job.Trainer} trains and writes a model, {@link org.sparkdnn.job.Publication} puts it through
 * a publish root's quality gate, {@link org.sparkdnn.job.Predictor} and {@link org.sparkdnn.job.Evaluator} apply
 * one. Progress goes to a caller's {@link java.io.PrintStream} and iteration listener.
 */
package org.sparkdnn.job;

package org.sparkdnn.cli;

import picocli.CommandLine.IVersionProvider;

/** Versions of spark-dnn, Spark and Java, for {@code --version} and provenance. */
public final class Versions implements IVersionProvider {
  /** spark-dnn's version, from the jar manifest (or "dev" when run from classes). */
  public static String sparkDnn() {
    String version = Versions.class.getPackage().getImplementationVersion();
    return version == null ? "dev" : version;
  }

  /** The Spark version on the classpath. */
  public static String spark() {
    return org.apache.spark.package$.MODULE$.SPARK_VERSION();
  }

  /** The running Java version. */
  public static String java() {
    return System.getProperty("java.version");
  }

  @Override
  public String[] getVersion() {
    return new String[] {"spark-dnn " + sparkDnn() + " (Spark " + spark() + ", Java " + java() + ")"};
  }
}

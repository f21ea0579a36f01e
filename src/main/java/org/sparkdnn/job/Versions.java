package org.sparkdnn.job;

/** Versions of spark-dnn, Spark and Java, for provenance, the manifest and {@code --version}. */
public final class Versions {
  private Versions() {}

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

  /** "spark-dnn 0.1.0 (Spark 4.1.0, Java 17.0.2)". */
  public static String line() {
    return "spark-dnn " + sparkDnn() + " (Spark " + spark() + ", Java " + java() + ")";
  }
}

package org.sparkdnn.io;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;

/**
 * The child process of {@link PublishKillLoopTest}: publishes runs of increasing value into a root and replaces
 * an output directory with the same model, forever, printing "cycle N" after each; the test kills it.
 * Arguments: ROOT OUTPUT FIRST-VALUE.
 */
public final class PublishLoop {
  private PublishLoop() {}

  public static void main(String[] args) {
    Configuration conf = new Configuration();
    Publisher publisher = new Publisher(new Path(args[0]), conf);
    Path output = new Path(args[1]);
    for (long value = Long.parseLong(args[2]); ; value++) {
      PublishedRuns.publish(publisher, value, conf);
      PublishedRuns.replace(output, value, conf);
      System.out.println("cycle " + value);
      System.out.flush();
    }
  }
}

package org.sparkdnn.spark.resident;

import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.apache.spark.BarrierTaskContext;
import org.apache.spark.SparkEnv;
import org.sparkdnn.data.ColumnBlock;
import org.sparkdnn.model.Architecture;
import org.sparkdnn.model.Parameters;
import org.sparkdnn.spark.BlockPasses;
import org.sparkdnn.spark.resident.Wire.AnswerHead;
import org.sparkdnn.spark.resident.Wire.Hello;
import org.sparkdnn.spark.resident.Wire.Work;
import scala.collection.Iterator;
import scala.runtime.AbstractFunction1;

/**
 * The body of one resident task: keeps its partition's cached training (and test) blocks, greets the driver's
 * exchange, and answers each piece of work with the partition's sums (or test counts) until told to stop. Returns
 * the number of answers, which the stage's closing shuffle counts.
 */
final class ResidentTask extends AbstractFunction1<Iterator<Tagged>, Iterator<Object>> implements Serializable {
  private static final long serialVersionUID = 1L;

  private final Transport transport;
  private final String driverHost;
  private final int driverPort;
  private final Architecture architecture;

  ResidentTask(Transport transport, String driverHost, int driverPort, Architecture architecture) {
    this.transport = transport;
    this.driverHost = driverHost;
    this.driverPort = driverPort;
    this.architecture = architecture;
  }

  @Override
  public Iterator<Object> apply(Iterator<Tagged> items) {
    BarrierTaskContext context = BarrierTaskContext.get();
    List<ColumnBlock> train = new ArrayList<>();
    List<ColumnBlock> test = new ArrayList<>();
    while (items.hasNext()) {
      Tagged item = items.next();
      (item.test() ? test : train).add(item.block());
    }
    Hello hello = new Hello(context.partitionId(), context.stageAttemptNumber(), context.taskAttemptId(),
        SparkEnv.get().executorId(), SparkEnv.get().blockManager().blockManagerId().host());
    BooleanSupplier killed = context::isInterrupted;
    long answers = 0;
    try (ExchangeClient client = ExchangeClient.connect(transport, driverHost, driverPort)) {
      WorkReader reader = new WorkReader();
      Work work = client.ask(hello.encode(), reader, killed);
      ByteBuffer answer = null;
      while (work != null) {
        Parameters at = new Parameters(architecture, work.parameters());
        AnswerHead head = new AnswerHead(hello.partition(), hello.taskAttemptId(), work.number(), work.kind());
        answer = switch (work.kind()) {
          case SUMS -> Wire.answer(answer, head, BlockPasses.partitionSums(at, train.iterator()));
          case COUNTS -> Wire.answer(answer, head,
              BlockPasses.partitionCounts(at, test.iterator(), work.threshold()));
        };
        work = client.ask(answer, reader, killed);
        answers++;
      }
    } catch (IOException e) {
      throw new UncheckedIOException("resident task of partition " + hello.partition() + ": " + e.getMessage(), e);
    }
    return scala.package$.MODULE$.Iterator().single(answers);
  }
}

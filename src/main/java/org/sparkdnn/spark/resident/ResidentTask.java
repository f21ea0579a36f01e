package org.sparkdnn.spark.resident;

import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.apache.spark.BarrierTaskContext;
import org.apache.spark.SparkEnv;
import org.sparkdnn.data.ColumnBlock;
import org.sparkdnn.model.Architecture;
import org.sparkdnn.model.ClassWeights;
import org.sparkdnn.model.GradientSums;
import org.sparkdnn.model.Parameters;
import org.sparkdnn.spark.BlockPasses;
import org.sparkdnn.spark.resident.Wire.AnswerHead;
import org.sparkdnn.spark.resident.Wire.Hello;
import org.sparkdnn.spark.resident.Wire.Kind;
import org.sparkdnn.spark.resident.Wire.Work;
import org.sparkdnn.train.Batch;
import org.sparkdnn.train.MiniBatches;
import scala.collection.Iterator;
import scala.runtime.AbstractFunction1;

/**
 * The body of one resident task: keeps its partition's cached training (and test and validation) blocks, greets the
 * driver's exchange, and answers each piece of work with the partition's sums (over all its training samples or its
 * share of a mini-batch, whose order it draws once per epoch), or its test or validation counts, until told to stop. Returns
 * the number of answers, which the stage's closing shuffle counts.
 */
final class ResidentTask extends AbstractFunction1<Iterator<Tagged>, Iterator<Object>> implements Serializable {
  private static final long serialVersionUID = 1L;

  private final Transport transport;
  private final String driverHost;
  private final int driverPort;
  private final Architecture architecture;
  /** The training data's mini-batches, or null for batch gradient descent only. */
  private final MiniBatches batches;
  /** The class weights of the gradient passes, shipped in the task closure; null for none. */
  private final ClassWeights weights;
  /** Partition p's training samples are [starts[p], starts[p+1]). */
  private final long[] starts;

  ResidentTask(Transport transport, String driverHost, int driverPort, Architecture architecture,
      MiniBatches batches, ClassWeights weights, long[] starts) {
    this.transport = transport;
    this.driverHost = driverHost;
    this.driverPort = driverPort;
    this.architecture = architecture;
    this.batches = batches;
    this.weights = weights;
    this.starts = starts;
  }

  @Override
  public Iterator<Object> apply(Iterator<Tagged> items) {
    BarrierTaskContext context = BarrierTaskContext.get();
    Map<Tagged.Role, List<ColumnBlock>> held = new EnumMap<>(Tagged.Role.class);
    for (Tagged.Role role : Tagged.Role.values()) {
      held.put(role, new ArrayList<>());
    }
    while (items.hasNext()) {
      Tagged item = items.next();
      held.get(item.role()).add(item.block());
    }
    List<ColumnBlock> train = held.get(Tagged.Role.TRAIN);
    Hello hello = new Hello(context.partitionId(), context.stageAttemptNumber(), context.taskAttemptId(),
        SparkEnv.get().executorId(), SparkEnv.get().blockManager().blockManagerId().host());
    BooleanSupplier killed = context::isInterrupted;
    long answers = 0;
    try (DriverLink link = link(killed)) {
      Work work = link.greet(hello);
      GradientSums sums = null;
      MiniBatches.Order order = null;
      while (work != null) {
        Parameters at = new Parameters(architecture, work.parameters());
        AnswerHead head = new AnswerHead(hello.partition(), hello.taskAttemptId(), work.number(), work.kind());
        if (work.kind() == Kind.SUMS) {
          Batch batch = work.batch();
          if (batch.isAll()) {
            sums = BlockPasses.partitionSums(at, weights, train.iterator(), sums);
          } else {
            if (order == null || order.epoch() != batch.epoch()) {
              int p = hello.partition();
              order = batches.order(batch.epoch(), starts[p], starts[p + 1]);
            }
            sums = BlockPasses.batchSums(at, weights, train, order, batch.index(), sums);
          }
          work = link.answer(head, sums);
        } else {
          Tagged.Role role = work.kind() == Kind.COUNTS ? Tagged.Role.TEST : Tagged.Role.VALIDATION;
          work = link.answer(head, BlockPasses.partitionCounts(at, held.get(role).iterator(), work.threshold()));
        }
        answers++;
      }
    } catch (IOException e) {
      throw new UncheckedIOException("resident task of partition " + hello.partition() + ": " + e.getMessage(), e);
    }
    return scala.package$.MODULE$.Iterator().single(answers);
  }

  /** In memory if this task runs in the driver's JVM and the transport allows it, else over the network. */
  private DriverLink link(BooleanSupplier killed) throws IOException {
    Exchange local = transport.inProcess() ? LocalExchanges.find(transport.runId()) : null;
    return local != null ? new DirectLink(local, killed)
        : ExchangeClient.connect(transport, driverHost, driverPort, killed);
  }
}

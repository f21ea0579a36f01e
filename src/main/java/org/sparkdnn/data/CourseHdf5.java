package org.sparkdnn.data;

import io.jhdf.HdfFile;
import io.jhdf.api.Dataset;
import io.jhdf.api.Node;
import io.jhdf.api.dataset.ContiguousDataset;
import io.jhdf.object.datatype.DataType;
import io.jhdf.object.datatype.FixedPoint;
import io.jhdf.object.datatype.FloatingPoint;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Array;
import java.nio.file.Files;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * The course's HDF5 files ({@code train_catvnoncat.h5}, {@code test_catvnoncat.h5}), read with jhdf: exactly one
 * uint8 dataset named {@code *_set_x} of shape (m, h, w, c) or (m, k…), and its integer 0/1 labels
 * {@code *_set_y} of shape (m,) or (1, m); other datasets ({@code list_classes}) are ignored. Each sample is
 * flattened in numpy's {@code reshape(m, -1)} order (C order, the channel fastest: feature
 * {@code (row·w + col)·c + channel}), so the features equal the course's CSV exports. A file on another Hadoop
 * filesystem is copied to a local temporary file, which jhdf needs for random access, and deleted after. Every
 * problem with the file is an {@link InputDataException} at line 0, field 0, naming the dataset.
 */
public final class CourseHdf5 {
  private static final String FEATURES_SUFFIX = "_set_x";
  private static final String LABELS_SUFFIX = "_set_y";
  /** The most values one Java array holds: the pixels are read as one {@code int[]}. */
  private static final int MAX_VALUES = Integer.MAX_VALUE - 8;

  private CourseHdf5() {}

  /** The {@code *_set_x} dataset of a file: its name, numpy-style shape ("(209, 64, 64, 3)") and n[0]. */
  public record FeatureSet(String name, String shape, int numFeatures) {}

  /** Whether {@code path} names an HDF5 file: it ends in {@code .h5} or {@code .hdf5}, in any case. */
  public static boolean isHdf5(String path) {
    String lower = path.toLowerCase(Locale.ROOT);
    return lower.endsWith(".h5") || lower.endsWith(".hdf5");
  }

  /**
   * The file's feature dataset, from its metadata alone: the layout, types and shapes are checked, the pixels and
   * labels are not read.
   *
   * @throws InputDataException if the file is missing, unreadable or not laid out as the course's files are
   */
  public static FeatureSet featureSet(String path, Configuration conf) {
    return withLocalFile(path, conf, hdf -> {
      Contents contents = Contents.of(path, hdf);
      return new FeatureSet(contents.features.getName(), shape(contents.features), contents.numFeatures);
    });
  }

  /**
   * Reads every sample, in file order, into blocks of at most {@code blockColumns} samples, each feature scaled.
   *
   * @throws InputDataException if the file is missing, unreadable, not laid out as the course's files are, or
   *     holds a label other than 0 or 1
   */
  public static List<ColumnBlock> read(String path, Configuration conf, FeatureScaling scaling, int blockColumns) {
    if (blockColumns < 1) {
      throw new IllegalArgumentException("blocks need at least 1 column, found " + blockColumns);
    }
    return withLocalFile(path, conf, hdf -> Contents.of(path, hdf).blocks(scaling, blockColumns));
  }

  /** The two datasets of a file whose layout, types and shapes have been checked. */
  private static final class Contents {
    private final String file;
    private final Dataset features;
    private final Dataset labels;
    private final int numExamples;
    private final int numFeatures;

    private Contents(String file, Dataset features, Dataset labels, int numExamples, int numFeatures) {
      this.file = file;
      this.features = features;
      this.labels = labels;
      this.numExamples = numExamples;
      this.numFeatures = numFeatures;
    }

    static Contents of(String file, HdfFile hdf) {
      List<Dataset> datasets = new ArrayList<>();
      for (Node node : hdf) {
        if (node instanceof Dataset dataset) {
          datasets.add(dataset);
        }
      }
      List<Dataset> candidates = datasets.stream().filter(d -> d.getName().endsWith(FEATURES_SUFFIX)).toList();
      if (candidates.size() != 1) {
        throw InputDataException.ofFile(file, "a dataset named *" + FEATURES_SUFFIX, names(datasets));
      }
      Dataset x = candidates.get(0);
      String xName = x.getName();
      String yName = xName.substring(0, xName.length() - FEATURES_SUFFIX.length()) + LABELS_SUFFIX;
      Dataset y = datasets.stream().filter(d -> d.getName().equals(yName)).findFirst()
          .orElseThrow(() -> InputDataException.ofFile(file,
              "a dataset named " + yName + " (the labels of " + xName + ")", names(datasets)));
      int numFeatures = checkPixels(file, x);
      int m = x.getDimensions()[0];
      checkLabels(file, y, m, xName);
      checkComplete(file, hdf, x);
      checkComplete(file, hdf, y);
      return new Contents(file, x, y, m, numFeatures);
    }

    /** Checks the type and shape of the pixels; returns the features per sample. */
    private static int checkPixels(String file, Dataset x) {
      if (!(x.getDataType() instanceof FixedPoint pixel && pixel.getSize() == 1 && !pixel.isSigned())) {
        throw InputDataException.ofFile(file, "dtype uint8", "dtype " + dtype(x) + " (" + x.getName() + ")");
      }
      int[] dims = x.getDimensions();
      if (dims.length < 2 || Arrays.stream(dims).anyMatch(size -> size < 1)) {
        throw InputDataException.ofFile(file, "a shape (m, h, w, c) or (m, k…) with every size at least 1",
            "shape " + shape(x) + " (" + x.getName() + ")");
      }
      long values = dims[0];
      for (int i = 1; i < dims.length && values <= MAX_VALUES; i++) {
        values *= dims[i];
      }
      if (values > MAX_VALUES) {
        throw InputDataException.ofFile(file, "at most " + MAX_VALUES + " pixel values",
            "shape " + shape(x) + " (" + x.getName() + ")");
      }
      return (int) (values / dims[0]);
    }

    /** Checks the type and shape of the labels of m samples of {@code xName}. */
    private static void checkLabels(String file, Dataset y, int m, String xName) {
      if (!(y.getDataType() instanceof FixedPoint)) {
        throw InputDataException.ofFile(file, "integer labels", "dtype " + dtype(y) + " (" + y.getName() + ")");
      }
      int[] dims = y.getDimensions();
      if (!(Arrays.equals(dims, new int[] {m}) || Arrays.equals(dims, new int[] {1, m}))) {
        throw InputDataException.ofFile(file, "shape (" + m + ",) or (1, " + m + "), one label per sample of "
            + xName, "shape " + shape(y) + " (" + y.getName() + ")");
      }
    }

    /** The samples as blocks: the pixels flattened per sample as stored (C order), scaled; the labels checked. */
    List<ColumnBlock> blocks(FeatureScaling scaling, int blockColumns) {
      double[] y = labelValues();
      int[] pixels = (int[]) features.getDataFlat();
      List<ColumnBlock> blocks = new ArrayList<>();
      for (int from = 0; from < numExamples; from += blockColumns) {
        int to = Math.min(numExamples, from + blockColumns);
        double[] x = new double[(to - from) * numFeatures];
        int offset = from * numFeatures;
        for (int i = 0; i < x.length; i++) {
          x[i] = scaling.apply(pixels[offset + i]);
        }
        blocks.add(new ColumnBlock(numFeatures, x, Arrays.copyOfRange(y, from, to)));
      }
      return blocks;
    }

    private double[] labelValues() {
      Object flat = labels.getDataFlat();
      double[] y = new double[numExamples];
      for (int j = 0; j < numExamples; j++) {
        String value = String.valueOf(Array.get(flat, j));
        y[j] = switch (value) {
          case "0" -> 0.0;
          case "1" -> 1.0;
          default -> throw InputDataException.ofFile(file, "label 0 or 1",
              value + " (" + labels.getName() + "[" + j + "])");
        };
      }
      return y;
    }
  }

  /**
   * Refuses a contiguous dataset (the course's layout) whose data runs past the end of the file: jhdf would read
   * the missing bytes as zeros. Chunked data, scattered through the file, is not checked here. A dataset never
   * written (no address) reads as its fill value, as in h5py.
   */
  private static void checkComplete(String file, HdfFile hdf, Dataset dataset) {
    if (dataset instanceof ContiguousDataset contiguous && !dataset.isEmpty()) {
      long end = hdf.getUserBlockSize() + contiguous.getDataAddress() + dataset.getSizeInBytes();
      if (end > hdf.size()) {
        throw InputDataException.ofFile(file,
            "a file of at least " + end + " bytes (where the data of " + dataset.getName() + " ends)",
            hdf.size() + " bytes: the file is truncated");
      }
    }
  }

  /**
   * Runs {@code action} on the file opened with jhdf, from a local temporary copy when the path is not on the
   * local filesystem. Whatever jhdf throws on a damaged file becomes an {@link InputDataException}.
   */
  private static <T> T withLocalFile(String path, Configuration conf, Function<HdfFile, T> action) {
    Path hadoopPath = new Path(path);
    try {
      FileSystem fs = hadoopPath.getFileSystem(conf);
      Path qualified = fs.makeQualified(hadoopPath);
      if (fs.getFileStatus(qualified).isDirectory()) {
        throw InputDataException.ofFile(path, "an HDF5 file", "a directory");
      }
      if ("file".equals(qualified.toUri().getScheme())) {
        return open(path, java.nio.file.Path.of(qualified.toUri()), action);
      }
      java.nio.file.Path copy = Files.createTempFile("spark-dnn-", "-" + hadoopPath.getName());
      try {
        try (InputStream in = fs.open(qualified)) {
          Files.copy(in, copy, StandardCopyOption.REPLACE_EXISTING);
        }
        return open(path, copy, action);
      } finally {
        Files.deleteIfExists(copy);
      }
    } catch (FileNotFoundException e) {
      throw InputDataException.ofFile(path, "an existing file", "nothing at that path");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + path + ": " + e.getMessage(), e);
    }
  }

  private static <T> T open(String path, java.nio.file.Path local, Function<HdfFile, T> action) {
    try (HdfFile hdf = new HdfFile(local)) {
      return action.apply(hdf);
    } catch (InputDataException e) {
      throw e;
    } catch (RuntimeException e) {
      // jhdf reports damage with HdfException, but also with IllegalStateException, ArithmeticException, …
      throw InputDataException.ofFile(path, "an HDF5 file jhdf can read",
          "a file it cannot (" + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage())
              + ")");
    }
  }

  /** numpy's notation: "(209, 64, 64, 3)", "(209,)". */
  private static String shape(Dataset dataset) {
    int[] dims = dataset.getDimensions();
    String sizes = Arrays.stream(dims).mapToObj(Integer::toString).collect(Collectors.joining(", "));
    return "(" + sizes + (dims.length == 1 ? ",)" : ")");
  }

  /** numpy's names where they apply: "uint8", "int64", "float64"; else jhdf's class name. */
  private static String dtype(Dataset dataset) {
    DataType type = dataset.getDataType();
    int bits = type.getSize() * 8;
    if (type instanceof FixedPoint fixed) {
      return (fixed.isSigned() ? "int" : "uint") + bits;
    }
    if (type instanceof FloatingPoint) {
      return "float" + bits;
    }
    return type.getClass().getSimpleName();
  }

  private static String names(List<Dataset> datasets) {
    if (datasets.isEmpty()) {
      return "no dataset";
    }
    return datasets.stream().map(Dataset::getName).sorted().collect(Collectors.joining(", ", "datasets [", "]"));
  }
}

package org.sparkdnn.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Weka's ARFF files as the examples of Debian's {@code weka} package write them: numeric attributes
 * ({@code numeric}, {@code real}, {@code integer}), then a nominal class attribute of two values, last; dense
 * {@code @data} rows; {@code %} comments. Anything else (a missing value {@code ?}, sparse rows, string or date
 * attributes) is an error naming the file and line, since the benchmark's data sets have none.
 */
final class Arff {
  private Arff() {}

  /** The samples of {@code file}, label 1 for the class value {@code positiveClass}. */
  static LabelledTable read(Path file, String positiveClass) throws Exception {
    return parse(Files.readAllLines(file), file.toString(), positiveClass);
  }

  /**
   * The samples of ARFF text {@code lines}, read from {@code source} (named in errors).
   *
   * @throws IllegalArgumentException naming the source and line of what is not as the class comment says
   */
  static LabelledTable parse(List<String> lines, String source, String positiveClass) {
    int attributes = 0;
    List<String> classValues = null;
    boolean data = false;
    List<double[]> rows = new ArrayList<>();
    List<Integer> labels = new ArrayList<>();
    for (int number = 1; number <= lines.size(); number++) {
      String line = lines.get(number - 1).strip();
      if (line.isEmpty() || line.startsWith("%")) {
        continue;
      }
      String where = source + ":" + number + ": ";
      String lower = line.toLowerCase(Locale.ROOT);
      if (!data && lower.startsWith("@relation")) {
        continue;
      }
      if (!data && lower.startsWith("@attribute")) {
        if (classValues != null) {
          throw new IllegalArgumentException(where + "expected the class attribute last, found another after it");
        }
        String type = attributeType(line.substring("@attribute".length()).strip(), where);
        if (type.startsWith("{")) {
          classValues = nominalValues(type, where);
        } else if (List.of("numeric", "real", "integer").contains(type.toLowerCase(Locale.ROOT))) {
          attributes++;
        } else {
          throw new IllegalArgumentException(where + "expected a numeric or nominal attribute, found " + type);
        }
        continue;
      }
      if (!data && lower.startsWith("@data")) {
        if (classValues == null || attributes == 0) {
          throw new IllegalArgumentException(where + "expected numeric attributes and a nominal class attribute "
              + "before @data, found " + attributes + " numeric and " + (classValues == null ? "no" : "a")
              + " class attribute");
        }
        if (!classValues.contains(positiveClass)) {
          throw new IllegalArgumentException(where + "expected the class value " + positiveClass + ", found "
              + classValues);
        }
        data = true;
        continue;
      }
      if (!data) {
        throw new IllegalArgumentException(where + "expected @relation, @attribute or @data, found " + line);
      }
      String[] fields = line.split(",", -1);
      if (fields.length != attributes + 1) {
        throw new IllegalArgumentException(where + "expected " + (attributes + 1) + " values, found "
            + fields.length + (line.startsWith("{") ? " (sparse rows are not read)" : ""));
      }
      double[] row = new double[attributes];
      for (int i = 0; i < attributes; i++) {
        row[i] = number(fields[i].strip(), where, i);
      }
      String value = unquoted(fields[attributes].strip());
      if (!classValues.contains(value)) {
        throw new IllegalArgumentException(where + "expected a class value of " + classValues + ", found '"
            + value + "'");
      }
      rows.add(row);
      labels.add(value.equals(positiveClass) ? 1 : 0);
    }
    if (!data || rows.isEmpty()) {
      throw new IllegalArgumentException(source + ": expected @data and rows, found " + (data ? "no rows" : "none"));
    }
    String negative = classValues.get(classValues.get(0).equals(positiveClass) ? 1 : 0);
    return new LabelledTable(rows.toArray(double[][]::new), labels.stream().mapToInt(Integer::intValue).toArray(),
        positiveClass, negative);
  }

  /** The type of "NAME TYPE" or "'NAME' TYPE". */
  private static String attributeType(String nameAndType, String where) {
    int end;
    if (nameAndType.startsWith("'") || nameAndType.startsWith("\"")) {
      end = nameAndType.indexOf(nameAndType.charAt(0), 1) + 1;
      if (end == 0) {
        throw new IllegalArgumentException(where + "expected a closing quote, found " + nameAndType);
      }
    } else {
      end = nameAndType.split("\\s+", 2)[0].length();
    }
    String type = nameAndType.substring(end).strip();
    if (type.isEmpty()) {
      throw new IllegalArgumentException(where + "expected a name and a type, found " + nameAndType);
    }
    return type;
  }

  /** "{ a, b}" to [a, b]: the class of a binary classifier has exactly two. */
  private static List<String> nominalValues(String type, String where) {
    if (!type.endsWith("}")) {
      throw new IllegalArgumentException(where + "expected {value, value}, found " + type);
    }
    List<String> values = new ArrayList<>();
    for (String value : type.substring(1, type.length() - 1).split(",")) {
      values.add(unquoted(value.strip()));
    }
    if (values.size() != 2) {
      throw new IllegalArgumentException(where + "expected a class of two values, found " + values);
    }
    return values;
  }

  private static String unquoted(String value) {
    boolean quoted = value.length() >= 2 && (value.charAt(0) == '\'' || value.charAt(0) == '"')
        && value.charAt(value.length() - 1) == value.charAt(0);
    return quoted ? value.substring(1, value.length() - 1) : value;
  }

  private static double number(String field, String where, int column) {
    if (field.equals("?")) {
      throw new IllegalArgumentException(where + "expected a number in column " + column + ", found a missing "
          + "value (?)");
    }
    try {
      double value = Double.parseDouble(field);
      if (Double.isFinite(value)) {
        return value;
      }
    } catch (NumberFormatException e) {
      // reported below with the line
    }
    throw new IllegalArgumentException(where + "expected a finite number in column " + column + ", found '"
        + field + "'");
  }
}

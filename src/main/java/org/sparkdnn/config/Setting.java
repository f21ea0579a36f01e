package org.sparkdnn.config;

import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * One option, declared once: its long name ({@code learning-rate}), value {@link Kind}, default or required, the
 * label and one-line description of {@code --help}, how a value is checked and made canonical, and whether (under
 * which JSON key) it is recorded in model.json, metrics.json and checkpoints and compared when resuming. The
 * command line, {@code --config} files, the recorded configuration and the README's tables derive from these.
 *
 * @param <T> the value's type
 */
public final class Setting<T> {
  private final String name;
  private final Kind<T> kind;
  private final String label;
  private final String description;
  private final String defaultText;
  private final boolean required;
  private final String key;
  private final boolean compared;
  private final UnaryOperator<T> canonical;

  private Setting(String name, Kind<T> kind, String label, String description, String defaultText,
      boolean required, String key, boolean compared, UnaryOperator<T> canonical) {
    this.name = name;
    this.kind = kind;
    this.label = label;
    this.description = description;
    this.defaultText = defaultText;
    this.required = required;
    this.key = key;
    this.compared = compared;
    this.canonical = canonical;
  }

  /** An optional setting without a default, not recorded; refine it with the methods below. */
  public static <T> Setting<T> of(String name, Kind<T> kind, String label, String description) {
    return new Setting<>(name, kind, label, description, null, false, null, false, v -> v);
  }

  /** A flag: off unless given. */
  public static Setting<Boolean> flag(String name, String description) {
    return of(name, Kind.FLAG, null, description).defaultValue("false");
  }

  /** This setting with a default, written as on the command line. */
  public Setting<T> defaultValue(String text) {
    return new Setting<>(name, kind, label, description, text, false, key, compared, canonical);
  }

  /** This setting, required. */
  public Setting<T> required() {
    return new Setting<>(name, kind, label, description, null, true, key, compared, canonical);
  }

  /** This setting recorded under {@code jsonKey} and compared when a run resumes from a checkpoint. */
  public Setting<T> recorded(String jsonKey) {
    return new Setting<>(name, kind, label, description, defaultText, required, jsonKey, true, canonical);
  }

  /** This recorded setting, which a resumed run may change (the data paths, the fingerprint stands for them). */
  public Setting<T> notCompared() {
    return new Setting<>(name, kind, label, description, defaultText, required, key, false, canonical);
  }

  /**
   * This setting with {@code check} applied to every value given: it returns the canonical value (the recorded
   * one) or throws {@link IllegalArgumentException} saying what was expected, which {@link #check} prefixes
   * with the option's name.
   */
  public Setting<T> checked(UnaryOperator<T> check) {
    return new Setting<>(name, kind, label, description, defaultText, required, key, compared, check);
  }

  /** "learning-rate": the key of a {@code --config} file. */
  public String name() {
    return name;
  }

  /** "--learning-rate". */
  public String option() {
    return "--" + name;
  }

  public Kind<T> kind() {
    return kind;
  }

  /** The value's placeholder in {@code --help} ("ALPHA"); null for a flag. */
  public String label() {
    return label;
  }

  public String description() {
    return description;
  }

  /** The default as the command line writes it; null when there is none. */
  public String defaultText() {
    return defaultText;
  }

  public boolean isRequired() {
    return required;
  }

  /** The JSON key of the recorded configuration ("learning_rate"); null when not recorded. */
  public String key() {
    return key;
  }

  public boolean isRecorded() {
    return key != null;
  }

  /** Whether a checkpoint written with another value of it is refused by {@code --resume}. */
  public boolean isCompared() {
    return compared;
  }

  /** The default's value; null when there is none. */
  public T defaultValue() {
    return defaultText == null ? null : kind.fromText(defaultText);
  }

  /**
   * The canonical form of {@code value}; null (not given) stays null.
   *
   * @throws IllegalArgumentException "--name: expected …", if the value is not valid
   */
  public T check(T value) {
    if (value == null) {
      return null;
    }
    try {
      return canonical.apply(value);
    } catch (IllegalArgumentException e) {
      throw named(e.getMessage(), e);
    }
  }

  /**
   * The checked, canonical value of what picocli parsed ({@link Kind#cliType()}); null stays null.
   *
   * @throws IllegalArgumentException "--name: expected …", if the value is not valid
   */
  public T fromCli(Object raw) {
    try {
      return check(kind.fromCli(raw));
    } catch (IllegalArgumentException e) {
      throw named(e.getMessage(), e);
    }
  }

  /** An error about this option: "--name: message", unless the message already starts with the name. */
  public IllegalArgumentException named(String message, Exception cause) {
    String text = message.startsWith(option()) ? message : option() + ": " + message;
    return new IllegalArgumentException(text, cause);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Setting<?> other && name.equals(other.name);
  }

  @Override
  public int hashCode() {
    return Objects.hash(name);
  }

  @Override
  public String toString() {
    return option();
  }
}

package org.sparkdnn.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Checked values of a command family's settings, immutable: each the canonical value given, or the default.
 * Array values are copied in and out.
 */
public final class SettingValues {
  private final List<Setting<?>> settings;
  private final Map<Setting<?>, Object> values;

  private SettingValues(List<Setting<?>> settings, Map<Setting<?>, Object> values) {
    this.settings = List.copyOf(settings);
    this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
  }

  /** No value given: every setting at its default. */
  public static SettingValues defaults(List<Setting<?>> settings) {
    return new SettingValues(settings, Map.of());
  }

  /** The settings of the family, in declaration order. */
  public List<Setting<?>> settings() {
    return settings;
  }

  /** The value given, or the default (null for none). */
  public <T> T get(Setting<T> setting) {
    Object value = values.containsKey(setting) ? values.get(setting) : setting.defaultValue();
    return setting.kind().copy(setting.kind().cast(value));
  }

  /** Whether a value was given (a default was not used). */
  public boolean isSet(Setting<?> setting) {
    return values.containsKey(setting);
  }

  /**
   * These values with {@code setting} = {@code value}, checked and made canonical.
   *
   * @throws IllegalArgumentException "--name: expected …", or if {@code setting} is not of this family
   */
  public <T> SettingValues with(Setting<T> setting, T value) {
    return withChecked(setting, setting.kind().copy(setting.check(value)));
  }

  /** These values with what picocli parsed for {@code setting} (a value of {@link Kind#cliType()}). */
  public SettingValues withParsed(Setting<?> setting, Object raw) {
    return withParsedValue(setting, raw);
  }

  private <T> SettingValues withParsedValue(Setting<T> setting, Object raw) {
    return withChecked(setting, setting.fromCli(raw));
  }

  private <T> SettingValues withChecked(Setting<T> setting, T checked) {
    if (!settings.contains(setting)) {
      throw new IllegalArgumentException(setting + ": not a setting of this command, expected one of " + settings);
    }
    Map<Setting<?>, Object> copy = new LinkedHashMap<>(values);
    copy.put(setting, checked);
    return new SettingValues(settings, copy);
  }

  /**
   * The recorded settings as JSON values under their keys, in declaration order: what model.json, metrics.json,
   * the manifest and checkpoints hold as {@code config}.
   */
  public Map<String, Object> toJson() {
    Map<String, Object> json = new LinkedHashMap<>();
    for (Setting<?> setting : settings) {
      if (setting.isRecorded()) {
        json.put(setting.key(), jsonOf(setting));
      }
    }
    return json;
  }

  /**
   * The recorded settings of {@code settings} as {@code json} holds them; a key it lacks (a file written before
   * the setting existed) leaves the default.
   *
   * @throws IllegalArgumentException naming the key, if a value is not of the setting's kind or not valid
   */
  public static SettingValues fromJson(List<Setting<?>> settings, Map<String, ?> json) {
    SettingValues values = defaults(settings);
    for (Setting<?> setting : settings) {
      if (setting.isRecorded() && json.containsKey(setting.key())) {
        values = values.withJson(setting, json.get(setting.key()));
      }
    }
    return values;
  }

  private <T> SettingValues withJson(Setting<T> setting, Object json) {
    T value;
    try {
      value = setting.kind().fromJson(json);
    } catch (ClassCastException e) {
      throw new IllegalArgumentException("expected \"config." + setting.key() + "\" to be a " + setting.kind()
          + ", found " + json, e);
    }
    return withChecked(setting, setting.check(value));
  }

  /**
   * How {@code now} differs from these values in the recorded settings that are compared on resume, in
   * declaration order.
   */
  public List<ConfigDifference> differencesTo(SettingValues now) {
    return settings.stream().filter(s -> s.isRecorded() && s.isCompared())
        .filter(s -> !Objects.equals(jsonOf(s), now.jsonOf(s)))
        .map(s -> new ConfigDifference(s, jsonOf(s), now.jsonOf(s))).toList();
  }

  private <T> Object jsonOf(Setting<T> setting) {
    return setting.kind().toJson(get(setting));
  }

  /** Every setting's value as JSON, by option name: what equality compares. */
  private Map<String, Object> all() {
    Map<String, Object> all = new LinkedHashMap<>();
    settings.forEach(setting -> all.put(setting.name(), jsonOf(setting)));
    return all;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SettingValues other && all().equals(other.all());
  }

  @Override
  public int hashCode() {
    return all().hashCode();
  }
}

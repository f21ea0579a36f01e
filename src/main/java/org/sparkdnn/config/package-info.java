/**
 * The settings of every command, declared once as {@link org.sparkdnn.config.Setting}s: name, kind, default,
 * description, check, and whether the recorded configuration holds it and a resumed run must match it. The
 * command line, {@code --config} files, conf/spark-dnn.properties, the README's table and the {@code config} of
 * model.json, metrics.json, manifest.json and checkpoints all derive from them; {@link
 * org.sparkdnn.config.TrainingConfig} is one run's checked, immutable values.
 */
package org.sparkdnn.config;

package org.sparkdnn.bench;

/**
 * The floating-point precision of a case: the product's {@link org.sparkdnn.model.Precision} and the bytes of one
 * cached feature, so that the cached size is judged against the right 8·n·m or 4·n·m bytes.
 */
enum Precision {
  FLOAT64(8, org.sparkdnn.model.Precision.FLOAT64),
  FLOAT32(4, org.sparkdnn.model.Precision.FLOAT32);

  final int bytes;
  final org.sparkdnn.model.Precision product;

  Precision(int bytes, org.sparkdnn.model.Precision product) {
    this.bytes = bytes;
    this.product = product;
  }

  String label() {
    return product.label();
  }
}

package org.revtrace.app.bench;

import java.util.Arrays;

/** Warm-up then measured runs of a task; reports the median, min and max in milliseconds. */
record Timing(double medianMillis, double minMillis, double maxMillis, int runs) {

  interface Task {
    void run() throws Exception;
  }

  static Timing measure(int warmups, int runs, Task task) throws Exception {
    for (int i = 0; i < warmups; i++) {
      task.run();
    }
    double[] millis = new double[runs];
    for (int i = 0; i < runs; i++) {
      long start = System.nanoTime();
      task.run();
      millis[i] = (System.nanoTime() - start) / 1e6;
    }
    Arrays.sort(millis);
    double median =
        runs % 2 == 1 ? millis[runs / 2] : (millis[runs / 2 - 1] + millis[runs / 2]) / 2;
    return new Timing(median, millis[0], millis[runs - 1], runs);
  }
}

package org.socius.bench;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** CPU time and memory of processes, read from /proc (Linux), for the benchmark's report. */
final class NodeStats {

  /** Clock ticks per second of /proc/&lt;pid&gt;/stat; 100 on every common Linux build. */
  private static final double TICKS = 100.0;

  private NodeStats() {}

  /** User plus system CPU time the process has used so far. */
  static Duration cpu(long pid) {
    return ProcessHandle.of(pid).flatMap(h -> h.info().totalCpuDuration()).orElse(Duration.ZERO);
  }

  /** A memory figure of /proc/&lt;pid&gt;/status in MiB (VmHWM: peak resident, VmRSS: resident now); -1 when unknown. */
  static long mib(long pid, String field) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
        if (line.startsWith(field + ":")) {
          return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
        }
      }
    } catch (IOException | NumberFormatException e) {
      // the process is gone
    }
    return -1;
  }

  /** Busy and total CPU time of the whole machine so far, in seconds (all cores), from /proc/stat. */
  static double[] machine() {
    try {
      String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
      double total = 0;
      for (int i = 1; i < f.length && i <= 8; i++) {
        total += Long.parseLong(f[i]);
      }
      double idle = Long.parseLong(f[4]) + Long.parseLong(f[5]);
      return new double[] {(total - idle) / TICKS, total / TICKS};
    } catch (IOException | RuntimeException e) {
      return new double[] {0, 0};
    }
  }

  /**
   * CPU seconds used so far by every process named {@code postgres} on the machine (the server
   * and its backends, whoever they serve); backends that exit take their share with them.
   */
  static double postgresCpu() {
    double ticks = 0;
    try (DirectoryStream<Path> procs = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
      for (Path p : procs) {
        try {
          String stat = Files.readString(p.resolve("stat"));
          int open = stat.indexOf('(');
          int close = stat.lastIndexOf(')');
          if (open < 0 || close < 0 || !stat.substring(open + 1, close).equals("postgres")) {
            continue;
          }
          String[] f = stat.substring(close + 2).split(" ");
          ticks += Long.parseLong(f[11]) + Long.parseLong(f[12]); // utime, stime
        } catch (IOException | RuntimeException gone) {
          // exited meanwhile
        }
      }
    } catch (IOException e) {
      return 0;
    }
    return ticks / TICKS;
  }

  static String loadAverage() {
    try {
      List<String> parts = List.of(Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+"));
      return String.join(" ", parts.subList(0, 3));
    } catch (IOException e) {
      return "?";
    }
  }
}

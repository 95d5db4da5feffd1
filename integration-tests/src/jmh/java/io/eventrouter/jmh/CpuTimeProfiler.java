package io.eventrouter.jmh;

import java.lang.management.ManagementFactory;
import java.util.Collection;
import java.util.List;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.profile.InternalProfiler;
import org.openjdk.jmh.results.AggregationPolicy;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.ScalarResult;

/**
 * CPU time of the benchmark JVM per operation, JIT and GC threads included. On a machine that
 * other work shares, the wall-clock score drops whenever the benchmark thread waits for a core;
 * CPU time per operation hardly does, so {@code cpu.ops/s} (operations per CPU-second) compares
 * single-threaded runs taken under different load. {@code cpu.util} is the cores the JVM got.
 *
 * <p>{@code java -jar benchmarks.jar -prof io.eventrouter.jmh.CpuTimeProfiler}
 */
public final class CpuTimeProfiler implements InternalProfiler {
    private final com.sun.management.OperatingSystemMXBean os =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private long cpuStart;
    private long wallStart;

    @Override
    public String getDescription() {
        return "Process CPU time per operation (robust to other load on the machine)";
    }

    @Override
    public void beforeIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams) {
        cpuStart = os.getProcessCpuTime();
        wallStart = System.nanoTime();
    }

    @Override
    public Collection<? extends Result> afterIteration(BenchmarkParams benchmarkParams,
            IterationParams iterationParams, IterationResult result) {
        long cpu = os.getProcessCpuTime() - cpuStart;
        long wall = System.nanoTime() - wallStart;
        long ops = result.getMetadata().getMeasuredOps();
        if (ops <= 0 || cpu <= 0) {
            return List.of();
        }
        double cpuPerOp = (double) cpu / ops;
        return List.of(
                new ScalarResult("cpu.ns/op", cpuPerOp, "ns/op", AggregationPolicy.AVG),
                new ScalarResult("cpu.ops/s", 1e9 / cpuPerOp, "ops/s", AggregationPolicy.AVG),
                new ScalarResult("cpu.util", (double) cpu / wall, "cores", AggregationPolicy.AVG));
    }
}

package io.eventrouter.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What the report says about the machine, and the operating-system limits the plan respects. */
final class MachineInfo {
    private static final Pattern OPEN_FILES = Pattern.compile("Max open files\\s+(\\d+|unlimited)\\s+(\\d+|unlimited)");
    private static final Pattern MEM_TOTAL = Pattern.compile("MemTotal:\\s+(\\d+) kB");
    private static final Pattern CPU_MODEL = Pattern.compile("model name\\s*:\\s*(.+)");
    private static final long DEFAULT_PORTS = 28_232;

    private MachineInfo() {}

    static Map<String, Object> describe() {
        Map<String, Object> machine = new LinkedHashMap<>();
        machine.put("cores", Runtime.getRuntime().availableProcessors());
        machine.put("cpu", match(read("/proc/cpuinfo"), CPU_MODEL, "unknown"));
        String memKb = match(read("/proc/meminfo"), MEM_TOTAL, null);
        machine.put("memory_mb", memKb == null ? -1 : Long.parseLong(memKb) / 1024);
        machine.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                + System.getProperty("os.arch"));
        machine.put("jvm", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
        machine.put("open_files_limit", openFileLimit());
        machine.put("ephemeral_ports", ephemeralPorts());
        return machine;
    }

    /**
     * The hard limit on open files, which the JVM raises its own soft limit to (and so do the
     * server JVMs); each connection costs one descriptor on each side.
     */
    static long openFileLimit() {
        Matcher m = OPEN_FILES.matcher(read("/proc/self/limits"));
        if (!m.find()) {
            return 4096;
        }
        return "unlimited".equals(m.group(2)) ? Long.MAX_VALUE : Long.parseLong(m.group(2));
    }

    /** Size of the ephemeral port range, from {@code /proc/sys/net/ipv4/ip_local_port_range}. */
    static long ephemeralPorts() {
        String[] range = read("/proc/sys/net/ipv4/ip_local_port_range").trim().split("\\s+");
        try {
            return Long.parseLong(range[1]) - Long.parseLong(range[0]) + 1;
        } catch (RuntimeException unreadable) {
            return DEFAULT_PORTS;
        }
    }

    /**
     * How many loopback source addresses {@code connections} connections need so that no single
     * address uses more than half of the ephemeral port range.
     */
    static int sourceAddressesFor(int connections) {
        long perAddress = Math.max(1, ephemeralPorts() / 2);
        return (int) Math.max(1, (connections + perAddress - 1) / perAddress);
    }

    private static String read(String file) {
        try {
            return Files.readString(Path.of(file));
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }

    private static String match(String text, Pattern pattern, String otherwise) {
        Matcher m = pattern.matcher(text);
        return m.find() ? m.group(1).trim() : otherwise;
    }
}

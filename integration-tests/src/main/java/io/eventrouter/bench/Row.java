package io.eventrouter.bench;

/**
 * One line of the results table: a figure for the router and for the raw baseline, their
 * ratio, the target it is held to (if any) and whether it passed. {@code pass} is false when
 * either server lost, duplicated or reordered events, whatever the figures.
 */
record Row(String scenario, String metric, Unit unit, double router, double raw, String target, Boolean pass,
        String note) {

    /** How a figure is printed. */
    enum Unit {
        PER_SECOND, MICROS, CPU_MICROS, KILOBYTES, COUNT, SECONDS
    }

    /** Router divided by raw; NaN when either is missing or raw is zero. */
    double ratio() {
        return raw == 0 || Double.isNaN(raw) || Double.isNaN(router) ? Double.NaN : router / raw;
    }

    /** The row for a figure both servers report, held to {@code target}. */
    static Row compare(String scenario, String metric, Unit unit, String figure, Measurement router,
            Measurement raw, Target target) {
        double r = router.get(figure);
        double b = raw.get(figure);
        Boolean pass = !(router.correct() && raw.correct()) ? Boolean.FALSE
                : target.isNone() ? null : Boolean.valueOf(target.met(r, b));
        return new Row(scenario, metric, unit, r, b, target.describe(), pass, problems(router, raw));
    }

    static String problems(Measurement router, Measurement raw) {
        String r = router.problem();
        String b = raw.problem();
        if (r == null && b == null) {
            return null;
        }
        return (r == null ? "" : "router: " + r) + (r != null && b != null ? "; " : "") + (b == null ? "" : "raw: " + b);
    }

    /** What a row is held to. */
    interface Target {
        boolean isNone();

        boolean met(double router, double raw);

        String describe();

        static Target none() {
            return new Target() {
                @Override
                public boolean isNone() {
                    return true;
                }

                @Override
                public boolean met(double router, double raw) {
                    return true;
                }

                @Override
                public String describe() {
                    return "";
                }
            };
        }

        /** Router at least {@code ratio} times raw (throughput). */
        static Target atLeastRatio(double ratio) {
            return simple(String.format(java.util.Locale.ROOT, ">= %.0f%% of raw", ratio * 100),
                    (router, raw) -> raw > 0 && router / raw >= ratio);
        }

        /** Router at most {@code ratio} times raw (latency, memory). */
        static Target atMostRatio(double ratio) {
            return simple(String.format(java.util.Locale.ROOT, "<= %.1fx raw", ratio),
                    (router, raw) -> raw > 0 && router / raw <= ratio);
        }

        /** Router figure at least {@code minimum}, whatever raw did. */
        static Target atLeast(double minimum, String text) {
            return simple(text, (router, raw) -> router >= minimum);
        }

        private static Target simple(String text, java.util.function.BiPredicate<Double, Double> test) {
            return new Target() {
                @Override
                public boolean isNone() {
                    return false;
                }

                @Override
                public boolean met(double router, double raw) {
                    return !Double.isNaN(router) && test.test(router, raw);
                }

                @Override
                public String describe() {
                    return text;
                }
            };
        }
    }
}

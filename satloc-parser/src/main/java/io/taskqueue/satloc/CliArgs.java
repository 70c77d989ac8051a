package io.taskqueue.satloc;

/** Parsed command line of {@link SatlocCli}; {@link #parse} throws on anything unexpected. */
record CliArgs(String file, boolean json, String svg, String job, boolean checksums, boolean strict,
        String simulate, long seed, boolean help) {

    static CliArgs parse(String[] args) {
        String file = null;
        boolean json = false;
        String svg = null;
        String job = null;
        boolean checksums = true;
        boolean strict = false;
        String simulate = null;
        long seed = 42;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--json" -> json = true;
                case "--svg" -> svg = value(args, ++i, a);
                case "--job" -> job = value(args, ++i, a);
                case "--no-checksums" -> checksums = false;
                case "--strict" -> strict = true;
                case "--simulate" -> simulate = value(args, ++i, a);
                case "--seed" -> {
                    try {
                        seed = Long.parseLong(value(args, ++i, a));
                    } catch (NumberFormatException e) {
                        throw new IllegalArgumentException("--seed needs a whole number");
                    }
                }
                case "-h", "--help" -> {
                    return new CliArgs(null, false, null, null, true, false, null, seed, true);
                }
                default -> {
                    if (a.startsWith("--") || file != null) {
                        throw new IllegalArgumentException("unexpected argument '" + a + "'");
                    }
                    file = a;
                }
            }
        }
        if ((file == null) == (simulate == null)) {
            throw new IllegalArgumentException(simulate == null ? "missing FILE.log" : "give either FILE.log or --simulate");
        }
        return new CliArgs(file != null ? file : simulate, json, svg, job, checksums, strict, simulate, seed, false);
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[i];
    }
}

package org.rfcbridge.benchmarks;

import org.rfcbridge.api.RfcException;
import org.rfcbridge.api.data.Function;
import org.rfcbridge.simulators.samples.SampleFunctions;

/** The benchmarks' small call, STFC_CONNECTION, and how a call that fails ends a run. */
public final class BenchCalls {
    /** What the small call sends, and so what its answer echoes. */
    public static final String REQUTEXT = "Hello cloud";

    private BenchCalls() {
    }

    /** A call that must succeed: a failure ends the run, since its figures would mean nothing. */
    @FunctionalInterface
    public interface Call {
        void run() throws RfcException;
    }

    /** Runs the call; a failure becomes an unchecked one. */
    public static void call(Call call) {
        try {
            call.run();
        } catch (RfcException e) {
            throw new IllegalStateException("a benchmark call failed: " + e.getMessage(), e);
        }
    }

    /** The small call the load issue names. */
    public static Function connection() {
        Function f = SampleFunctions.STFC_CONNECTION.newFunction();
        f.imports().setValue("REQUTEXT", REQUTEXT);
        return f;
    }
}

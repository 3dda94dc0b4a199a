package org.rfcbridge.simulators.samples;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import org.rfcbridge.api.FunctionRepository;
import org.rfcbridge.api.RfcDestination;
import org.rfcbridge.api.RfcException;
import org.rfcbridge.api.data.Function;
import org.rfcbridge.api.metadata.FunctionMetadata;

/**
 * A destination and repository in this JVM that runs the sample functions: what routing, the
 * listener and their tests call where the cloud system does not matter. It can be told to fail with
 * any error or to take its time, for tests of what the caller then sees.
 */
public final class SampleDestination implements RfcDestination, FunctionRepository {
    private final String name;
    private final String systemId;
    private final AtomicInteger pings = new AtomicInteger();
    private volatile RfcException failure;
    private volatile Duration delay = Duration.ZERO;

    /** A destination with the given name whose STFC_CONNECTION answers with the given system ID. */
    public SampleDestination(String name, String systemId) {
        this.name = name;
        this.systemId = systemId;
    }

    /** Every call fails with this error from now on ({@code null}: calls work again). */
    public void failWith(RfcException error) {
        failure = error;
    }

    /** Every call takes at least this long. */
    public void delay(Duration duration) {
        delay = duration;
    }

    /** How often {@link #ping()} was called. */
    public int pings() {
        return pings.get();
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void execute(Function function) throws RfcException {
        if (!delay.isZero()) {
            try {
                Thread.sleep(delay.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        RfcException error = failure;
        if (error != null) {
            throw error;
        }
        SampleImplementations.execute(function, systemId);
    }

    @Override
    public Duration ping() {
        pings.incrementAndGet();
        return Duration.ZERO;
    }

    @Override
    public FunctionRepository repository() {
        return this;
    }

    @Override
    public Optional<FunctionMetadata> getFunctionMetadata(String functionName) {
        return Optional.ofNullable(SampleFunctions.all().get(functionName));
    }

    @Override
    public void invalidate(String functionName) {
        // nothing cached: the samples are constants
    }

    @Override
    public void invalidateAll() {
        // nothing cached
    }
}

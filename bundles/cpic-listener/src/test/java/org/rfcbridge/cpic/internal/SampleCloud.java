package org.rfcbridge.cpic.internal;

import java.time.Duration;

import org.rfcbridge.api.FunctionRepository;
import org.rfcbridge.api.RfcDestination;
import org.rfcbridge.api.RfcException;
import org.rfcbridge.api.data.Function;
import org.rfcbridge.simulators.samples.SampleDestination;

/** The sample cloud as a destination whose behaviour a test changes where it needs to (slow, streaming, failing). */
class SampleCloud implements RfcDestination {
    final SampleDestination sample = new SampleDestination("Connection_to_Cloud", "CLD");

    @Override
    public String name() {
        return sample.name();
    }

    @Override
    public void execute(Function function) throws RfcException {
        sample.execute(function);
    }

    @Override
    public Duration ping() {
        return sample.ping();
    }

    @Override
    public FunctionRepository repository() {
        return sample.repository();
    }
}

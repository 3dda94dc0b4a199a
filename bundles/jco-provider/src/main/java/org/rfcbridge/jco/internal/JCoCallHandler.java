package org.rfcbridge.jco.internal;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import com.sap.conn.jco.AbapClassException;
import com.sap.conn.jco.JCoAttributes;
import com.sap.conn.jco.JCoFunction;
import com.sap.conn.jco.server.JCoServerContext;
import com.sap.conn.jco.server.JCoServerFunctionHandler;
import com.sap.conn.jco.server.JCoServerFunctionHandlerFactory;

import org.rfcbridge.api.AbapException;
import org.rfcbridge.api.CallContext;
import org.rfcbridge.api.CallRouter;
import org.rfcbridge.api.ListenerStatistics;
import org.rfcbridge.api.RfcDestination;
import org.rfcbridge.api.RfcException;
import org.rfcbridge.api.data.Function;
import org.rfcbridge.api.metadata.FunctionMetadata;

/**
 * The JCo listener's handler of every call: the caller's logon attributes and the function name make
 * the routing context, as for the native listener; the routed destination executes; the reply or the
 * error goes back through JCo. An ABAP exception is raised as JCo's {@code AbapException}; any other
 * failure as an unchecked exception, which JCo returns to the caller as SYSTEM_FAILURE with its text.
 */
final class JCoCallHandler implements JCoServerFunctionHandlerFactory, JCoServerFunctionHandler {
    private final String programId;
    private final Supplier<CallRouter> router;
    private final Map<String, FunctionMetadata> metadata = new ConcurrentHashMap<>();
    private final AtomicLong calls = new AtomicLong();
    private final AtomicLong errors = new AtomicLong();
    private final AtomicInteger busy = new AtomicInteger();
    private final AtomicInteger peakBusy = new AtomicInteger();

    JCoCallHandler(String programId, Supplier<CallRouter> router) {
        this.programId = programId;
        this.router = router;
    }

    @Override
    public JCoServerFunctionHandler getCallHandler(JCoServerContext context, String functionName) {
        return this;
    }

    @Override
    public void sessionClosed(JCoServerContext context, String message, boolean error) {
        // calls are stateless here: nothing is kept per session
    }

    @Override
    public void handleRequest(JCoServerContext context, JCoFunction jco)
            throws com.sap.conn.jco.AbapException, AbapClassException {
        calls.incrementAndGet();
        peakBusy.accumulateAndGet(busy.incrementAndGet(), Math::max);
        try {
            JCoAttributes caller = context.getConnectionAttributes();
            String receiver = caller.getDestination() == null || caller.getDestination().isBlank() ? programId
                    : caller.getDestination();
            CallContext call = new CallContext(caller.getSystemID(), caller.getClient(), receiver, jco.getName(),
                    caller.getUser(), caller.getLanguage());
            CallRouter callRouter = router.get();
            if (callRouter == null) {
                throw new IllegalStateException("routing is not running: no rule can take " + jco.getName());
            }
            RfcDestination destination = callRouter.route(call);
            Function function = metadata.computeIfAbsent(jco.getName(),
                    name -> JCoMetadata.function(jco.getFunctionTemplate())).newFunction();
            JCoRecords.requestFromJCo(jco, function);
            destination.execute(function);
            JCoRecords.responseToJCo(function, jco);
        } catch (AbapException e) {
            errors.incrementAndGet();
            throw new com.sap.conn.jco.AbapException(e.key(), e.getMessage());
        } catch (RfcException e) {
            errors.incrementAndGet();
            throw new IllegalStateException(e.kind() + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            errors.incrementAndGet();
            throw e;
        } finally {
            busy.decrementAndGet();
        }
    }

    /** Forgets the converted metadata, as when the repository's DDIC changed. */
    void invalidate() {
        metadata.clear();
    }

    ListenerStatistics statistics() {
        return new ListenerStatistics(calls.get(), errors.get(), 0, 0, busy.get(), peakBusy.get());
    }
}

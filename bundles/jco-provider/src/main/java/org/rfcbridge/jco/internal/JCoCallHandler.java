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
import org.rfcbridge.api.CallObserver;
import org.rfcbridge.api.CallRecord;
import org.rfcbridge.api.CallRouter;
import org.rfcbridge.api.ListenerStatistics;
import org.rfcbridge.api.RfcException;
import org.rfcbridge.api.SystemFailureException;
import org.rfcbridge.api.data.Function;
import org.rfcbridge.api.metadata.FunctionMetadata;

/**
 * The JCo listener's handler of every call: the caller's logon attributes and the function name make
 * the routing context, as for the native listener; the routed destination executes; the reply or the
 * error goes back through JCo. An ABAP exception is raised as JCo's {@code AbapException}; any other
 * failure as an unchecked exception, which JCo returns to the caller as SYSTEM_FAILURE with its text, which
 * starts with the call id of the call log, as the native listener's do.
 */
final class JCoCallHandler implements JCoServerFunctionHandlerFactory, JCoServerFunctionHandler {
    private final String programId;
    private final Supplier<CallRouter> router;
    private final CallObserver observer;
    private final Map<String, FunctionMetadata> metadata = new ConcurrentHashMap<>();
    private final AtomicLong calls = new AtomicLong();
    private final AtomicLong errors = new AtomicLong();
    private final AtomicInteger busy = new AtomicInteger();
    private final AtomicInteger peakBusy = new AtomicInteger();

    JCoCallHandler(String programId, Supplier<CallRouter> router, CallObserver observer) {
        this.programId = programId;
        this.router = router;
        this.observer = observer;
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
        // JCo has read the call already and does not say its size: bytes in and out stay 0 in the call log
        CallRecord record = new CallRecord(programId, 0);
        try {
            JCoAttributes caller = context.getConnectionAttributes();
            String receiver = caller.getDestination() == null || caller.getDestination().isBlank() ? programId
                    : caller.getDestination();
            record.caller(caller.getSystemID() + caller.getClient(), receiver, caller.getUser());
            record.function(jco.getName());
            CallContext call = new CallContext(caller.getSystemID(), caller.getClient(), receiver, jco.getName(),
                    caller.getUser(), caller.getLanguage());
            CallRouter callRouter = router.get();
            if (callRouter == null) {
                throw new SystemFailureException("routing is not running: no rule can take " + jco.getName());
            }
            CallRouter.Route route = callRouter.routeNamingTheRule(call);
            record.routed(route);
            Function function = metadata.computeIfAbsent(jco.getName(),
                    name -> JCoMetadata.function(jco.getFunctionTemplate())).newFunction();
            JCoRecords.requestFromJCo(jco, function);
            long cloudStart = System.nanoTime();
            try {
                route.destination().execute(function);
            } finally {
                record.inDestination(System.nanoTime() - cloudStart);
                record.countRows(function);
            }
            JCoRecords.responseToJCo(function, jco);
        } catch (AbapException e) {
            errors.incrementAndGet();
            record.failed(e);
            throw new com.sap.conn.jco.AbapException(e.key(), e.getMessage());
        } catch (RfcException e) {
            errors.incrementAndGet();
            record.failed(e);
            throw new IllegalStateException(record.errorPrefix() + ": " + e.kind() + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            errors.incrementAndGet();
            record.failed(new SystemFailureException(String.valueOf(e.getMessage())));
            throw e;
        } finally {
            busy.decrementAndGet();
            record.end(observer);
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

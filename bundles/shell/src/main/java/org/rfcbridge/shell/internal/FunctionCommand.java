package org.rfcbridge.shell.internal;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Completion;
import org.rfcbridge.shell.internal.completers.DestinationNameCompleter;

/** A command on one function module of one destination. */
abstract class FunctionCommand extends RfcCommand {
    @Argument(index = 0, name = "destination", description = "e.g. Connection_to_Cloud", required = true)
    @Completion(DestinationNameCompleter.class)
    String destination;

    @Argument(index = 1, name = "function", description = "e.g. STFC_CONNECTION", required = true)
    String function;
}

package org.rfcbridge.shell.internal;

import org.apache.karaf.shell.api.action.Option;

/** A command that prints a table for people or, with {@code --json}, JSON for scripts. */
abstract class ListingCommand extends RfcCommand {
    @Option(name = "--json", description = "JSON for scripts instead of a table")
    boolean json;
}

package org.rfcbridge.tools;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.concurrent.Callable;

import picocli.CommandLine;

/**
 * A command-line tool: a picocli command that prints on the given streams and exits with the status the launcher
 * documents. A wrong argument exits 2 with picocli's message (which proposes the nearest option or subcommand for
 * a typo) and the usage; a wrong value the command itself finds ({@link IllegalArgumentException}) exits 2 the
 * same way; the command's own status otherwise.
 */
abstract class Tool implements Callable<Integer> {
    protected final PrintStream out;
    protected final PrintStream err;

    Tool(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    /** Parses the arguments and runs the command they name; returns the exit status. */
    final int execute(String[] args) {
        CommandLine line = new CommandLine(this)
                .setOut(new PrintWriter(out, true))
                .setErr(new PrintWriter(err, true))
                .setExecutionExceptionHandler((e, failed, parsed) -> {
                    if (!(e instanceof IllegalArgumentException)) {
                        throw e;
                    }
                    failed.getErr().println(failed.getCommandName() + ": " + e.getMessage());
                    failed.usage(failed.getErr());
                    return CommandLine.ExitCode.USAGE;
                });
        return line.execute(args);
    }

    /** Ends a tool's {@code main}: a status below 0 is a server that ran until the JVM was stopped. */
    static void exit(int status) {
        if (status >= 0) {
            System.exit(status);
        }
    }
}

package org.rfcbridge.tools;

import java.io.PrintStream;
import java.io.PrintWriter;

import picocli.CommandLine;

/**
 * How every tool runs its picocli command: output and errors on the given streams, and the exit status the
 * launcher documents. A wrong argument exits 2 with picocli's message (which proposes the nearest option or
 * subcommand for a typo) and the usage; a wrong value the command itself finds ({@link IllegalArgumentException})
 * exits 2 the same way; the command's own status otherwise.
 */
final class CommandLines {
    private CommandLines() {
    }

    static int run(Object command, String[] args, PrintStream out, PrintStream err) {
        CommandLine line = new CommandLine(command)
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

    /** Runs a tool's {@code main}: a status below 0 is a server that ran until the JVM was stopped. */
    static void exit(int status) {
        if (status >= 0) {
            System.exit(status);
        }
    }
}

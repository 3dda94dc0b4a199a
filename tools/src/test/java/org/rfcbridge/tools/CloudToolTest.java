package org.rfcbridge.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** {@code ./rfcbridge cloud}: its arguments. */
class CloudToolTest {
    private static ToolRun run(String... args) {
        return ToolRun.of((out, err) -> CloudTool.run(args, out, err));
    }

    @Test
    void wrongArgumentsExitWithTwoAndTheUsage() {
        ToolRun none = run();
        assertEquals(2, none.status());
        assertTrue(none.err().startsWith("Missing required option: '--port=<port>'\nUsage: cloud "), none.err());

        ToolRun unknown = run("--port", "44300", "--colour", "blue");
        assertEquals(2, unknown.status());
        assertTrue(unknown.err().startsWith("Unknown options: '--colour', 'blue'"), unknown.err());

        ToolRun compression = run("--port", "0", "--compression", "zip");
        assertEquals(2, compression.status());
        assertTrue(compression.err().startsWith("cloud: "), compression.err());
        assertTrue(compression.err().contains("zip"), compression.err());

        ToolRun typo = run("--port", "44300", "--compresion", "lzc");
        assertEquals(2, typo.status());
        assertTrue(typo.err().contains("Possible solutions: --compression"), "picocli proposes the nearest option: "
                + typo.err());
    }

    @Test
    void helpShowsTheUsageAndStartsNothing() {
        ToolRun help = run("--port", "0", "--help");
        assertEquals(0, help.status(), help.err());
        assertTrue(help.out().startsWith("Usage: cloud [-hV] [--ca=FILE]"), help.out());
        assertTrue(help.out().contains("default: .rfcbridge/cloud-ca.pem"), help.out());
    }
}

package org.rfcbridge.cpic.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** PID {@code org.rfcbridge.memory}: the heap that large relayed requests may hold, for the whole bridge. */
@ObjectClassDefinition(name = "RFC Bridge memory for large requests",
        description = "How much heap the relayed requests larger than 1 MB may hold at once, all listeners together. "
                + "A large request reserves its listener's max.request.mb (at most this much) and waits while "
                + "other calls hold it.")
@interface RequestMemoryConfig {
    @AttributeDefinition(name = "Memory for large requests (MB)", min = "0",
            description = "0: half the heap (a request takes up to three times its size while it is passed on).")
    int max_large_requests_mb() default 0;

    @AttributeDefinition(name = "Wait for memory (s)", min = "1",
            description = "How long a large call waits for others to end before it is refused with SYSTEM_FAILURE.")
    int large_request_wait() default 60;
}

package org.rfcbridge.truststore.internal;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Calls back when files in a directory are created, changed or deleted; events within
 * {@value #SETTLE_MILLIS} ms are folded into one call, so that copying a file in is one reload.
 */
final class DirectoryWatcher implements AutoCloseable {
    static final long SETTLE_MILLIS = 300;
    private static final Logger LOG = LoggerFactory.getLogger(DirectoryWatcher.class);

    private final WatchService service;
    private final Thread thread;

    DirectoryWatcher(Path directory, Runnable onChange) throws IOException {
        service = FileSystems.getDefault().newWatchService();
        directory.register(service, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY,
                StandardWatchEventKinds.ENTRY_DELETE);
        thread = new Thread(() -> run(onChange), "rfcbridge-truststore-watch");
        thread.setDaemon(true);
        thread.start();
    }

    private void run(Runnable onChange) {
        try {
            while (true) {
                WatchKey key = service.take();
                key.pollEvents();
                key.reset();
                // let a copy finish: fold events that keep coming into one reload
                WatchKey more;
                while ((more = service.poll(SETTLE_MILLIS, TimeUnit.MILLISECONDS)) != null) {
                    more.pollEvents();
                    more.reset();
                }
                try {
                    onChange.run();
                } catch (RuntimeException e) {
                    LOG.warn("Reloading the trusted certificates failed: {}", e.toString());
                }
            }
        } catch (InterruptedException | ClosedWatchServiceException e) {
            // closed: the component was deactivated
        }
    }

    @Override
    public void close() {
        try {
            service.close();
        } catch (IOException e) {
            LOG.debug("Closing the directory watch: {}", e.toString());
        }
        thread.interrupt();
    }
}

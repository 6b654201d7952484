package org.primum.privacy;

import org.jboss.logmanager.ExtLogRecord;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Every log record of the JVM while it is open (through the JBoss LogManager that Quarkus and Surefire install as
 * the JUL manager: HAPI's and Drools' SLF4J logging ends there too), with the given categories at DEBUG: the
 * formatted message, the logger, and the messages of any exception chain. The handlers already on the root logger
 * are held at INFO meanwhile, so the console is not flooded; {@link #close()} restores every level.
 */
public final class LogCapture extends Handler implements AutoCloseable {

    private final StringBuilder text = new StringBuilder();
    private final Map<Logger, Level> categoryLevels = new HashMap<>();
    private final Map<Handler, Level> handlerLevels = new HashMap<>();
    /** Strong references: JUL holds loggers weakly, and a collected logger would lose the level set here. */
    private final List<Logger> categories = new ArrayList<>();
    private int debugRecords;

    private LogCapture() {
        setLevel(Level.ALL);
    }

    public static LogCapture atDebug(List<String> categories) {
        LogCapture capture = new LogCapture();
        Logger root = Logger.getLogger("");
        for (Handler h : root.getHandlers()) {
            capture.handlerLevels.put(h, h.getLevel());
            h.setLevel(Level.INFO);
        }
        for (String name : categories) {
            Logger logger = Logger.getLogger(name);
            capture.categories.add(logger);
            capture.categoryLevels.put(logger, logger.getLevel());
            logger.setLevel(Level.FINE);
        }
        root.addHandler(capture);
        return capture;
    }

    @Override
    public void publish(LogRecord record) {
        String message = record instanceof ExtLogRecord ext ? ext.getFormattedMessage() : record.getMessage();
        synchronized (text) {
            if (record.getLevel().intValue() < Level.INFO.intValue()) debugRecords++;
            text.append(record.getLevel()).append(' ').append(record.getLoggerName()).append(": ").append(message).append('\n');
            for (Throwable t = record.getThrown(); t != null; t = t.getCause()) text.append("  ").append(t).append('\n');
        }
    }

    public String text() {
        synchronized (text) {
            return text.toString();
        }
    }

    /** Records below INFO captured: proof that DEBUG was on. */
    public int debugRecords() {
        synchronized (text) {
            return debugRecords;
        }
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
        Logger.getLogger("").removeHandler(this);
        categoryLevels.forEach(Logger::setLevel);
        handlerLevels.forEach(Handler::setLevel);
    }
}

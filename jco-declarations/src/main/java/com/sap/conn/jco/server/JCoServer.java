package com.sap.conn.jco.server;

/**
 * Compile-only declaration of SAP JCo 3.1 (never shipped; see ../README.md). start, stop, setCallHandlerFactory and the getters of the registration are
 * standalone JCo only; setCallHandlerFactory takes the call-handler factory, not the function-handler one.
 */
public interface JCoServer {
    void start();

    void stop();

    JCoServerState getState();

    void setCallHandlerFactory(JCoServerCallHandlerFactory factory);

    void addServerErrorListener(JCoServerErrorListener listener);

    void addServerExceptionListener(JCoServerExceptionListener listener);

    void addServerStateChangedListener(JCoServerStateChangedListener listener);

    void release();
}

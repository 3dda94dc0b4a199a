package org.rfcbridge.api;

import java.util.Optional;

import org.rfcbridge.api.metadata.FunctionMetadata;

/**
 * Function interfaces from a system's DDIC (SAP BC's "repository server"), cached. Registered as an
 * OSGi service with the property {@link RfcDestination#NAME_PROPERTY} of the system it reads.
 */
public interface FunctionRepository {
    /** The name of the system this repository reads. */
    String name();

    /**
     * The interface of a function module.
     *
     * @return empty if the system does not know the function
     * @throws RfcException if the system could not be asked (logon, communication, refused metadata function)
     */
    Optional<FunctionMetadata> getFunctionMetadata(String functionName) throws RfcException;

    /** Forgets the cached interface of one function, so the next call reads it again. */
    void invalidate(String functionName);

    /** Forgets every cached interface. */
    void invalidateAll();
}

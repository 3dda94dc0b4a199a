package org.rfcbridge.jco.internal;

import com.sap.conn.jco.JCoException;

import org.rfcbridge.api.AbapException;
import org.rfcbridge.api.CommunicationFailureException;
import org.rfcbridge.api.LogonFailureException;
import org.rfcbridge.api.RfcException;
import org.rfcbridge.api.SystemFailureException;

/** JCo's error groups as the errors an ABAP caller understands. */
final class JCoErrors {
    private JCoErrors() {
    }

    static RfcException toRfc(JCoException e, String destination) {
        String text = "Destination " + destination + " (JCo): " + e.getMessage();
        switch (e.getGroup()) {
            case JCoException.JCO_ERROR_ABAP_EXCEPTION:
            case JCoException.JCO_ERROR_APPLICATION_EXCEPTION:
                return new AbapException(e.getKey(), e.getMessage());
            case JCoException.JCO_ERROR_COMMUNICATION:
            case JCoException.JCO_ERROR_TIMEOUT:
            case JCoException.JCO_ERROR_RESOURCE:
                return new CommunicationFailureException(text, e);
            case JCoException.JCO_ERROR_LOGON_FAILURE:
                return new LogonFailureException(text);
            default:
                return new SystemFailureException(text + " (JCo error group " + e.getGroup() + ")", e);
        }
    }
}

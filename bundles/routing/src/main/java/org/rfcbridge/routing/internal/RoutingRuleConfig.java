package org.rfcbridge.routing.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Factory PID {@code org.rfcbridge.routing.rule}: one of SAP BC's "Adapters > Routing > Routing Rules". */
@ObjectClassDefinition(name = "RFC Bridge Routing Rule",
        description = "Which destination a call goes to: first enabled rule in order whose sender, receiver and "
                + "function match (SAP BC: Adapters > Routing > Routing Rules).")
@interface RoutingRuleConfig {
    @AttributeDefinition(name = "Name", required = false,
            description = "The rule's name; empty: taken from the configuration (etc/org.rfcbridge.routing.rule-NAME.cfg).")
    String name() default "";

    @AttributeDefinition(name = "Sender", description = "System ID and client of the calling system as SAP BC writes "
            + "them, e.g. YI3000; * for any; wildcards * and ?.")
    String sender() default "*";

    @AttributeDefinition(name = "Receiver", description = "The SM59 destination the on-prem system called, e.g. "
            + "MYDESTINATION_000; * for any.")
    String receiver() default "*";

    @AttributeDefinition(name = "Message type (function)", description = "Function module name or pattern, e.g. "
            + "STFC_* or *.")
    String function() default "*";

    @AttributeDefinition(name = "Transport", description = "How the call is passed on: RFC.")
    String transport() default "RFC";

    @AttributeDefinition(name = "Destination", description = "The destination calls go to, e.g. Connection_to_Cloud.")
    String destination();

    @AttributeDefinition(name = "Enabled")
    boolean enabled() default true;

    @AttributeDefinition(name = "Order", description = "Rules are tried in ascending order.")
    int order() default 100;

    @AttributeDefinition(name = "Allowed functions", required = false, description = "If set, only these function "
            + "modules (names or patterns) may be called through this rule, e.g. the functions the cloud's "
            + "communication arrangement allows. Others are refused with SYSTEM_FAILURE.")
    String[] functions_allowed() default {};

    /** The Web Console lists factory configurations by this. */
    String webconsole_configurationFactory_nameHint() default "{sender} / {receiver} / {function} -> {destination}";
}

package org.rfcbridge.monitoring.internal;

import javax.management.MalformedObjectNameException;
import javax.management.ObjectName;

import com.codahale.metrics.jmx.ObjectNameFactory;

/**
 * JMX names that group the metrics as an administrator looks for them in JConsole or through Jolokia:
 * {@code org.rfcbridge:type=Function,name="STFC_CONNECTION",metric=calls} (as Camel names its routes' MBeans).
 */
final class JmxNames implements ObjectNameFactory {
    @Override
    public ObjectName createName(String type, String domain, String registered) {
        MetricName name = MetricName.parse(registered);
        String metric = name.kind().isEmpty() ? name.metric() : name.metric() + "." + name.kind();
        try {
            return new ObjectName(domain + ":type=" + name.jmxType() + (name.name().isEmpty() ? "" : ",name="
                    + ObjectName.quote(name.name())) + ",metric=" + metric);
        } catch (MalformedObjectNameException e) {
            throw new IllegalArgumentException("metric " + registered + " has no JMX name: " + e.getMessage(), e);
        }
    }
}

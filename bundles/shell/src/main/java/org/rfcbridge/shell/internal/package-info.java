/** The {@code rfc:*} console commands. Private: Karaf finds them through the Karaf-Commands header. */
package org.rfcbridge.shell.internal;

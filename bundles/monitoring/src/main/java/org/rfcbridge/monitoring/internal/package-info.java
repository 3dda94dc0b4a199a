/** The monitoring bundle's implementation: private. */
package org.rfcbridge.monitoring.internal;

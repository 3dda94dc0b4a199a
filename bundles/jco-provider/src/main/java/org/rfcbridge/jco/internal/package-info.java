/**
 * The JCo provider: listeners on {@code JCoServer} and destinations on JCo WebSocket RFC destinations,
 * for configurations with {@code provider=jco}. Classes that name JCo types are loaded only when JCo is
 * installed ({@link org.rfcbridge.jco.internal.JCoEnvironment} decides); the others never name them.
 */
package org.rfcbridge.jco.internal;

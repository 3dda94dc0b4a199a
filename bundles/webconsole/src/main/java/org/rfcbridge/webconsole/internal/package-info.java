/** The "RFC Bridge" page of the Felix Web Console. Private: the console finds it as a Servlet service. */
package org.rfcbridge.webconsole.internal;

/**
 * Web sessions in the database (Spring Session JDBC), shared by every application node: a person
 * signed in to Tasklist, Cockpit, Admin or {@code /sla} stays signed in, with the same CSRF token,
 * whichever node the load balancer sends the next request to.
 */
package org.invisiblebars.platform.session;

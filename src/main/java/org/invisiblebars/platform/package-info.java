/**
 * Cross-cutting wiring shared by every feature: web security for the engine REST API and our own
 * API, mitigations for advisories against Camunda 7.24.0, and the identity bootstrap (groups,
 * authorizations, Tasklist filters, demo users). No feature logic lives here.
 */
package org.invisiblebars.platform;

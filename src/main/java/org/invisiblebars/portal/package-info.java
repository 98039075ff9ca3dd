/**
 * The NGO portal at {@code /portal}: server-rendered pages (Thymeleaf, GOV.UK Frontend from its
 * WebJar) where the people of an organisation see their own accreditations, visits and reports,
 * what is awaited from them and by when, and act. No domain of its own: its pages call the use
 * cases and queries of the other features, as our API does, never the API over HTTP. Who may sign
 * in is declared in {@code platform/security/PortalSecurityConfiguration}.
 */
package org.invisiblebars.portal;

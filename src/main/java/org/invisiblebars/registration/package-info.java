/**
 * Organisations register themselves: a request with a verified e-mail address, reviewed by a
 * liaison officer in Tasklist ({@code organisation-registration}); approval creates the
 * organisation and its first NGO user, who sets a password through a single-use link.
 */
package org.invisiblebars.registration;

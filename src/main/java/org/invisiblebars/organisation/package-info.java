/**
 * Organisations that work with the prison administration (NGOs, NPMs, the ICRC) and the binding of
 * each {@code ngo} user to exactly one organisation, which scopes everything that user may see.
 */
package org.invisiblebars.organisation;

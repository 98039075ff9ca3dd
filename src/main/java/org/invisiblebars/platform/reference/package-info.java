/**
 * Readable case references ({@code VIS-2026-0345}): allocated per kind and year when a case is
 * first stored, used as the business key of its process instance and accepted in API paths in place
 * of the case's id.
 */
package org.invisiblebars.platform.reference;

/**
 * Persistence wiring shared by the features: locking the aggregates that requests change
 * concurrently.
 */
package org.invisiblebars.platform.persistence;

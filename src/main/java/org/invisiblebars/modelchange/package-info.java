/**
 * Reviewed deployments: a process owner's model change is held until a director or an administrator
 * approves it.
 */
package org.invisiblebars.modelchange;

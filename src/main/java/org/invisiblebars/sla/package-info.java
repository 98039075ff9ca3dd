/**
 * Service levels of every user task, for any deployed process: targets as the DMN decision {@code
 * sla-policy}, which process owners maintain, and the due date each task gets when it is created.
 */
package org.invisiblebars.sla;

/**
 * Migration of running process instances from one version of a process to another, for process
 * owners: the proposed plan with what cannot be mapped and why, and its run as an engine batch with
 * its progress and the outcome per instance.
 */
package org.invisiblebars.platform.migration;

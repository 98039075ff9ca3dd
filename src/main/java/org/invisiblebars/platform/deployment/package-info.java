/**
 * What models may reach, and what a process owner may deploy. Models call Spring beans only through
 * the engine's bean map of the beans {@link PublishedForModels published for models}; a deployment
 * by anyone but an administrator is checked before the engine parses it and refused, with every
 * offence listed, when it carries code: scripts, Java classes, connectors, expressions that do more
 * than read variables, other beans, DOCTYPEs, or files that would run in a browser. A deployment by
 * anyone signed in, administrators included, is refused too when it misses a form or decision its
 * models name, or a handler for a user task of our processes.
 */
package org.invisiblebars.platform.deployment;

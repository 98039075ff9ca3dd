/**
 * The languages people read the application in (English, French, Spanish): which one a request is
 * answered in, and the switch between them on the NGO portal's pages.
 */
package org.invisiblebars.platform.language;

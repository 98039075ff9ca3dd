/** The prison facilities NGOs ask to work in, with the liaison capacity each can sustain. */
package org.invisiblebars.facility;

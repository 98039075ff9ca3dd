/**
 * NGO accreditation (process {@code ngo-accreditation}): formal mandates are verified and
 * registered; NGO applications are checked, rated on objective criteria (DMN {@code
 * accreditation-criteria}) against liaison capacity, vetted, consulted on, decided by the director
 * with reasons, and bound by an MoU. {@code domain} holds the records and their rules, {@code
 * usecase} what staff and NGOs do, {@code adapter} the process glue and HTTP.
 */
package org.invisiblebars.accreditation;

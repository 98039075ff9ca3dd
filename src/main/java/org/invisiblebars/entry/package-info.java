/**
 * Entry authorisation (process {@code entry-authorisation}): a visit request is checked against the
 * accreditation or mandate and the MoU, its risk proposed (DMN {@code visit-risk}) and assessed by
 * security, its search level set (DMN {@code search-protocol}) and, where required, authorised by
 * the director; then it is scheduled, the visitors are told how they will be searched and
 * acknowledge it, first-time visitors are briefed, and the gate records check-in and check-out.
 * {@code domain} holds visits, assessments and briefings with their rules, {@code usecase} what
 * NGOs and staff do, {@code adapter} the process glue and HTTP. The risk assessment is staff-only.
 */
package org.invisiblebars.entry;

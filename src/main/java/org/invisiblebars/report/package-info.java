/**
 * Confidential report review (process {@code report-review}): an accredited NGO's monitoring report
 * is reviewed by the authorities within the MoU's confidential period (acknowledgement,
 * coordination meeting, plan of action), then published with their response or released to the NGO,
 * and its accepted recommendations are followed up. Until publication only the submitting
 * organisation, directors and NGO liaison officers read it. {@code domain} holds the report and its
 * rules, {@code usecase} what NGOs and staff do, {@code adapter} the process glue and HTTP.
 */
package org.invisiblebars.report;

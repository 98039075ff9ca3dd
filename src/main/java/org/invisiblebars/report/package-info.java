/**
 * Confidential report review (process {@code report-review}): an accredited NGO's monitoring report
 * is reviewed by the authorities within the MoU's (or an NPM mandate's) confidential period
 * (acknowledgement, coordination meeting, plan of action), then released to the NGO with the reason
 * why (an ICRC report stays confidential), and its accepted recommendations are followed up.
 * Publication (process {@code report-publication}) happens only at the NGO's request: redaction,
 * the NGO's consent to the preview, the public register, and withdrawal at any time. Only the
 * submitting organisation, directors and NGO liaison officers read a report. {@code domain} holds
 * the report, its publication and their rules, {@code usecase} what NGOs and staff do, {@code
 * adapter} the process glue and HTTP.
 */
package org.invisiblebars.report;

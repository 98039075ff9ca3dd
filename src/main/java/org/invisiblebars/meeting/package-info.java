/**
 * Coordination meetings between the authorities and an organisation (processes {@code
 * coordination-meeting} and {@code agreed-action}): held before, during or after its work, as often
 * as needed (called by the report review, arranged by a liaison officer, or asked for by the
 * organisation), with an agenda, participants from both sides, minutes, and agreed actions with an
 * owner and a due date, each tracked to done. Read by the organisation, directors and liaison
 * officers only. {@code domain} holds the meeting and its rules, {@code usecase} what people do,
 * {@code adapter} the process glue and HTTP.
 */
package org.invisiblebars.meeting;

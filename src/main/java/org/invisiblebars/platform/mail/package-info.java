/**
 * E-mail notifications through a transactional outbox: a feature (or the engine's task listener)
 * asks {@link org.invisiblebars.platform.mail.Notifications} to tell people, which stores a notice
 * for a user or for groups in {@code mail_outbox} in the caller's transaction; {@link
 * org.invisiblebars.platform.mail.OutboxSender} addresses it to each person with an e-mail address
 * and delivers the messages afterwards with retries and back-off, each message once across every
 * node. Failed messages are listed at {@code GET /api/v1/mail/failures}. The texts live in the
 * bundle {@code mail/messages}. Features call this package; it knows none of them.
 */
package org.invisiblebars.platform.mail;

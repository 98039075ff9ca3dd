package org.invisiblebars.entry.usecase;

import java.time.Duration;
import java.time.ZoneId;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The rules of entry that an administration configures: the minimum notice of an NGO visit, when an
 * undecided visit is escalated (and how soon at the earliest after a request at short notice), when
 * the gate opens before the window, when security is alerted after it, and the administration's
 * time zone (each facility has its own, in which its visits and the MoU's days and hours are read;
 * this one only reads a window whose facility is unknown).
 */
@Component
public class EntrySettings {

  private final Duration minimumNotice;
  private final Duration escalateBefore;
  private final Duration shortNoticeEscalateAfter;
  private final Duration gateOpensBefore;
  private final Duration checkOutAlertAfter;
  private final ZoneId zone;

  EntrySettings(
      @Value("${invisible-bars.entry.minimum-notice:P3D}") Duration minimumNotice,
      @Value("${invisible-bars.entry.escalate-before:PT48H}") Duration escalateBefore,
      @Value("${invisible-bars.entry.short-notice-escalate-after:PT1H}")
          Duration shortNoticeEscalateAfter,
      @Value("${invisible-bars.entry.gate-opens-before:PT2H}") Duration gateOpensBefore,
      @Value("${invisible-bars.entry.check-out-alert-after:PT1H}") Duration checkOutAlertAfter,
      @Value("${invisible-bars.entry.zone:UTC}") ZoneId zone) {
    this.minimumNotice = minimumNotice;
    this.escalateBefore = escalateBefore;
    this.shortNoticeEscalateAfter = shortNoticeEscalateAfter;
    this.gateOpensBefore = gateOpensBefore;
    this.checkOutAlertAfter = checkOutAlertAfter;
    this.zone = zone;
  }

  public Duration minimumNotice() {
    return minimumNotice;
  }

  public Duration escalateBefore() {
    return escalateBefore;
  }

  public Duration shortNoticeEscalateAfter() {
    return shortNoticeEscalateAfter;
  }

  public Duration gateOpensBefore() {
    return gateOpensBefore;
  }

  public Duration checkOutAlertAfter() {
    return checkOutAlertAfter;
  }

  public ZoneId zone() {
    return zone;
  }
}

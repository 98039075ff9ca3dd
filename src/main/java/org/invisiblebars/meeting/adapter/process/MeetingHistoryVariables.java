package org.invisiblebars.meeting.adapter.process;

import org.invisiblebars.meeting.usecase.AgreedActionProcess;
import org.invisiblebars.meeting.usecase.CoordinationMeetingProcess;
import org.invisiblebars.platform.process.HistoryRecordedVariables;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The history of coordination-meeting and agreed-action keeps only ids, dates and flags: minutes, a
 * report's content or an action's text never reach it.
 */
@Configuration(proxyBeanMethods = false)
class MeetingHistoryVariables {

  @Bean
  HistoryRecordedVariables meetingHistory() {
    return new HistoryRecordedVariables(
        CoordinationMeetingProcess.KEY, CoordinationMeetingProcess.Variable.RECORDED) {};
  }

  @Bean
  HistoryRecordedVariables agreedActionHistory() {
    return new HistoryRecordedVariables(
        AgreedActionProcess.KEY, AgreedActionProcess.Variable.RECORDED) {};
  }
}

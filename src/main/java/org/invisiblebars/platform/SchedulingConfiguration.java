package org.invisiblebars.platform;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Periodic work of the application (the SLA breach scan). */
@Configuration
@EnableScheduling
class SchedulingConfiguration {}

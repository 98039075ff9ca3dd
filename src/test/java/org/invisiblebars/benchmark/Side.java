package org.invisiblebars.benchmark;

/**
 * One side of the comparison: the bare engine (no credentials, no authorization) or ours (HTTP
 * Basic as the demo users, password {@code demo}).
 */
record Side(String name, BenchApplication application, boolean secured) {

  static final String DEMO_PASSWORD = "demo";

  Caller as(String user) {
    return Caller.of(application.baseUrl(), user, secured ? DEMO_PASSWORD : null);
  }

  Caller as(String user, String password) {
    return Caller.of(application.baseUrl(), user, secured ? password : null);
  }
}

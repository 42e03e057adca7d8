package dev.asynclint.agent;

import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Locale;

/** One snapshot of what the agent measured, and its three renderings: JSON, a text table, HTML. */
record StallReport(
    List<CallSite> callSites,
    StallRecorder.TaskSummary tasks,
    long droppedSites,
    long droppedCalls,
    long frameworkInternalCalls,
    long classLoadingCalls,
    long internalErrors,
    String firstInternalError,
    List<String> notInstrumented) {

  String toJson() {
    StringBuilder j = new StringBuilder(256 + callSites.size() * 256);
    j.append("{\n  \"callSites\": [");
    for (int i = 0; i < callSites.size(); i++) {
      CallSite c = callSites.get(i);
      j.append(i == 0 ? "\n" : ",\n").append("    {\"rule\": ").append(Json.quote(c.rule()))
          .append(", \"site\": ").append(Json.quote(c.site()))
          .append(", \"api\": ").append(Json.quote(c.api()))
          .append(", \"threads\": [");
      for (int t = 0; t < c.threads().size(); t++) {
        j.append(t == 0 ? "" : ", ").append(Json.quote(c.threads().get(t)));
      }
      j.append("], \"count\": ").append(c.count())
          .append(", \"totalMs\": ").append(Json.number(c.totalMs()))
          .append(", \"maxMs\": ").append(Json.number(c.maxMs()))
          .append(", \"p50Ms\": ").append(Json.number(c.p50Ms()))
          .append(", \"p99Ms\": ").append(Json.number(c.p99Ms()))
          .append(", \"static\": ").append(c.isStatic()).append('}');
    }
    j.append(callSites.isEmpty() ? "],\n" : "\n  ],\n");
    j.append("  \"tasks\": {\"count\": ").append(tasks.count())
        .append(", \"totalMs\": ").append(Json.number(tasks.totalMs()))
        .append(", \"maxMs\": ").append(Json.number(tasks.maxMs()))
        .append(", \"overThreshold\": ").append(tasks.overThreshold())
        .append(", \"thresholdMs\": ").append(Json.number(tasks.thresholdMs()))
        .append(", \"eventLoopThreads\": ").append(tasks.eventLoopThreads()).append("},\n");
    j.append("  \"droppedSites\": ").append(droppedSites).append(",\n");
    j.append("  \"droppedCalls\": ").append(droppedCalls).append(",\n");
    j.append("  \"frameworkInternalCalls\": ").append(frameworkInternalCalls).append(",\n");
    j.append("  \"classLoadingCalls\": ").append(classLoadingCalls).append(",\n");
    j.append("  \"internalErrors\": ").append(internalErrors).append(",\n");
    if (firstInternalError != null) {
      j.append("  \"firstInternalError\": ").append(Json.quote(firstInternalError)).append(",\n");
    }
    j.append("  \"notInstrumented\": [");
    for (int i = 0; i < notInstrumented.size(); i++) {
      j.append(i == 0 ? "" : ", ").append(Json.quote(notInstrumented.get(i)));
    }
    j.append("],\n");
    Runtime rt = Runtime.getRuntime();
    j.append("  \"jvm\": {\"version\": ").append(Json.quote(System.getProperty("java.version", "")))
        .append(", \"vendor\": ").append(Json.quote(System.getProperty("java.vendor", "")))
        .append(", \"pid\": ").append(ProcessHandle.current().pid())
        .append(", \"uptimeMs\": ").append(ManagementFactory.getRuntimeMXBean().getUptime())
        .append(", \"processors\": ").append(rt.availableProcessors())
        .append("}\n}\n");
    return j.toString();
  }

  String toText() {
    StringBuilder t = new StringBuilder();
    t.append("async-lint agent: ").append(callSites.size()).append(" call site(s) stalled an event loop");
    t.append(String.format(Locale.ROOT, "; %d event-loop task(s), %d over %.0f ms%n",
        tasks.count(), tasks.overThreshold(), tasks.thresholdMs()));
    if (!callSites.isEmpty()) {
      t.append(String.format(Locale.ROOT, "  %-28s %7s %10s %9s %9s %9s  %s%n",
          "rule", "count", "total ms", "max ms", "p50 ms", "p99 ms", "site"));
      for (CallSite c : callSites) {
        t.append(String.format(Locale.ROOT, "  %-28s %7d %10.1f %9.1f %9.2f %9.2f  %s%s%n",
            c.rule(), c.count(), c.totalMs(), c.maxMs(), c.p50Ms(), c.p99Ms(), c.site(),
            c.isStatic() ? "  [static]" : ""));
      }
    }
    if (droppedSites > 0) {
      t.append("  (").append(droppedSites).append(" more site(s) not tracked: raise maxSites=)\n");
    }
    if (internalErrors > 0) {
      t.append("  (agent internal errors: ").append(internalErrors).append(", first: ")
          .append(firstInternalError).append(")\n");
    }
    return t.toString();
  }

  String toHtml() {
    double max = callSites.stream().mapToDouble(CallSite::totalMs).max().orElse(1);
    StringBuilder h = new StringBuilder();
    h.append("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>async-lint: event-loop stalls</title>")
        .append("<style>body{font-family:sans-serif;margin:2em}table{border-collapse:collapse}")
        .append("td,th{padding:2px 8px;text-align:left;font-size:13px}td.n{text-align:right}")
        .append(".bar{background:#d9534f;height:12px}.NonYieldingLoopInEventLoop .bar{background:#f0ad4e}")
        .append("code{font-size:12px}</style></head><body>")
        .append("<h1>Event-loop stalls per call site</h1><p>")
        .append(String.format(Locale.ROOT, "%d call site(s); %d event-loop task(s), %d over %.0f ms.",
            callSites.size(), tasks.count(), tasks.overThreshold(), tasks.thresholdMs()))
        .append("</p><table><tr><th>total stall</th><th>total ms</th><th>count</th><th>max ms</th>")
        .append("<th>p50 ms</th><th>p99 ms</th><th>rule</th><th>site</th><th>static</th></tr>");
    for (CallSite c : callSites) {
      int width = (int) Math.round(300 * c.totalMs() / Math.max(max, 1e-9));
      h.append("<tr class=\"").append(escape(c.rule())).append("\"><td><div class=\"bar\" style=\"width:")
          .append(Math.max(1, width)).append("px\"></div></td>")
          .append(String.format(Locale.ROOT, "<td class=n>%.1f</td><td class=n>%d</td><td class=n>%.1f</td>"
              + "<td class=n>%.2f</td><td class=n>%.2f</td>", c.totalMs(), c.count(), c.maxMs(),
              c.p50Ms(), c.p99Ms()))
          .append("<td>").append(escape(c.rule())).append("</td><td><code>").append(escape(c.site()))
          .append("</code></td><td>").append(c.isStatic() ? "yes" : "").append("</td></tr>");
    }
    h.append("</table>");
    if (droppedSites > 0) {
      h.append("<p>").append(droppedSites).append(" more site(s) were not tracked (maxSites).</p>");
    }
    return h.append("</body></html>\n").toString();
  }

  private static String escape(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }
}

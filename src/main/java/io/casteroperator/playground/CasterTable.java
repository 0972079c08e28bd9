package io.casteroperator.playground;

import io.casteroperator.api.Caster;
import io.casteroperator.api.Condition;
import io.casteroperator.api.Conditions;
import io.casteroperator.emulator.LiveEmulator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** The playground's view: each Caster, its caster, whether it is Ready, and the calls it cost. */
final class CasterTable {

  /** One row. {@code setCalls} and {@code calls} count what the emulator received for the caster. */
  record Row(String name, String casterId, String ready, String reason, String running, long setCalls, long calls,
      boolean current) {}

  private CasterTable() {}

  static List<Row> rows(List<Caster> casters, LiveEmulator emulator) {
    List<Row> rows = new ArrayList<>();
    for (Caster caster : casters) {
      String id = caster.getStatus() == null ? null : caster.getStatus().getCasterId();
      Condition ready = condition(caster, Conditions.READY);
      Condition running = condition(caster, Conditions.RUNNING);
      long setCalls = id == null ? 0 : emulator.callLog("SetCasterConfig", id, null, Integer.MAX_VALUE).size();
      long calls = id == null ? 0 : emulator.callLog(null, id, null, Integer.MAX_VALUE).size();
      boolean current = ready != null && caster.getMetadata().getGeneration().equals(ready.getObservedGeneration());
      rows.add(new Row(caster.getMetadata().getNamespace() + "/" + caster.getMetadata().getName(), id == null ? "-" : id,
          ready == null ? "-" : ready.getStatus().name(), ready == null ? "-" : ready.getReason(),
          running == null ? "-" : running.getStatus().name(), setCalls, calls, current));
    }
    rows.sort(Comparator.comparing(Row::name));
    return rows;
  }

  static String render(List<Row> rows) {
    String format = "%-32s %-38s %-7s %-36s %-7s %9s %6s%n";
    StringBuilder out = new StringBuilder(String.format(format, "CASTER", "CASTER ID", "READY", "REASON", "RUNNING",
        "SET CALLS", "CALLS"));
    for (Row row : rows) {
      out.append(String.format(format, row.name(), row.casterId(), row.ready(), row.reason(), row.running(), row.setCalls(),
          row.calls()));
    }
    return out.toString();
  }

  private static Condition condition(Caster caster, String type) {
    return caster.getStatus() == null || caster.getStatus().getConditions() == null ? null
        : caster.getStatus().getConditions().stream().filter(c -> type.equals(c.getType())).findFirst().orElse(null);
  }

  /** Counts of calls by action, for the summary line. */
  static String summary(Map<String, Map<String, Long>> calls) {
    StringBuilder out = new StringBuilder("Live API calls:");
    calls.forEach((action, byCode) -> out.append(' ').append(action).append('=').append(byCode));
    return out.toString();
  }
}
